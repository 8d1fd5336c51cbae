package org.triplehelix.shared.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import org.triplehelix.shared.InvalidInputException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * A JSON value of the wrong type as bad input naming its place in the body ({@code targets[0].threshold})
 * and what it must be: the API's problem details say this for a request body, and an endpoint that
 * reads a part of its body itself (an edit with its version) says the same.
 */
public final class JsonRefusal {

    private JsonRefusal() {
    }

    /** The refusal, or null when Jackson knows no place in the body (JSON that does not parse at all). */
    public static InvalidInputException of(JacksonException e) {
        String path = path(e);
        if (path.isEmpty()) {
            return null;
        }
        String detail = switch (e) {
            case InvalidFormatException key when isMapKey(key) -> path + ": " + key.getValue() + " is not a valid key"
                    + (expected(key.getTargetType()) == null ? "" : " (each key must be " + expected(key.getTargetType()) + ")");
            case InputCoercionException range -> path + " is out of range";
            case MismatchedInputException mismatch when expected(mismatch.getTargetType()) != null ->
                    path + " must be " + expected(mismatch.getTargetType());
            default -> path + " has the wrong type or format";
        };
        return new InvalidInputException(path, detail);
    }

    /**
     * Whether the key of a JSON object read as a map is at fault, not a value: Jackson says so only in its message
     * (the path then ends at the map, before the key), and saying "commitments must be a whole number" for
     * {@code {"abc": 1}} blames the value that is right.
     */
    private static boolean isMapKey(InvalidFormatException e) {
        return e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Cannot deserialize Map key");
    }

    /** The path of the value at fault in the body, as a client writes it: {@code filters.yearFrom}, {@code targets[0].threshold}. */
    private static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** What a value of this type looks like, in the words of the API's documentation; null when there are none. */
    private static String expected(Class<?> type) {
        if (type == null) {
            return null;
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a text";
        }
        if (type == LocalDate.class) {
            return "a date such as 2025-03-04";
        }
        if (type == Instant.class) {
            return "a time such as 2025-03-04T10:00:00+08:00";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "an object";
        }
        return null;
    }
}

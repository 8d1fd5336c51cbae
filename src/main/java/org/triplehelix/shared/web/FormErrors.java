package org.triplehelix.shared.web;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.triplehelix.shared.InvalidInputException;

/**
 * The refused fields of a page form, for the form shown again with what was typed: per field a
 * message key and its arguments. The form marks each field ({@code aria-invalid}, the message beside
 * it, {@code form/fieldError.jte}) and lists them at the top ({@code form/problems.jte}). Serializable
 * so that a form inside a larger page can carry it through a redirect as a flash attribute.
 */
public final class FormErrors implements Serializable {

    private record Error(String key, List<String> args) implements Serializable {
    }

    private final Map<String, Error> errors = new LinkedHashMap<>();

    public static FormErrors none() {
        return new FormErrors();
    }

    public static FormErrors of(String field, String key, Object... args) {
        return new FormErrors().add(field, key, args);
    }

    /**
     * A service's refusal on the form's input {@code field}: in the reader's language by its message key,
     * or, for a refusal without one, as "this field is refused" with the English reason.
     */
    public static FormErrors refusal(String field, InvalidInputException e) {
        return new FormErrors().addRefusal(field, e);
    }

    /** Records a service's refusal on the form's input {@code field}, as {@link #refusal} says it. */
    public FormErrors addRefusal(String field, InvalidInputException e) {
        return e.key() != null ? add(field, e.key(), e.args()) : add(field, "form.refused", e.getMessage());
    }

    /** Records an error on a field; the first one on a field is kept. Arguments are kept as text. */
    public FormErrors add(String field, String key, Object... args) {
        errors.putIfAbsent(field, new Error(key, java.util.Arrays.stream(args).map(String::valueOf).toList()));
        return this;
    }

    /**
     * The whole number typed in {@code field}, null when nothing is typed; one that is not a whole number is recorded
     * on the field ({@code form.wholeNumber}, with what was typed) and gives null.
     */
    public Integer wholeNumber(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            add(field, "form.wholeNumber", value.strip());
            return null;
        }
    }

    /**
     * The whole number from {@code least} to {@code most} typed in {@code field}, null when nothing is typed; one that is
     * not a whole number or lies outside the range is recorded on the field ({@code form.wholeNumberBetween}, with the
     * range and what was typed, in the same words for both) and gives null. For a page's filter given in its address (a
     * year, a month), which the page then shows without.
     */
    public Integer wholeNumber(String field, String value, int least, int most) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= least && number <= most) {
                return number;
            }
        } catch (NumberFormatException e) {
            // recorded below, in the same words as a number out of range
        }
        add(field, "form.wholeNumberBetween", least, most, value.strip());
        return null;
    }

    public boolean any() {
        return !errors.isEmpty();
    }

    public boolean on(String field) {
        return errors.containsKey(field);
    }

    /** {@code "true"} for a refused field, else null (so that the attribute is left out): for {@code aria-invalid}. */
    public String invalid(String field) {
        return on(field) ? "true" : null;
    }

    /**
     * The id of the refused field's message ({@code "f-" + field + "-error"}, as form/fieldError.jte writes it), else null
     * (so that the attribute is left out): for {@code aria-describedby}, which ties the message to its field.
     */
    public String describedBy(String field) {
        return on(field) ? "f-" + field + "-error" : null;
    }

    public Set<String> fields() {
        return errors.keySet();
    }

    public String key(String field) {
        Error error = errors.get(field);
        return error == null ? null : error.key();
    }

    public Object[] args(String field) {
        Error error = errors.get(field);
        return error == null ? new Object[0] : error.args().toArray();
    }

    /** The field's message in the page's language, or an empty string. */
    public String message(PageContext ctx, String field) {
        return on(field) ? ctx.msg(key(field), args(field)) : "";
    }
}

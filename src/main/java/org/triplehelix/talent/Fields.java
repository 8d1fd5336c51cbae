package org.triplehelix.talent;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.triplehelix.shared.InvalidInputException;

/**
 * One record to write, as the columns of its template (CSV, XLSX, a JSON object made flat): every
 * value a trimmed string, a missing or blank value absent. Reading a value checks its shape and
 * names the field when it is wrong.
 */
public record Fields(Map<String, String> values) {

    public Fields {
        Map<String, String> clean = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            if (k != null && v != null && !v.isBlank()) {
                clean.put(k.strip().toLowerCase(java.util.Locale.ROOT), v.strip());
            }
        });
        values = java.util.Collections.unmodifiableMap(clean);
    }

    public static Fields of(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return new Fields(map);
    }

    public String get(String field) {
        return values.get(field);
    }

    public String required(String field) {
        String value = values.get(field);
        if (value == null) {
            throw new InvalidInputException(field, field + " is required");
        }
        return value;
    }

    public Integer integer(String field, int min, int max) {
        String value = values.get(field);
        if (value == null) {
            return null;
        }
        try {
            int number = new java.math.BigDecimal(value).intValueExact();
            if (number < min || number > max) {
                throw new InvalidInputException(field, field + " must be between " + min + " and " + max);
            }
            return number;
        } catch (ArithmeticException | NumberFormatException e) {
            throw new InvalidInputException(field, field + " must be a whole number, not " + value);
        }
    }

    public int requiredInteger(String field, int min, int max) {
        required(field);
        return integer(field, min, max);
    }

    /** A list separated by {@code ;} (or the full-width {@code ；}). */
    public List<String> list(String field) {
        String value = values.get(field);
        return value == null ? List.of()
                : Arrays.stream(value.split("[;；]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** One of the allowed values (lower case). */
    public String oneOf(String field, String fallback, String... allowed) {
        String value = values.getOrDefault(field, fallback);
        if (value == null) {
            return null;
        }
        String lower = value.toLowerCase(java.util.Locale.ROOT);
        if (!List.of(allowed).contains(lower)) {
            throw new InvalidInputException(field, field + " must be one of " + String.join(", ", allowed) + ", not " + value);
        }
        return lower;
    }
}

package org.triplehelix.talent;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.triplehelix.shared.InvalidInputException;

/**
 * One record to write, as the columns of its template (CSV, XLSX, a JSON object made flat): every
 * value a trimmed string, a missing or blank value absent. Reading a value checks its shape and
 * names the field when it is wrong.
 *
 * <p>A list given as a list — a JSON array, the ids of a form's text area read one a line ({@link #withList}) — is kept
 * as such in {@code lists} and read from there, each item whole: an id holding a {@code ;} or a comma is not split as the
 * template's cell {@code a;b} is. Its {@code values} entry holds the items joined by {@code ;}, for the audit trail.
 */
public record Fields(Map<String, String> values, Map<String, List<String>> lists) {

    public Fields {
        Map<String, String> clean = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            if (k != null && v != null && !v.isBlank()) {
                clean.put(k.strip().toLowerCase(java.util.Locale.ROOT), v.strip());
            }
        });
        values = java.util.Collections.unmodifiableMap(clean);
        Map<String, List<String>> given = new LinkedHashMap<>();
        lists.forEach((k, items) -> given.put(k.strip().toLowerCase(java.util.Locale.ROOT),
                items.stream().filter(item -> item != null && !item.isBlank()).map(String::strip).toList()));
        lists = java.util.Collections.unmodifiableMap(given);
    }

    /** The columns of a template's row, lists in their cells ({@code a;b}). */
    public Fields(Map<String, String> values) {
        this(values, Map.of());
    }

    public static Fields of(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return new Fields(map);
    }

    /**
     * A JSON object as template columns: {@code name: {zh, en}} as name_zh and name_en, arrays kept as lists (and joined
     * by ; in the values); an array's item holding a line break is refused, named by its position ({@code enterprises[1]}).
     */
    public static Fields ofJson(tools.jackson.databind.JsonNode node) {
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, List<String>> lists = new LinkedHashMap<>();
        if (node == null || !node.isObject()) {
            throw new TalentInputException("body", "talent.reason.jsonObject", "a JSON object is required");
        }
        for (Map.Entry<String, tools.jackson.databind.JsonNode> field : node.properties()) {
            String name = field.getKey();
            tools.jackson.databind.JsonNode value = field.getValue();
            if (name.equals("kind") || value == null || value.isNull()) {
                continue;
            }
            if (value.isObject()) {
                tools.jackson.databind.JsonNode zh = value.get("zh");
                tools.jackson.databind.JsonNode en = value.get("en");
                values.put(name + "_zh", zh == null ? null : scalar(name, zh));
                values.put(name + "_en", en == null ? null : scalar(name, en));
            } else if (value.isArray()) {
                List<String> items = new java.util.ArrayList<>();
                value.forEach(item -> items.add(scalar(name, item)));
                // a form shows a list one item a line: one holding a line break would come back from it as several
                org.triplehelix.shared.ListItems.requireOneLine(name, items);
                values.put(name, String.join(";", items));
                lists.put(name, items);
            } else if (value.isString() && (name.equals("name") || name.equals("title"))) {
                String text = value.asString();
                values.putIfAbsent(org.triplehelix.shared.Text.containsHan(text) ? name + "_zh" : name + "_en", text);
            } else {
                values.put(name, value.asString());
            }
        }
        return new Fields(values, lists);
    }

    /** A value inside a list or a {zh, en} object: a text or a number; a list or an object there names its field (400, not 500). */
    private static String scalar(String field, tools.jackson.databind.JsonNode value) {
        if (value.isContainer()) {
            throw new TalentInputException(field, "talent.reason.nested", field + " holds a list or an object where a text is expected");
        }
        return value.asString();
    }

    /** The same fields with one more (or replaced). */
    public Fields with(String field, String value) {
        Map<String, String> map = new LinkedHashMap<>(values);
        map.put(field, value);
        Map<String, List<String>> given = new LinkedHashMap<>(lists);
        given.remove(field);
        return new Fields(map, given);
    }

    /** The same fields with a list given item by item (the ids of a form's text area), each read whole by {@link #list}. */
    public Fields withList(String field, List<String> items) {
        Map<String, String> map = new LinkedHashMap<>(values);
        map.put(field, String.join(";", items));
        Map<String, List<String>> given = new LinkedHashMap<>(lists);
        given.put(field, items);
        return new Fields(map, given);
    }

    /** The longest name or title (a {@code name_*} or {@code title_*} column), in characters. */
    public static final int MAX_NAME = 300;
    /** The longest of any other value (a background, a description, a list), in characters. */
    public static final int MAX_TEXT = 4000;

    /**
     * Refuses, naming the first such field, a value longer than a record may hold: a name or title of
     * more than {@link #MAX_NAME} characters, any other of more than {@link #MAX_TEXT}. Called by each
     * write before it reads the fields, so that pages, the API and imports refuse alike; reading
     * ({@link #get}) never refuses, so a refused form can still be shown as typed.
     */
    public Fields requireFitting() {
        values.forEach((field, value) -> fitting(field, value, field.startsWith("name_") || field.startsWith("title_") ? MAX_NAME : MAX_TEXT));
        return this;
    }

    /** Refuses a value longer than {@code max} characters, naming its field. */
    static void fitting(String field, String value, int max) {
        if (value != null && value.strip().length() > max) {
            throw new TalentInputException(field, "talent.reason.tooLong", field + " is at most " + max + " characters", max);
        }
    }

    public String get(String field) {
        return values.get(field);
    }

    public String required(String field) {
        String value = values.get(field);
        if (value == null) {
            throw TalentInputException.required(field);
        }
        return value;
    }

    public Integer integer(String field, int min, int max) {
        String value = values.get(field);
        if (value == null) {
            return null;
        }
        try {
            java.math.BigDecimal number = new java.math.BigDecimal(value);
            if (number.stripTrailingZeros().scale() > 0) {
                throw new NumberFormatException(value);
            }
            // compared before it is made an int, so that a whole number too large for one is out of range, not "not whole"
            if (number.compareTo(java.math.BigDecimal.valueOf(min)) < 0 || number.compareTo(java.math.BigDecimal.valueOf(max)) > 0) {
                throw new TalentInputException(field, "talent.reason.range", field + " must be between " + min + " and " + max, min, max);
            }
            return number.intValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            throw new TalentInputException(field, "talent.reason.wholeNumber", field + " must be a whole number, not " + value, value);
        }
    }

    public int requiredInteger(String field, int min, int max) {
        required(field);
        return integer(field, min, max);
    }

    /**
     * A list: as given when it was given as one (a JSON array, a form's ids), else the cell's items separated by
     * {@code ;} (or {@code ；}, {@code 、}, {@code ，}, as Chinese users separate items).
     */
    public List<String> list(String field) {
        List<String> given = lists.get(field);
        return given != null ? given : org.triplehelix.shared.OfficeFiles.items(values.get(field));
    }

    /** One of the allowed values (lower case). */
    public String oneOf(String field, String fallback, String... allowed) {
        String value = values.getOrDefault(field, fallback);
        if (value == null) {
            return null;
        }
        String lower = value.toLowerCase(java.util.Locale.ROOT);
        if (!List.of(allowed).contains(lower)) {
            throw new TalentInputException(field, "talent.reason.oneOf", field + " must be one of " + String.join(", ", allowed) + ", not " + value,
                    String.join(", ", allowed), value);
        }
        return lower;
    }
}

package org.triplehelix.registry.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The field errors of an edit form: per field, a message key of {@code registry_edit} and an
 * optional detail (the value at fault, or the platform's own message) for the key's {@code {0}}.
 * Public because the templates are compiled elsewhere.
 */
public final class EditErrors {

    private record Error(String key, String detail) {
    }

    private final Map<String, Error> errors = new LinkedHashMap<>();

    /** Records an error on a field; the first one on a field is kept. */
    void add(String field, String key, String detail) {
        errors.putIfAbsent(field, new Error(key, detail));
    }

    void add(String field, String key) {
        add(field, key, null);
    }

    public boolean any() {
        return !errors.isEmpty();
    }

    public boolean on(String field) {
        return errors.containsKey(field);
    }

    public Set<String> fields() {
        return errors.keySet();
    }

    /** The id of the input an error summary links to for a field (a bilingual name: its Chinese input; a list: its "add" input). */
    public static String anchor(String field) {
        return "f-" + switch (field) {
            case "name" -> "nameZh";
            case "titleText" -> "titleZh";
            case "people" -> "peopleAdd";
            case "organizations" -> "organizationsAdd";
            default -> field;
        };
    }

    /** The message key of the field's error, or null. */
    public String key(String field) {
        Error error = errors.get(field);
        return error == null ? null : error.key();
    }

    /** The detail of the field's error (its {@code {0}}), or an empty string. */
    public String detail(String field) {
        Error error = errors.get(field);
        return error == null || error.detail() == null ? "" : error.detail();
    }
}

package org.triplehelix.registry.demo;

import java.util.Collection;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * One interchange record (INTERCHANGE.md) under construction: {@code kind} first, then {@code id},
 * then the fields in the order they are put. Empty values are left out, so a record carries only
 * what its source says.
 */
final class Record {

    private final ObjectNode node = JsonNodeFactory.instance.objectNode();

    private Record(String kind, String id) {
        node.put("kind", kind);
        node.put("id", id);
    }

    static Record organization(String id) {
        return new Record("organization", id);
    }

    static Record person(String id) {
        return new Record("person", id);
    }

    static Record output(String id) {
        return new Record("output", id);
    }

    static Record demand(String id) {
        return new Record("demand", id);
    }

    static Record facility(String id) {
        return new Record("facility", id);
    }

    String id() {
        return node.get("id").asString();
    }

    Record put(String field, String value) {
        if (value != null && !value.isBlank()) {
            node.put(field, value);
        }
        return this;
    }

    Record put(String field, Integer value) {
        if (value != null) {
            node.put(field, value);
        }
        return this;
    }

    /** A text value tagged by language, {@code {"zh": …, "en": …}}, each part only when present. */
    Record text(String field, String zh, String en) {
        boolean hasZh = zh != null && !zh.isBlank();
        boolean hasEn = en != null && !en.isBlank();
        if (hasZh || hasEn) {
            ObjectNode text = node.putObject(field);
            if (hasZh) {
                text.put("zh", zh);
            }
            if (hasEn) {
                text.put("en", en);
            }
        }
        return this;
    }

    Record list(String field, Collection<String> values) {
        if (values != null && !values.isEmpty()) {
            values.forEach(node.putArray(field)::add);
        }
        return this;
    }

    ObjectNode node() {
        return node;
    }
}

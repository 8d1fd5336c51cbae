package org.triplehelix.registry.internal;

import tools.jackson.databind.JsonNode;

/**
 * One record as read from a file, before validation: its place (file and line, or row for a
 * spreadsheet), and either its JSON object or the reason it could not be read.
 */
public record RawRecord(String file, long line, JsonNode node, String error) {

    public static RawRecord of(String file, long line, JsonNode node) {
        return new RawRecord(file, line, node, null);
    }

    public static RawRecord unreadable(String file, long line, String error) {
        return new RawRecord(file, line, null, error);
    }

    /** The record's id when it has a usable one, else null (for reporting a rejection). */
    public String idOrNull() {
        if (node == null) {
            return null;
        }
        JsonNode id = node.get("id");
        return id != null && (id.isString() || id.isNumber()) && !id.asString().isBlank() ? id.asString().strip() : null;
    }
}

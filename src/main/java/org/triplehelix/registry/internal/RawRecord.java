package org.triplehelix.registry.internal;

import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * One record as read from a file, before validation: its place (file and line, or row for a
 * spreadsheet), and either its JSON object or the reason it could not be read: in English
 * ({@code error}) and as a message key of {@code registry_import} with its arguments, for the
 * import page, which shows what the parser said ({@code errorDetail}, or null) apart from the message.
 */
public record RawRecord(String file, long line, JsonNode node, String error, String errorKey, List<String> errorArgs, String errorDetail) {

    public RawRecord {
        errorArgs = List.copyOf(errorArgs);
    }

    public static RawRecord of(String file, long line, JsonNode node) {
        return new RawRecord(file, line, node, null, null, List.of(), null);
    }

    public static RawRecord unreadable(String file, long line, String error, String errorKey, String... errorArgs) {
        return new RawRecord(file, line, null, error, errorKey, List.of(errorArgs), null);
    }

    /** Unreadable, and the parser's own words for why, shown on the import page as a technical detail. */
    public static RawRecord unparsable(String file, long line, String error, String errorKey, String detail) {
        return new RawRecord(file, line, null, error, errorKey, List.of(), detail);
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

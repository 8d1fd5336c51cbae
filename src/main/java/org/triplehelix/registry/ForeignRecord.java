package org.triplehelix.registry;

import tools.jackson.databind.JsonNode;

/**
 * A record of a kind another module owns (a {@code demand}), as read from an import file: where
 * it is, its id, whether it is illustrative, and its JSON object in the interchange shape (for a
 * CSV or XLSX row, converted like the registry's own templates).
 */
public record ForeignRecord(String file, long line, String id, boolean illustrative, JsonNode fields) {
}

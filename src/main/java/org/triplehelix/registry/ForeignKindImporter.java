package org.triplehelix.registry;

import java.util.List;

/**
 * The extension point through which an import hands records of a kind the registry does not own
 * to the module that does (the matching module's {@code demand}). A module declares a bean of this
 * type; without one, records of that kind are rejected ("no module accepts kind demand").
 *
 * <p>Records of foreign kinds are handed over after every registry record of the import is stored,
 * in batches, each inside a transaction of the import; links to registry records can be resolved
 * then. A failure rejects that record only; the importer must write nothing for it.
 */
public interface ForeignKindImporter {

    /** The kind, as in the {@code kind} field of a record ({@code demand}). */
    String kind();

    /** Validates and stores a batch; returns the records rejected, with the reason. */
    List<Failure> importBatch(List<ForeignRecord> records);

    /**
     * A rejected record and why: in English, and optionally as a message in the reader's language
     * for the import page (null: the page shows the English reason).
     */
    record Failure(ForeignRecord record, String reason, ImportMessage message) {

        public Failure(ForeignRecord record, String reason) {
            this(record, reason, null);
        }
    }
}

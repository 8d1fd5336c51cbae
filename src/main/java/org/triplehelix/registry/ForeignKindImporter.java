package org.triplehelix.registry;

import java.util.List;
import java.util.Set;

/**
 * The extension point through which an import hands records of a kind the registry does not own
 * to the module that does (the matching module's {@code demand}). A module declares a bean of this
 * type; without one, records of that kind are rejected ("no module accepts kind demand").
 *
 * <p>Records of foreign kinds are handed over after every registry record of the import is stored,
 * in batches, each inside a transaction of the import; links to registry records can be resolved
 * then. A failure rejects that record only; the importer must write nothing for it.
 *
 * <p>Every record of a batch is either stored or rejected, and a stored one says whether it was
 * new, changed or left as it was: the import's summary ("3 new, 1 changed, 5 unchanged") then counts
 * these kinds as it counts the registry's own, and importing the same file again says "unchanged".
 */
public interface ForeignKindImporter {

    /** The kind, as in the {@code kind} field of a record ({@code demand}). */
    String kind();

    /**
     * The fields its records may carry besides {@code kind} and {@code id} (INTERCHANGE.md's table); any other
     * is reported once as an unknown field, as the registry's own kinds' are.
     */
    Set<String> fields();

    /** Validates and stores a batch; what became of each record, and the records rejected with the reason. */
    Batch importBatch(List<ForeignRecord> records);

    /** What storing a record did to what was stored under its id. */
    enum Change {
        /** Nothing had the id: the record was added. */
        NEW,
        /** The id existed and its content differed: it was replaced. */
        CHANGED,
        /** The id existed with the same content: nothing was written. */
        UNCHANGED
    }

    /** A record stored, and what that did. */
    record Stored(ForeignRecord record, Change change) {
    }

    /**
     * What a batch did: each record is in {@code stored} or in {@code failures}, once. The import
     * checks this and stops (a programming error of the importer) when a record is in neither or in both.
     */
    record Batch(List<Stored> stored, List<Failure> failures) {

        public Batch {
            stored = List.copyOf(stored);
            failures = List.copyOf(failures);
        }

        long count(Change change) {
            return stored.stream().filter(s -> s.change() == change).count();
        }
    }

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

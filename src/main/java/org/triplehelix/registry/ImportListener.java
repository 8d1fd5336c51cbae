package org.triplehelix.registry;

/** Follows an import as it runs (the terminal's progress bar, the upload page's job). */
public interface ImportListener {

    ImportListener NONE = new ImportListener() {
    };

    /** Called for every rejected record, as soon as it is known. */
    default void rejected(ImportRejection rejection) {
    }

    /** Called once for each distinct warning (an unknown field of a kind). */
    default void warning(String warning) {
    }

    /** Called every few thousand records and at the end of each file. */
    default void progress(ImportProgress progress) {
    }
}

package org.triplehelix.registry;

/**
 * A record that was not imported: where it is, its id (null when it has none) and why, in English
 * ({@code reason}, for the command line and the JSON report) and, when it has one, as a message in
 * the reader's language for the import page ({@code message}, else null).
 */
public record ImportRejection(String file, long line, String id, String reason, ImportMessage message) {

    public ImportRejection(String file, long line, String id, String reason) {
        this(file, line, id, reason, null);
    }

    /** {@code file:line id: reason}, as the command line prints it. */
    @Override
    public String toString() {
        return file + ":" + line + " " + (id == null ? "-" : id) + ": " + reason;
    }
}

package org.triplehelix.registry;

/** A record that was not imported: where it is, its id (null when it has none) and why. */
public record ImportRejection(String file, long line, String id, String reason) {

    /** {@code file:line id: reason}, as the command line prints it. */
    @Override
    public String toString() {
        return file + ":" + line + " " + (id == null ? "-" : id) + ": " + reason;
    }
}

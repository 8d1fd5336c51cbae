package org.triplehelix.insight;

/** An indicator file that cannot be served: the file and the reason are in the message. */
public class InvalidDeclarationException extends RuntimeException {

    private final String file;
    private final String reason;

    public InvalidDeclarationException(String file, String reason) {
        super("indicator declaration " + file + ": " + reason);
        this.file = file;
        this.reason = reason;
    }

    public String file() {
        return file;
    }

    public String reason() {
        return reason;
    }
}

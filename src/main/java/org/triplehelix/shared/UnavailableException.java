package org.triplehelix.shared;

/**
 * A service the platform depends on (the search cluster, say) cannot answer now: 503, and the
 * caller may try again. The message is for the server's log; callers are told only what failed.
 */
public class UnavailableException extends IllegalStateException {

    private final String service;

    public UnavailableException(String service, String message) {
        super(message);
        this.service = service;
    }

    public UnavailableException(String service, String message, Throwable cause) {
        super(message, cause);
        this.service = service;
    }

    /** What is unavailable, as callers may be told ("search"). */
    public String service() {
        return service;
    }
}

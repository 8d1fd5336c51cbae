package org.triplehelix.shared;

import java.util.Map;

/**
 * A request that contradicts the current state (an illegal transition, an overlap, a stale version):
 * HTTP 409. {@code details} become properties of the problem detail (the slot in the way, say).
 */
public class ConflictException extends RuntimeException {

    private final transient Map<String, Object> details;

    public ConflictException(String message) {
        this(message, Map.of());
    }

    public ConflictException(String message, Map<String, Object> details) {
        super(message);
        this.details = Map.copyOf(details);
    }

    public Map<String, Object> details() {
        return details;
    }
}

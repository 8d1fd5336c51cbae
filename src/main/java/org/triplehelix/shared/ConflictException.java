package org.triplehelix.shared;

/** A request that contradicts the current state (an illegal transition, an overlap, a stale version): HTTP 409. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}

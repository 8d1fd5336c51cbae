package org.triplehelix.shared.web;

import java.io.IOException;

/**
 * Thrown while a request body is read past the platform's limit (a body streamed in chunks, which no
 * Content-Length announced): the API answers 413 with a problem detail naming the body.
 */
public final class BodyTooLargeException extends IOException {

    private final long limit;

    public BodyTooLargeException(long limit) {
        super("the request body is larger than the limit of " + limit + " bytes");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }
}

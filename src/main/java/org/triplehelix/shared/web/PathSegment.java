package org.triplehelix.shared.web;

import java.nio.charset.StandardCharsets;
import org.springframework.web.util.UriUtils;

/** An id as one segment of an address: a record's id is kept as given (INTERCHANGE.md) and may hold a space, "/" or "?". */
public final class PathSegment {

    private PathSegment() {
    }

    /** {@code id} escaped as a path segment ("a b/c" is {@code a%20b%2Fc}). */
    public static String of(String id) {
        return UriUtils.encodePathSegment(id, StandardCharsets.UTF_8);
    }
}

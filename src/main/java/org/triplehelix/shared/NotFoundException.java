package org.triplehelix.shared;

/** A record that does not exist (or that the caller may not know exists): HTTP 404. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String kind, Object id) {
        super(kind + " " + id + " does not exist");
    }
}

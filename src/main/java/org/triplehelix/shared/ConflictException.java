package org.triplehelix.shared;

import java.util.Arrays;
import java.util.Map;

/**
 * A request that contradicts the current state (an illegal transition, an overlap, a stale version):
 * HTTP 409. {@code details} become properties of the problem detail (the slot in the way, say).
 *
 * <p>The message is English, for the API's problem details and the logs. Like
 * {@link InvalidInputException}, a conflict a page shows to its reader may also carry a message key
 * of the bundles under {@code messages/} and its arguments, so that the page says it in the reader's
 * language; the error page shows it in place of its general 409 text.
 */
public class ConflictException extends RuntimeException {

    private final transient Map<String, Object> details;
    private final String key;
    private final transient Object[] args;

    public ConflictException(String message) {
        this(message, Map.of());
    }

    public ConflictException(String message, Map<String, Object> details) {
        this(message, details, null);
    }

    /** A conflict with the message key (and its arguments) that says it in the reader's language. */
    public ConflictException(String message, String key, Object... args) {
        this(message, Map.of(), key, args);
    }

    public ConflictException(String message, Map<String, Object> details, String key, Object... args) {
        super(message);
        this.details = Map.copyOf(details);
        this.key = key;
        this.args = args == null ? new Object[0] : args.clone();
    }

    public Map<String, Object> details() {
        return details;
    }

    /** The message key of the conflict, or null when it has none. */
    public String key() {
        return key;
    }

    /** The message key of the conflict, or {@code fallback} (a page's own way of saying it) when it has none. */
    public String keyOr(String fallback) {
        return key != null ? key : fallback;
    }

    /** The arguments of the message key (none without a key). */
    public Object[] args() {
        return Arrays.copyOf(args, args.length);
    }
}

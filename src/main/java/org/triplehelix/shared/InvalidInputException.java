package org.triplehelix.shared;

import java.util.Arrays;

/**
 * Bad input, naming the field at fault: HTTP 400.
 *
 * <p>The message is English, for the API's problem details and the logs. A refusal a page shows to
 * its reader may also carry a message key of the bundles under {@code messages/} and its arguments,
 * so that the page says it in the reader's language without recognising the English text; a refusal
 * without a key is shown as "this field is refused" with the English reason.
 */
public class InvalidInputException extends RuntimeException {

    private final String field;
    private final String key;
    private final transient Object[] args;

    public InvalidInputException(String field, String message) {
        this(field, message, (String) null);
    }

    /** A refusal with the message key (and its arguments) that says it in the reader's language. */
    public InvalidInputException(String field, String message, String key, Object... args) {
        super(message);
        this.field = field;
        this.key = key;
        this.args = args == null ? new Object[0] : args.clone();
    }

    public String field() {
        return field;
    }

    /** The message key of the refusal, or null when it has none. */
    public String key() {
        return key;
    }

    /** The arguments of the message key (none without a key). */
    public Object[] args() {
        return Arrays.copyOf(args, args.length);
    }
}

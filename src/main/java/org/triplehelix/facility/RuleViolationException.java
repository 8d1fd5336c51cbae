package org.triplehelix.facility;

import org.triplehelix.shared.InvalidInputException;

/** A booking rule the request breaks (HTTP 400 with the field); {@code reason} and {@code args} let pages say it in their language. */
public class RuleViolationException extends InvalidInputException {

    private final String reason;
    private final transient Object[] args;

    public RuleViolationException(String field, String reason, String message, Object... args) {
        super(field, message);
        this.reason = reason;
        this.args = args.clone();
    }

    public String reason() {
        return reason;
    }

    public Object[] args() {
        return args.clone();
    }
}

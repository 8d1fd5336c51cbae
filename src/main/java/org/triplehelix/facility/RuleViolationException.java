package org.triplehelix.facility;

import org.triplehelix.shared.InvalidInputException;

/** A booking rule the request breaks (HTTP 400 with the field); {@code reason} (its key {@code facility.rule.<reason>}) and {@code args} let pages say it in their language. */
public class RuleViolationException extends InvalidInputException {

    private final String reason;

    public RuleViolationException(String field, String reason, String message, Object... args) {
        super(field, message, "facility.rule." + reason, args);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}

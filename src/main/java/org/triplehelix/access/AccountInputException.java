package org.triplehelix.access;

import org.triplehelix.shared.InvalidInputException;

/**
 * Bad input to an account operation (a weak password, a taken email, an unknown organization):
 * HTTP 400 with the field, and a message key ({@code access.*}) for the pages to show it in the
 * visitor's language.
 */
public class AccountInputException extends InvalidInputException {

    /** {@code args} fill the message's {@code {0}}, {@code {1}}, …. */
    public AccountInputException(String field, String messageKey, String message, Object... args) {
        super(field, message, messageKey, args);
    }

    public String messageKey() {
        return key();
    }
}

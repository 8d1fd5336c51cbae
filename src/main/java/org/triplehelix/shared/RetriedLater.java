package org.triplehelix.shared;

/**
 * A failure that the code throwing it has already logged, and that will be tried again (an
 * asynchronous listener whose publication the event publication registry keeps, e.g. an e-mail
 * whose server is down). Thrown to leave the publication incomplete, not to report a bug: the
 * asynchronous methods' handler ({@code AsyncErrors}) logs it at DEBUG only, where any other
 * exception is an ERROR with its stack trace. Carries no stack trace of its own.
 */
public class RetriedLater extends RuntimeException {

    public RetriedLater(String message) {
        super(message, null, false, false);
    }
}

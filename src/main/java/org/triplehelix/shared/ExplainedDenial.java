package org.triplehelix.shared;

/**
 * A refusal (403) whose message is meant for the user, with a machine-readable reason: the API
 * shows both instead of the usual "you may not do this".
 */
public interface ExplainedDenial {

    String getMessage();

    /** E.g. {@code training-required}. */
    String reason();
}

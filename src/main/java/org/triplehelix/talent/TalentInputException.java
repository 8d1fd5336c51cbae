package org.triplehelix.talent;

import java.util.Arrays;
import org.triplehelix.shared.InvalidInputException;

/**
 * Bad input to a talent record (HTTP 400 with the field): the English message for the API and
 * the import report, and a reason ({@code talent.reason.*}, the refusal's message key) with its
 * arguments for the pages to say it in the visitor's language. The arguments are kept as text, so
 * that a year is not shown as 2,030.
 */
public class TalentInputException extends InvalidInputException {

    public TalentInputException(String field, String reason, String message, Object... args) {
        super(field, message, reason, Arrays.stream(args).map(String::valueOf).toArray());
    }

    /** The message key of the reason, in {@code messages/talent_*.properties}. */
    public String reason() {
        return key();
    }

    static TalentInputException required(String field) {
        return new TalentInputException(field, "talent.reason.required", field + " is required");
    }
}

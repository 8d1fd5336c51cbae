package org.triplehelix.talent;

import java.util.Arrays;
import java.util.List;
import org.triplehelix.shared.InvalidInputException;

/**
 * Bad input to a talent record (HTTP 400 with the field): the English message for the API and
 * the import report, and a reason ({@code talent.reason.*}) with its arguments for the pages to
 * say it in the visitor's language. The arguments are text, so that a year is not shown as 2,030.
 */
public class TalentInputException extends InvalidInputException {

    private final String reason;
    private final List<String> args;

    public TalentInputException(String field, String reason, String message, Object... args) {
        super(field, message);
        this.reason = reason;
        this.args = Arrays.stream(args).map(String::valueOf).toList();
    }

    /** The message key of the reason, in {@code messages/talent_*.properties}. */
    public String reason() {
        return reason;
    }

    public List<String> args() {
        return args;
    }

    static TalentInputException required(String field) {
        return new TalentInputException(field, "talent.reason.required", field + " is required");
    }
}

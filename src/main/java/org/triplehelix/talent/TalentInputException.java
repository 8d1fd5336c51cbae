package org.triplehelix.talent;

import java.util.Arrays;
import org.triplehelix.shared.InvalidInputException;

/**
 * Bad input to a talent record (HTTP 400 with the field): the English message for the API and
 * the command line's import report, and its message key ({@code talent.reason.*}) with its
 * arguments for the pages to say it in the reader's language. What it adds to the shared
 * exception: the arguments are kept as text, so that wherever a page formats the key (the form's
 * message, the import report, the error page) a year reads 2030, not 2,030.
 */
public class TalentInputException extends InvalidInputException {

    public TalentInputException(String field, String key, String message, Object... args) {
        super(field, message, key, Arrays.stream(args).map(String::valueOf).toArray());
    }

    public static TalentInputException required(String field) {
        return new TalentInputException(field, "talent.reason.required", field + " is required");
    }
}

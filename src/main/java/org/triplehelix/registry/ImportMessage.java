package org.triplehelix.registry;

import java.util.Arrays;
import java.util.List;
import org.triplehelix.shared.InvalidInputException;

/**
 * What an import says about a record (why it was rejected, a warning) as a message key of the
 * bundles under {@code messages/} and its arguments, so that the import page says it in the
 * reader's language. The command line and the JSON report keep the English text (INTERCHANGE.md).
 */
public record ImportMessage(String key, List<String> args) {

    public ImportMessage {
        args = List.copyOf(args);
    }

    public static ImportMessage of(String key, Object... args) {
        return new ImportMessage(key, Arrays.stream(args).map(String::valueOf).toList());
    }

    /** The refusal's message key and arguments, or null for a refusal without a key. */
    public static ImportMessage of(InvalidInputException e) {
        return e.key() == null ? null : of(e.key(), e.args());
    }

    /** The arguments as the bundles' {@code MessageFormat} takes them. */
    public Object[] arguments() {
        return args.toArray();
    }
}

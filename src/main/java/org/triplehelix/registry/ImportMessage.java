package org.triplehelix.registry;

import java.util.Arrays;
import java.util.List;
import org.triplehelix.shared.InvalidInputException;

/**
 * What an import says about a record (why it was rejected, a warning) or about itself (why it
 * stopped) as a message key of the bundles under {@code messages/} and its arguments, so that the
 * import page says it in the reader's language. The command line and the JSON report keep the
 * English text (INTERCHANGE.md).
 *
 * <p>Two optional parts: {@code field}, the message key naming the field at fault in the reader's
 * language (the page puts it before the reason, as a form does: a module's own messages such as
 * "at most 200 characters" say nothing without it); and {@code detail}, what the software under
 * the import said (the JSON parser, the database, the file system) as it said it, which the page
 * shows apart, as a technical detail, and never as the message itself.
 */
public record ImportMessage(String key, List<String> args, String field, String detail) {

    public ImportMessage {
        args = List.copyOf(args);
    }

    public ImportMessage(String key, List<String> args) {
        this(key, args, null, null);
    }

    public static ImportMessage of(String key, Object... args) {
        return new ImportMessage(key, Arrays.stream(args).map(String::valueOf).toList());
    }

    /** The refusal's message key and arguments, or null for a refusal without a key. */
    public static ImportMessage of(InvalidInputException e) {
        return e.key() == null ? null : of(e.key(), e.args());
    }

    /** This message about the field whose name in the reader's language is {@code fieldKey} (null: none). */
    public ImportMessage withField(String fieldKey) {
        return new ImportMessage(key, args, fieldKey, detail);
    }

    /** This message with the technical detail shown apart (null or blank: none). */
    public ImportMessage withDetail(String technical) {
        return new ImportMessage(key, args, field, technical == null || technical.isBlank() ? null : technical);
    }

    /** The arguments as the bundles' {@code MessageFormat} takes them. */
    public Object[] arguments() {
        return args.toArray();
    }
}

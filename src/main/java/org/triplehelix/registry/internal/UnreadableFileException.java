package org.triplehelix.registry.internal;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/**
 * A file that cannot be read as the format its name gives, for a reason a person can act on
 * (a workbook named .csv, an encoding that is neither UTF-8 nor GB18030, a workbook too big to
 * open): the English reason, and its message key of {@code registry_import} with arguments for
 * the import page.
 */
public final class UnreadableFileException extends IOException {

    private final String key;
    private final List<String> args;

    UnreadableFileException(String message, String key, Object... args) {
        super(message);
        this.key = key;
        this.args = Arrays.stream(args).map(String::valueOf).toList();
    }

    UnreadableFileException(String message, Throwable cause, String key, Object... args) {
        this(message, key, args);
        initCause(cause);
    }

    public String key() {
        return key;
    }

    public List<String> args() {
        return args;
    }
}

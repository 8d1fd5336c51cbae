package org.triplehelix.registry.internal;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/**
 * A file that cannot be read as the format its name gives, for a reason a person can act on
 * (a workbook named .csv, an encoding that is neither UTF-8 nor GB18030, a workbook too big to
 * open): the English reason, and its message key of {@code registry_import} with arguments for
 * the import page; the line the fault is at when it is at one (a quoted field never closed), else 0:
 * the file as a whole.
 */
public final class UnreadableFileException extends IOException {

    private final String key;
    private final List<String> args;
    private final long line;

    UnreadableFileException(String message, String key, Object... args) {
        this(0, message, key, args);
    }

    /** A file that cannot be read past a fault that starts on {@code line}. */
    UnreadableFileException(long line, String message, String key, Object... args) {
        super(message);
        this.key = key;
        this.args = Arrays.stream(args).map(String::valueOf).toList();
        this.line = line;
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

    /** The line where the fault starts, or 0 when it is the file's as a whole. */
    public long line() {
        return line;
    }
}

package org.triplehelix.challenge;

import java.time.LocalDate;
import java.util.List;

/**
 * A past open call from the archive, with the line of the source file it comes from, and the later lines that
 * list the same call again (the source lists 1,756 of its calls twice).
 */
public record CallRecord(int sourceLine, String title, String source, LocalDate published, LocalDate deadline, List<Integer> alsoOnLines) {

    public CallRecord {
        alsoOnLines = alsoOnLines == null ? List.of() : List.copyOf(alsoOnLines);
    }

    /** A call as one line of the source file reads it. */
    CallRecord(int sourceLine, String title, String source, LocalDate published, LocalDate deadline) {
        this(sourceLine, title, source, published, deadline, List.of());
    }
}

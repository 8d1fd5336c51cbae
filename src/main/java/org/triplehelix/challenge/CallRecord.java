package org.triplehelix.challenge;

import java.time.LocalDate;

/** A past open call from the archive, with the line of the source file it comes from. */
public record CallRecord(int sourceLine, String title, String source, LocalDate published, LocalDate deadline) {
}

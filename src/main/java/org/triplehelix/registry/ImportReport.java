package org.triplehelix.registry;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The outcome of an import: how many records went in (new, changed, unchanged, or superseded by a
 * later record with the same id in the same import), how many were
 * rejected, the rejections themselves (the first {@link #MAX_REJECTIONS}; the listener sees all),
 * the warnings (in English, and as messages in the reader's language for the import page, in the
 * same order), per-kind counts of imported records, and how long it took.
 */
public record ImportReport(long read, long imported, long rejected, long inserted, long updated, long unchanged,
                           long superseded,
                           Map<String, Long> importedByKind, List<ImportRejection> rejections, List<String> warnings,
                           List<ImportMessage> warningMessages, Duration elapsed) {

    public static final int MAX_REJECTIONS = 10_000;

    public ImportReport {
        importedByKind = Map.copyOf(importedByKind);
        rejections = List.copyOf(rejections);
        warnings = List.copyOf(warnings);
        warningMessages = List.copyOf(warningMessages);
    }

    /** {@code N imported, M rejected}: the summary line of INTERCHANGE.md. */
    public String summary() {
        return imported + " imported, " + rejected + " rejected";
    }

    public boolean rejectionsTruncated() {
        return rejected > rejections.size();
    }

    public double recordsPerSecond() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds <= 0 ? 0 : read / seconds;
    }
}

package org.triplehelix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.triplehelix.registry.ImportReport;

/** The import's summary line: the counts of INTERCHANGE.md, then the breakdown, each noun singular for one (a rate's unit stays records/s). */
class ImportCommandTests {

    private static ImportReport report(long read, int warnings) {
        return new ImportReport(read, read, 0, read, 0, 0, 0, Map.of(), List.of(), Collections.nCopies(warnings, "a warning"), List.of(),
                Duration.ofSeconds(1));
    }

    @Test
    void oneWarningAndOneRecordAreSingular() {
        assertThat(ImportCommand.summary(report(1, 1))).isEqualTo("1 imported, 0 rejected (1 new, 0 changed, 0 unchanged,"
                + " 0 replaced by a later record with the same id), 1 warning; 1 record in 1.0 s, 1 records/s");
    }

    @Test
    void otherCountsArePlural() {
        assertThat(ImportCommand.summary(report(4, 0))).isEqualTo("4 imported, 0 rejected (4 new, 0 changed, 0 unchanged,"
                + " 0 replaced by a later record with the same id), 0 warnings; 4 records in 1.0 s, 4 records/s");
        assertThat(ImportCommand.summary(report(2, 2))).contains("), 2 warnings; 2 records in ");
    }
}

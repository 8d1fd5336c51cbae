package org.triplehelix.facility;

import java.util.Map;
import org.triplehelix.shared.ConflictException;

/** A weekly request that booked nothing (all-or-nothing with a conflict, or no free occurrence): 409 with the report. */
public class SeriesRefusedException extends ConflictException {

    private final transient SeriesReport report;

    public SeriesRefusedException(SeriesReport report) {
        super(report.notBooked() + " of " + report.occurrences().size() + " occurrences cannot be booked"
                + (report.skipConflicts() ? "" : "; nothing was booked (all or nothing)"),
                Map.of("occurrences", report.occurrences(), "skipConflicts", report.skipConflicts()),
                report.skipConflicts() ? "facility.series.none" : "facility.series.refused", report.notBooked());
        this.report = report;
    }

    public SeriesReport report() {
        return report;
    }
}

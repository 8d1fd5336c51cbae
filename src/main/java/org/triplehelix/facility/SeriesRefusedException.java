package org.triplehelix.facility;

import org.triplehelix.shared.ConflictException;

/** A weekly request that booked nothing (all-or-nothing with a conflict, or no free occurrence): 409 with the report. */
public class SeriesRefusedException extends ConflictException {

    private final transient SeriesReport report;

    public SeriesRefusedException(SeriesReport report) {
        super(report.notBooked() + " of " + report.occurrences().size() + " occurrences cannot be booked"
                + (report.skipConflicts() ? "" : "; nothing was booked (all or nothing)"));
        this.report = report;
    }

    public SeriesReport report() {
        return report;
    }
}

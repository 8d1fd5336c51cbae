package org.triplehelix.challenge;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A milestone with its reports (latest first) and its computed status. */
public record MilestoneView(long id, int position, String title, String deliverable, LocalDate due, BigDecimal tranche,
                            MilestoneStatus status, Integer progress, List<Report> reports) {

    public String statusCode() {
        return status.code();
    }

    /**
     * A progress report; {@code previous} is the progress of the report before it (null for the first), and a report
     * lower than that one says why ({@code regressionReason}).
     */
    public record Report(int progress, String note, Instant reportedAt, Integer previous, String regressionReason) {

        /** Whether the progress went back since the report before. */
        public boolean regression() {
            return previous != null && progress < previous;
        }
    }
}

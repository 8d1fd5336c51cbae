package org.triplehelix.challenge;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * A milestone's state, computed from its dates and the team's latest report: done at 100 %;
 * late once the due date has passed; at risk when the reported progress lags the time elapsed
 * by more than {@value #LAG} points, or when fewer than {@value #FINAL_DAYS} days remain and less
 * than {@value #FINAL_PROGRESS} % is done; else on track.
 */
public enum MilestoneStatus {
    DONE, ON_TRACK, AT_RISK, LATE;

    static final int LAG = 25;
    static final int FINAL_DAYS = 14;
    static final int FINAL_PROGRESS = 75;

    @com.fasterxml.jackson.annotation.JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean troubled() {
        return this == AT_RISK || this == LATE;
    }

    /**
     * @param start    when work on the milestone began (the award, or the previous milestone's due date)
     * @param progress the latest reported progress in percent, null before any report
     */
    public static MilestoneStatus of(LocalDate start, LocalDate due, Integer progress, LocalDate today) {
        int done = progress == null ? 0 : progress;
        if (done >= 100) {
            return DONE;
        }
        if (today.isAfter(due)) {
            return LATE;
        }
        long span = Math.max(1, ChronoUnit.DAYS.between(start, due));
        long elapsed = Math.clamp(ChronoUnit.DAYS.between(start, today), 0, span);
        double expected = 100.0 * elapsed / span;
        if (done + LAG < expected) {
            return AT_RISK;
        }
        if (ChronoUnit.DAYS.between(today, due) < FINAL_DAYS && done < FINAL_PROGRESS) {
            return AT_RISK;
        }
        return ON_TRACK;
    }
}

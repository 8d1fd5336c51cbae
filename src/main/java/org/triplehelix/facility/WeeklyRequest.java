package org.triplehelix.facility;

import java.time.Duration;
import java.time.Instant;

/**
 * A weekly recurring request: the first occurrence ({@code start}, {@code end}), then either
 * {@code count} occurrences or every week {@code until} a date; {@code skipConflicts} books the
 * free occurrences and reports the others, else all or nothing.
 */
public record WeeklyRequest(String start, String end, Integer count, String until, Boolean skipConflicts, String purpose) {

    public WeeklyRecurrence recurrence() {
        Instant first = Times.instant("start", start);
        Instant last = Times.instant("end", end);
        if (!last.isAfter(first)) {
            throw new org.triplehelix.shared.InvalidInputException("end", "the end must be after the start",
                    "facility.error.endBeforeStart");
        }
        var firstStart = first.atZone(FacilityTime.ZONE).toLocalDateTime();
        Duration length = Duration.between(first, last);
        if (until != null && !until.isBlank()) {
            return WeeklyRecurrence.until(firstStart, length, Times.date("until", until), FacilityTime.ZONE);
        }
        if (count == null) {
            throw new org.triplehelix.shared.InvalidInputException("count", "give the number of occurrences or the last date (until)",
                    "facility.error.countOrUntil");
        }
        return new WeeklyRecurrence(firstStart, length, count, FacilityTime.ZONE);
    }

    public boolean skipping() {
        return Boolean.TRUE.equals(skipConflicts);
    }
}

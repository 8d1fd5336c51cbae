package org.triplehelix.facility;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.triplehelix.shared.InvalidInputException;

/**
 * A weekly recurring booking: the same local weekday and time each week, {@code count}
 * occurrences or every week until a date (inclusive), at most {@link #MAX_OCCURRENCES}. Local
 * time is kept across daylight-saving changes (where the zone has them).
 */
public record WeeklyRecurrence(LocalDateTime firstStart, Duration length, int count, ZoneId zone) {

    public static final int MAX_OCCURRENCES = 52;

    public WeeklyRecurrence {
        if (firstStart == null) {
            throw new InvalidInputException("start", "the first start is missing", "facility.error.time");
        }
        if (length == null || length.isNegative() || length.isZero()) {
            throw new InvalidInputException("end", "the end must be after the start", "facility.error.endBeforeStart");
        }
        if (length.compareTo(Duration.ofDays(7)) >= 0) {
            throw new InvalidInputException("end", "a weekly occurrence lasts less than a week", "facility.error.weekLong");
        }
        if (count < 1 || count > MAX_OCCURRENCES) {
            throw new InvalidInputException("count", "a weekly series has 1 to " + MAX_OCCURRENCES + " occurrences",
                    "facility.error.count", MAX_OCCURRENCES);
        }
    }

    /** Every week from the first start until {@code until} (inclusive). */
    public static WeeklyRecurrence until(LocalDateTime firstStart, Duration length, LocalDate until, ZoneId zone) {
        if (until == null || until.isBefore(firstStart.toLocalDate())) {
            throw new InvalidInputException("until", "the last date is on or after the first", "facility.error.untilBefore");
        }
        long weeks = java.time.temporal.ChronoUnit.WEEKS.between(firstStart.toLocalDate(), until) + 1;
        if (weeks > MAX_OCCURRENCES) {
            throw new InvalidInputException("until", "a weekly series has at most " + MAX_OCCURRENCES + " occurrences",
                    "facility.error.count", MAX_OCCURRENCES);
        }
        return new WeeklyRecurrence(firstStart, length, (int) weeks, zone);
    }

    public List<TimeSlot> occurrences() {
        List<TimeSlot> slots = new ArrayList<>(count);
        for (int week = 0; week < count; week++) {
            LocalDateTime start = firstStart.plusWeeks(week);
            slots.add(new TimeSlot(start.atZone(zone).toInstant(), start.plus(length).atZone(zone).toInstant()));
        }
        return slots;
    }
}

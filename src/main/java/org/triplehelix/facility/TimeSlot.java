package org.triplehelix.facility;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.triplehelix.shared.InvalidInputException;

/**
 * A half-open interval of time {@code [start, end)}: a booking's slot, a maintenance window. Two
 * slots that touch (one ends when the other begins) do not overlap.
 */
public record TimeSlot(Instant start, Instant end) {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("HH:mm");

    public TimeSlot {
        if (start == null) {
            throw new InvalidInputException("start", "the start is missing", "facility.error.time");
        }
        if (end == null) {
            throw new InvalidInputException("end", "the end is missing", "facility.error.time");
        }
        if (!start.isBefore(end)) {
            throw new InvalidInputException("end", "the end must be after the start", "facility.error.endBeforeStart");
        }
    }

    public static TimeSlot of(Instant start, Duration length) {
        return new TimeSlot(start, start.plus(length));
    }

    public Duration duration() {
        return Duration.between(start, end);
    }

    public boolean overlaps(TimeSlot other) {
        return start.isBefore(other.end) && other.start.isBefore(end);
    }

    public boolean contains(TimeSlot other) {
        return !other.start.isBefore(start) && !other.end.isAfter(end);
    }

    public boolean contains(Instant instant) {
        return !instant.isBefore(start) && instant.isBefore(end);
    }

    /** "2025-03-04 10:00–12:00 (Asia/Shanghai)", or with both dates when it spans days: for the API and the logs. */
    public String describe(ZoneId zone) {
        return local(zone) + " (" + zone.getId() + ")";
    }

    /**
     * "2025-03-04 10:00–12:00", or with both dates when it spans days: the slot without the zone's
     * name, for a message in the reader's language that says which zone it is in its own words.
     */
    public String local(ZoneId zone) {
        var from = start.atZone(zone);
        var to = end.atZone(zone);
        String until = from.toLocalDate().equals(to.toLocalDate()) ? LOCAL_TIME.format(to) : LOCAL.format(to);
        return LOCAL.format(from) + "–" + until;
    }

    @Override
    public String toString() {
        return "[" + start + ", " + end + ")";
    }
}

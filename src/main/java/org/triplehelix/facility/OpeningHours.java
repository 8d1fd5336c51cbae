package org.triplehelix.facility;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.triplehelix.shared.InvalidInputException;

/**
 * When an instrument can be booked, per weekday in the local zone: one interval a day,
 * {@code [opens, closes)} in minutes of the day (closes 1440 = midnight). A day without hours is
 * closed. A booking must lie within open time; days that meet at midnight join, so an instrument
 * open around the clock takes bookings across days.
 */
public record OpeningHours(Map<DayOfWeek, Hours> days) {

    /** One day's opening: minutes of the day, {@code [opens, closes)}. */
    public record Hours(int opens, int closes) {

        public Hours {
            if (opens < 0 || opens > 1439 || closes < 1 || closes > 1440 || closes <= opens) {
                throw new InvalidInputException("openingHours", "opening hours run from 00:00 to 24:00, and close after they open",
                        "facility.error.openingHours");
            }
        }

        public static Hours of(String opens, String closes) {
            return new Hours(minutes(opens), minutes(closes));
        }

        /** "08:30" → 510; "24:00" → 1440. */
        static int minutes(String time) {
            if (time == null || !time.strip().matches("\\d{1,2}:\\d{2}")) {
                throw new InvalidInputException("openingHours", "a time of day is written HH:MM", "facility.error.openingHours");
            }
            String[] parts = time.strip().split(":");
            int hours = Integer.parseInt(parts[0]);
            int minutes = Integer.parseInt(parts[1]);
            if (hours > 24 || minutes > 59 || hours == 24 && minutes > 0) {
                throw new InvalidInputException("openingHours", "a time of day is between 00:00 and 24:00", "facility.error.openingHours");
            }
            return hours * 60 + minutes;
        }

        public String opensText() {
            return text(opens);
        }

        public String closesText() {
            return text(closes);
        }

        private static String text(int minutes) {
            return "%02d:%02d".formatted(minutes / 60, minutes % 60);
        }
    }

    public OpeningHours {
        days = days.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(days));
    }

    /** The default of an instrument without a profile: Monday to Friday, 08:30–17:30. */
    public static OpeningHours standard() {
        return weekdays(Hours.of("08:30", "17:30"));
    }

    public static OpeningHours weekdays(Hours hours) {
        Map<DayOfWeek, Hours> days = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY) {
                days.put(day, hours);
            }
        }
        return new OpeningHours(days);
    }

    public static OpeningHours everyDay(Hours hours) {
        Map<DayOfWeek, Hours> days = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            days.put(day, hours);
        }
        return new OpeningHours(days);
    }

    public static OpeningHours aroundTheClock() {
        return everyDay(new Hours(0, 1440));
    }

    public Hours on(DayOfWeek day) {
        return days.get(day);
    }

    /** True when the slot lies wholly within open time. */
    public boolean covers(TimeSlot slot, ZoneId zone) {
        LocalDate first = slot.start().atZone(zone).toLocalDate().minusDays(1);
        LocalDate last = slot.end().atZone(zone).toLocalDate();
        return openIntervals(first, last.plusDays(1), zone).stream().anyMatch(open -> open.contains(slot));
    }

    /** The open intervals of the days {@code [from, to)}, those that meet joined into one. */
    public List<TimeSlot> openIntervals(LocalDate from, LocalDate to, ZoneId zone) {
        List<TimeSlot> intervals = new ArrayList<>();
        for (LocalDate day = from; day.isBefore(to); day = day.plusDays(1)) {
            Hours hours = days.get(day.getDayOfWeek());
            if (hours == null) {
                continue;
            }
            TimeSlot open = new TimeSlot(at(day, hours.opens(), zone), at(day, hours.closes(), zone));
            int lastIndex = intervals.size() - 1;
            if (lastIndex >= 0 && !intervals.get(lastIndex).end().isBefore(open.start())) {
                intervals.set(lastIndex, new TimeSlot(intervals.get(lastIndex).start(), open.end()));
            } else {
                intervals.add(open);
            }
        }
        return intervals;
    }

    private static java.time.Instant at(LocalDate day, int minuteOfDay, ZoneId zone) {
        return minuteOfDay == 1440 ? day.plusDays(1).atStartOfDay(zone).toInstant()
                : day.atTime(LocalTime.ofSecondOfDay(minuteOfDay * 60L)).atZone(zone).toInstant();
    }
}

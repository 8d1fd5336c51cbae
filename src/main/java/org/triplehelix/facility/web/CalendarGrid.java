package org.triplehelix.facility.web;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.triplehelix.facility.BookingRules;
import org.triplehelix.facility.BookingStatus;
import org.triplehelix.facility.BookingView;
import org.triplehelix.facility.FacilityTime;
import org.triplehelix.facility.MaintenanceWindow;
import org.triplehelix.facility.OpeningHours;
import org.triplehelix.facility.TimeSlot;

/**
 * An instrument's calendar as the page draws it: a day or a week as a grid of slots (the
 * instrument's grid, e.g. an hour) from the earliest opening to the latest closing of the days
 * shown, each slot free, taken, pending, the viewer's own, under maintenance, closed or past; a
 * month as weeks of days with the share of open time taken.
 */
public record CalendarGrid(String view, LocalDate date, LocalDate first, LocalDate last, List<LocalDate> days, List<Row> rows,
                           List<List<MonthDay>> weeks, LocalDate previous, LocalDate next) {

    /** A row of the day or week grid: the slot's local start time and one cell per day. */
    public record Row(String time, List<Cell> cells) {
    }

    /**
     * One slot of one day. {@code state}: free, taken, pending, mine, maintenance, closed, past.
     * {@code bookingId} is set for a booking the viewer may open.
     */
    public record Cell(String state, Instant start, Instant end, Long bookingId, String label) {

        public boolean free() {
            return "free".equals(state);
        }
    }

    /** A day of the month view. */
    public record MonthDay(LocalDate date, boolean inMonth, boolean past, int bookings, int takenPercent, boolean maintenance,
                           boolean open) {
    }

    static final ZoneId ZONE = FacilityTime.ZONE;

    public static String normalView(String view) {
        String value = view == null ? "week" : view.toLowerCase(Locale.ROOT);
        return value.equals("day") || value.equals("month") ? value : "week";
    }

    /** The first and the day after the last day a view of {@code date} shows. */
    static LocalDate[] range(String view, LocalDate date) {
        return switch (view) {
            case "day" -> new LocalDate[] {date, date.plusDays(1)};
            case "month" -> {
                LocalDate first = date.withDayOfMonth(1).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                LocalDate last = date.with(TemporalAdjusters.lastDayOfMonth()).with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
                yield new LocalDate[] {first, last.plusDays(1)};
            }
            default -> {
                LocalDate monday = date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                yield new LocalDate[] {monday, monday.plusDays(7)};
            }
        };
    }

    static CalendarGrid build(String view, LocalDate date, BookingRules rules, List<BookingView> bookings,
                              List<MaintenanceWindow> maintenance, Instant now) {
        LocalDate[] range = range(view, date);
        List<LocalDate> days = range[0].datesUntil(range[1]).toList();
        LocalDate previous = switch (view) {
            case "day" -> date.minusDays(1);
            case "month" -> date.minusMonths(1).withDayOfMonth(1);
            default -> date.minusWeeks(1);
        };
        LocalDate next = switch (view) {
            case "day" -> date.plusDays(1);
            case "month" -> date.plusMonths(1).withDayOfMonth(1);
            default -> date.plusWeeks(1);
        };
        if (view.equals("month")) {
            return new CalendarGrid(view, date, range[0], range[1].minusDays(1), days, List.of(),
                    weeks(date, days, rules, bookings, maintenance, now), previous, next);
        }
        return new CalendarGrid(view, date, range[0], range[1].minusDays(1), days, rows(days, rules, bookings, maintenance, now),
                List.of(), previous, next);
    }

    private static List<Row> rows(List<LocalDate> days, BookingRules rules, List<BookingView> bookings,
                                  List<MaintenanceWindow> maintenance, Instant now) {
        OpeningHours hours = rules.openingHours();
        int from = days.stream().map(d -> hours.on(d.getDayOfWeek())).filter(h -> h != null).mapToInt(OpeningHours.Hours::opens).min().orElse(8 * 60);
        int to = days.stream().map(d -> hours.on(d.getDayOfWeek())).filter(h -> h != null).mapToInt(OpeningHours.Hours::closes).max().orElse(18 * 60);
        int step = rules.slotMinutes();
        Instant earliest = now.plus(Duration.ofMinutes(rules.leadMinutes()));
        List<Row> rows = new ArrayList<>();
        for (int minute = from; minute < to; minute += step) {
            List<Cell> cells = new ArrayList<>();
            for (LocalDate day : days) {
                Instant start = day.atStartOfDay(ZONE).plusMinutes(minute).toInstant();
                Instant end = day.atStartOfDay(ZONE).plusMinutes(Math.min(minute + step, 1440)).toInstant();
                cells.add(cell(new TimeSlot(start, end), hours, bookings, maintenance, earliest));
            }
            rows.add(new Row("%02d:%02d".formatted(minute / 60, minute % 60), cells));
        }
        return rows;
    }

    private static Cell cell(TimeSlot slot, OpeningHours hours, List<BookingView> bookings, List<MaintenanceWindow> maintenance,
                             Instant earliest) {
        for (MaintenanceWindow window : maintenance) {
            if (window.timeSlot().overlaps(slot)) {
                return new Cell("maintenance", slot.start(), slot.end(), null, window.reason());
            }
        }
        for (BookingView booking : bookings) {
            if (booking.timeSlot().overlaps(slot)) {
                String state = booking.mine() ? "mine" : booking.status() == BookingStatus.PENDING ? "pending" : "taken";
                return new Cell(state, slot.start(), slot.end(), booking.detailed() ? booking.id() : null,
                        booking.detailed() ? booking.booker() : null);
            }
        }
        if (!hours.covers(slot, ZONE)) {
            return new Cell("closed", slot.start(), slot.end(), null, null);
        }
        if (slot.start().isBefore(earliest)) {
            return new Cell("past", slot.start(), slot.end(), null, null);
        }
        return new Cell("free", slot.start(), slot.end(), null, null);
    }

    private static List<List<MonthDay>> weeks(LocalDate date, List<LocalDate> days, BookingRules rules, List<BookingView> bookings,
                                              List<MaintenanceWindow> maintenance, Instant now) {
        List<List<MonthDay>> weeks = new ArrayList<>();
        LocalDate today = LocalDate.ofInstant(now, ZONE);
        for (int i = 0; i < days.size(); i += 7) {
            List<MonthDay> week = new ArrayList<>();
            for (LocalDate day : days.subList(i, i + 7)) {
                TimeSlot whole = new TimeSlot(day.atStartOfDay(ZONE).toInstant(), day.plusDays(1).atStartOfDay(ZONE).toInstant());
                OpeningHours.Hours open = rules.openingHours().on(day.getDayOfWeek());
                long openMinutes = open == null ? 0 : open.closes() - open.opens();
                long taken = bookings.stream().filter(b -> b.timeSlot().overlaps(whole))
                        .mapToLong(b -> Duration.between(max(b.start(), whole.start()), min(b.end(), whole.end())).toMinutes()).sum();
                int bookingCount = (int) bookings.stream().filter(b -> b.timeSlot().overlaps(whole)).count();
                int percent = openMinutes == 0 ? 0 : (int) Math.min(100, Math.round(100.0 * taken / openMinutes));
                boolean down = maintenance.stream().anyMatch(w -> w.timeSlot().overlaps(whole));
                week.add(new MonthDay(day, day.getMonth() == date.getMonth(), day.isBefore(today), bookingCount, percent, down, open != null));
            }
            weeks.add(week);
        }
        return weeks;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}

package org.triplehelix.facility.web;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import org.triplehelix.facility.BookingStatus;
import org.triplehelix.facility.BookingView;
import org.triplehelix.facility.FacilityTime;
import org.triplehelix.facility.FeeUnit;
import org.triplehelix.facility.Instrument;
import org.triplehelix.facility.OpeningHours;
import org.triplehelix.facility.SlotConflict;
import org.triplehelix.facility.TimeSlot;
import org.triplehelix.shared.web.PageContext;

/** Formatting for the facility pages' templates (times in Asia/Shanghai). */
public final class FacilityViews {

    public static final List<DayOfWeek> WEEK = List.of(DayOfWeek.values());

    private FacilityViews() {
    }

    public static String dateTime(Instant instant) {
        return FacilityTime.dateTime(instant);
    }

    public static String time(Instant instant) {
        return FacilityTime.time(instant);
    }

    public static String date(Instant instant) {
        return FacilityTime.date(instant);
    }

    /**
     * A slot in the page's language: "2025-03-04 10:00–12:00（北京时间）" / "2025-03-04 10:00–12:00 (Beijing time)",
     * where the services' own text (for the API) names the zone by its id, Asia/Shanghai.
     */
    public static String slot(PageContext ctx, Instant start, Instant end) {
        return ctx.msg("facility.time.slot", new TimeSlot(start, end).local(FacilityTime.ZONE));
    }

    /** "周一" / "Mon". */
    public static String weekday(PageContext ctx, DayOfWeek day) {
        return day.getDisplayName(TextStyle.SHORT, ctx.english() ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE);
    }

    /** "3月4日 周一" / "Mon 4 Mar". */
    public static String day(PageContext ctx, LocalDate date) {
        return ctx.english() ? weekday(ctx, date.getDayOfWeek()) + " " + date.getDayOfMonth() + " "
                + date.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH)
                : date.getMonthValue() + "月" + date.getDayOfMonth() + "日 " + weekday(ctx, date.getDayOfWeek());
    }

    /** "2025年3月" / "March 2025". */
    public static String month(PageContext ctx, LocalDate date) {
        return ctx.english() ? date.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + date.getYear()
                : date.getYear() + "年" + date.getMonthValue() + "月";
    }

    public static String status(PageContext ctx, BookingStatus status) {
        return ctx.msg("facility.status." + status.code());
    }

    public static String money(BigDecimal amount) {
        return amount == null ? "" : "¥" + String.format(Locale.ROOT, "%,.2f", amount);
    }

    public static String number(BigDecimal value) {
        return value == null ? "–" : value.toPlainString();
    }

    /** A sharing rate as a percentage, "68.42%"; "–" without usage. */
    public static String percent(BigDecimal rate) {
        return rate == null ? "–" : rate.movePointRight(2).setScale(2, java.math.RoundingMode.HALF_UP).toPlainString() + "%";
    }

    /** A large amount for a headline figure: "692.67 万元" / "¥6.93 M"; small ones in full. */
    public static String compactMoney(PageContext ctx, BigDecimal amount) {
        if (amount == null || amount.compareTo(BigDecimal.valueOf(100_000)) < 0) {
            return money(amount);
        }
        return ctx.english() ? "¥" + amount.movePointLeft(6).setScale(2, java.math.RoundingMode.HALF_UP).toPlainString() + " M"
                : amount.movePointLeft(4).setScale(2, java.math.RoundingMode.HALF_UP).toPlainString() + " 万元";
    }

    public static String rate(PageContext ctx, BigDecimal rate, FeeUnit unit) {
        return money(rate) + " / " + ctx.msg("facility.unit." + unit.code());
    }

    public static String hours(PageContext ctx, Instrument instrument, DayOfWeek day) {
        OpeningHours.Hours hours = instrument.rules().openingHours().on(day);
        return hours == null ? ctx.msg("facility.hours.closed") : hours.opensText() + "–" + hours.closesText();
    }

    public static String opens(Instrument instrument, DayOfWeek day) {
        OpeningHours.Hours hours = instrument.rules().openingHours().on(day);
        return hours == null ? "" : hours.opensText();
    }

    public static String closes(Instrument instrument, DayOfWeek day) {
        OpeningHours.Hours hours = instrument.rules().openingHours().on(day);
        return hours == null ? "" : hours.closesText();
    }

    public static String dayKey(DayOfWeek day) {
        return day.name().toLowerCase(Locale.ROOT);
    }

    /** Durations a booking form offers: multiples of the grid from the shortest to the longest booking (at most 24). */
    public static List<Integer> durations(Instrument instrument) {
        int step = instrument.rules().slotMinutes();
        int min = Math.max(step, (instrument.rules().minMinutes() + step - 1) / step * step);
        return java.util.stream.IntStream.iterate(min, m -> m <= instrument.rules().maxMinutes(), m -> m + step).limit(24).boxed().toList();
    }

    public static String minutes(PageContext ctx, int minutes) {
        int h = minutes / 60;
        int m = minutes % 60;
        if (ctx.english()) {
            return (h > 0 ? h + " h" : "") + (h > 0 && m > 0 ? " " : "") + (m > 0 ? m + " min" : "");
        }
        return (h > 0 ? h + "小时" : "") + (m > 0 ? m + "分钟" : "");
    }

    /** What a requested slot collides with (the booking or maintenance window, its time) in the page's language. */
    public static String conflict(PageContext ctx, SlotConflict conflict) {
        return ctx.msg(conflict.messageKey(), conflict.messageArgs());
    }

    /**
     * A booking rule a weekly series' date breaks ({@code reason} of the report, {@code facility.rule.<reason>}),
     * in the page's language with the instrument's limit it names.
     */
    public static String rule(PageContext ctx, Instrument instrument, String reason) {
        var rules = instrument.rules();
        Object[] args = switch (reason) {
            case "lead-time" -> new Object[] {rules.leadMinutes()};
            case "horizon" -> new Object[] {rules.horizonDays()};
            case "too-short" -> new Object[] {rules.minMinutes()};
            case "too-long" -> new Object[] {rules.maxMinutes()};
            default -> new Object[0];
        };
        return ctx.msg("facility.rule." + reason, args);
    }

    public static boolean has(BookingView booking, String action) {
        return booking.can(action);
    }

    /** The booking actions that cannot be undone (the slot freed, the booker told), which the form asks to confirm first. */
    public static boolean confirmed(String action) {
        return BookingPages.CONFIRMED.contains(action);
    }
}

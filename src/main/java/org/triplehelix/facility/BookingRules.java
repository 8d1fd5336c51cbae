package org.triplehelix.facility;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.triplehelix.shared.InvalidInputException;

/**
 * How an instrument is booked: the shortest and longest booking, the grid of the calendar, the
 * lead time (how long before its start a booking must be made), the horizon (how far ahead),
 * the opening hours, whether a manager approves each request and whether training is required.
 */
public record BookingRules(int minMinutes, int maxMinutes, int slotMinutes, int leadMinutes, int horizonDays,
                           boolean approvalRequired, boolean trainingRequired, OpeningHours openingHours) {

    /** Why a slot cannot be booked under these rules, naming the field at fault. */
    public record Refusal(String reason, String field, String message, Object... args) {

        public RuleViolationException toException() {
            return new RuleViolationException(field, reason, message, args);
        }
    }

    /** The longest horizon: a booking is made at most two years ahead. */
    public static final int MAX_HORIZON_DAYS = 730;
    /**
     * The longest lead time: a year, in minutes. More would keep an instrument from being booked within any
     * horizon of a year, and a value near {@code Integer.MAX_VALUE} (4,000 years) is a typing error, not a rule.
     */
    public static final int MAX_LEAD_MINUTES = 365 * 24 * 60;
    private static final int MINUTES_PER_DAY = 24 * 60;

    public static BookingRules standard() {
        return new BookingRules(30, 480, 60, 0, 90, true, false, OpeningHours.standard());
    }

    public BookingRules {
        List<InvalidInputException> refusals = refusals(minMinutes, maxMinutes, slotMinutes, leadMinutes, horizonDays, openingHours);
        if (!refusals.isEmpty()) {
            throw refusals.getFirst();
        }
    }

    /**
     * Every field these rules would be refused on, in the order the constructor checks them (it
     * throws the first): so that a form can mark all of them at once.
     * <p>A lead time as long as the horizon or longer is refused on the lead time: a booking must start no
     * earlier than the lead time and no later than the horizon from now, so no slot would ever be left (at
     * exactly equal lengths, only the very instant of the request plus the horizon, never on the calendar's grid).
     * It is checked only when both lie in their own ranges, so one typing error gives one message.
     */
    static List<InvalidInputException> refusals(int minMinutes, int maxMinutes, int slotMinutes, int leadMinutes,
                                                int horizonDays, OpeningHours openingHours) {
        List<InvalidInputException> refusals = new ArrayList<>(0);
        if (minMinutes < 1) {
            refusals.add(new InvalidInputException("minMinutes", "the shortest booking is at least one minute", "facility.error.minMinutes"));
        }
        if (maxMinutes < minMinutes || maxMinutes > 44_640) {
            refusals.add(new InvalidInputException("maxMinutes", "the longest booking is at least the shortest and at most 31 days",
                    "facility.error.maxMinutes"));
        }
        if (slotMinutes != 15 && slotMinutes != 30 && slotMinutes != 60 && slotMinutes != 120) {
            refusals.add(new InvalidInputException("slotMinutes", "the calendar's grid is 15, 30, 60 or 120 minutes",
                    "facility.error.slotMinutes"));
        }
        boolean leadInRange = leadMinutes >= 0 && leadMinutes <= MAX_LEAD_MINUTES;
        if (!leadInRange) {
            refusals.add(new InvalidInputException("leadMinutes", "the lead time is 0 to " + MAX_LEAD_MINUTES + " minutes (365 days)",
                    "facility.error.leadMinutes", String.valueOf(MAX_LEAD_MINUTES)));
        }
        boolean horizonInRange = horizonDays >= 1 && horizonDays <= MAX_HORIZON_DAYS;
        if (!horizonInRange) {
            refusals.add(new InvalidInputException("horizonDays", "the horizon is 1 to 730 days", "facility.error.horizonDays"));
        }
        if (leadInRange && horizonInRange && leadMinutes >= horizonDays * MINUTES_PER_DAY) {
            refusals.add(new InvalidInputException("leadMinutes", "the lead time must be shorter than the horizon of " + horizonDays
                    + " days (" + horizonDays * MINUTES_PER_DAY + " minutes)", "facility.error.leadBeyondHorizon",
                    String.valueOf(horizonDays)));
        }
        if (openingHours == null) {
            refusals.add(new InvalidInputException("openingHours", "the opening hours are missing", "facility.error.openingHours"));
        }
        return refusals;
    }

    /** The first rule the slot breaks when requested at {@code now}, if any. */
    public Optional<Refusal> check(TimeSlot slot, Instant now, ZoneId zone) {
        if (slot.start().getEpochSecond() % 60 != 0 || slot.end().getEpochSecond() % 60 != 0
                || slot.start().getNano() != 0 || slot.end().getNano() != 0) {
            return refuse("whole-minutes", "start", "a booking starts and ends on whole minutes");
        }
        if (slot.start().isBefore(now)) {
            return refuse("past", "start", "the slot has begun already");
        }
        if (slot.start().isBefore(now.plus(Duration.ofMinutes(leadMinutes)))) {
            return refuse("lead-time", "start", "this instrument is booked at least " + leadMinutes + " minutes ahead", leadMinutes);
        }
        if (slot.start().isAfter(now.plus(Duration.ofDays(horizonDays)))) {
            return refuse("horizon", "start", "this instrument is booked at most " + horizonDays + " days ahead", horizonDays);
        }
        long minutes = slot.duration().toMinutes();
        if (minutes < minMinutes) {
            return refuse("too-short", "end", "a booking lasts at least " + minMinutes + " minutes", minMinutes);
        }
        if (minutes > maxMinutes) {
            return refuse("too-long", "end", "a booking lasts at most " + maxMinutes + " minutes", maxMinutes);
        }
        if (!openingHours.covers(slot, zone)) {
            return refuse("closed", "start", "the instrument is not open for all of " + slot.describe(zone));
        }
        return Optional.empty();
    }

    private static Optional<Refusal> refuse(String reason, String field, String message, Object... args) {
        return Optional.of(new Refusal(reason, field, message, args));
    }
}

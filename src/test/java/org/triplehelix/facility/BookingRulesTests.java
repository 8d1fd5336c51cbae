package org.triplehelix.facility;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Booking rules: opening hours in Shanghai time, lengths, lead time, horizon. */
class BookingRulesTests {

    // 2030-03-04 is a Monday; 01:00Z is 09:00 in Shanghai
    static final Instant MONDAY_9 = Instant.parse("2030-03-04T01:00:00Z");
    static final Instant NOW = Instant.parse("2030-03-01T00:00:00Z");

    final BookingRules rules = new BookingRules(30, 240, 30, 60, 30, true, false, OpeningHours.standard());

    Optional<String> reason(Instant start, Duration length) {
        return rules.check(TimeSlot.of(start, length), NOW, FacilityTime.ZONE).map(BookingRules.Refusal::reason);
    }

    @Test
    void aSlotWithinOpeningHoursPasses() {
        assertThat(reason(MONDAY_9, Duration.ofHours(2))).isEmpty();
        assertThat(reason(Instant.parse("2030-03-04T00:30:00Z"), Duration.ofHours(4))).isEmpty();   // 08:30–12:30
    }

    @Test
    void opensAndClosesAreEnforcedInLocalTime() {
        assertThat(reason(Instant.parse("2030-03-04T00:00:00Z"), Duration.ofHours(1))).contains("closed");   // 08:00
        assertThat(reason(Instant.parse("2030-03-04T08:00:00Z"), Duration.ofHours(2))).contains("closed");   // 16:00–18:00
        assertThat(reason(Instant.parse("2030-03-09T01:00:00Z"), Duration.ofHours(1))).contains("closed");   // Saturday
    }

    @Test
    void lengthsLeadTimeAndHorizon() {
        assertThat(reason(MONDAY_9, Duration.ofMinutes(15))).contains("too-short");
        assertThat(reason(MONDAY_9, Duration.ofHours(5))).contains("too-long");
        assertThat(reason(NOW.plus(Duration.ofMinutes(30)), Duration.ofHours(1))).contains("lead-time");
        assertThat(reason(NOW.minus(Duration.ofMinutes(30)), Duration.ofHours(1))).contains("past");
        assertThat(reason(MONDAY_9.plus(Duration.ofDays(35)), Duration.ofHours(1))).contains("horizon");
        assertThat(reason(MONDAY_9.plusSeconds(30), Duration.ofHours(1))).contains("whole-minutes");
    }

    @Test
    void daysThatMeetAtMidnightJoin() {
        OpeningHours hours = OpeningHours.aroundTheClock();
        assertThat(hours.covers(new TimeSlot(Instant.parse("2030-03-04T14:00:00Z"), Instant.parse("2030-03-04T18:00:00Z")),
                FacilityTime.ZONE)).isTrue();   // 22:00–02:00 local
        OpeningHours weekdaysOnly = OpeningHours.weekdays(new OpeningHours.Hours(0, 1440));
        assertThat(weekdaysOnly.covers(new TimeSlot(Instant.parse("2030-03-08T14:00:00Z"), Instant.parse("2030-03-08T18:00:00Z")),
                FacilityTime.ZONE)).isFalse();  // Friday 22:00 to Saturday 02:00
        OpeningHours mondayOnly = new OpeningHours(Map.of(DayOfWeek.MONDAY, OpeningHours.Hours.of("09:00", "24:00")));
        assertThat(mondayOnly.covers(TimeSlot.of(Instant.parse("2030-03-04T15:00:00Z"), Duration.ofHours(1)), FacilityTime.ZONE)).isTrue();
    }

    @Test
    void hoursAreWrittenHhMm() {
        assertThat(OpeningHours.Hours.of("08:30", "24:00")).isEqualTo(new OpeningHours.Hours(510, 1440));
        assertThat(OpeningHours.Hours.of("8:30", "17:30").opensText()).isEqualTo("08:30");
    }
}

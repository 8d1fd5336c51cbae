package org.triplehelix.facility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.triplehelix.shared.InvalidInputException;

/** Weekly recurrence: same local weekday and time, by count or until a date, local time kept across DST. */
class WeeklyRecurrenceTests {

    @Test
    void countOccurrencesOneWeekApartInShanghai() {
        List<TimeSlot> slots = new WeeklyRecurrence(LocalDateTime.parse("2030-03-04T09:00"), Duration.ofHours(2), 3,
                FacilityTime.ZONE).occurrences();
        assertThat(slots).containsExactly(
                new TimeSlot(Instant.parse("2030-03-04T01:00:00Z"), Instant.parse("2030-03-04T03:00:00Z")),
                new TimeSlot(Instant.parse("2030-03-11T01:00:00Z"), Instant.parse("2030-03-11T03:00:00Z")),
                new TimeSlot(Instant.parse("2030-03-18T01:00:00Z"), Instant.parse("2030-03-18T03:00:00Z")));
    }

    @Test
    void untilADateIncludesIt() {
        WeeklyRecurrence recurrence = WeeklyRecurrence.until(LocalDateTime.parse("2030-03-04T09:00"), Duration.ofHours(1),
                LocalDate.parse("2030-03-25"), FacilityTime.ZONE);
        assertThat(recurrence.count()).isEqualTo(4);
        assertThat(WeeklyRecurrence.until(LocalDateTime.parse("2030-03-04T09:00"), Duration.ofHours(1),
                LocalDate.parse("2030-03-24"), FacilityTime.ZONE).count()).isEqualTo(3);
    }

    @Test
    void localTimeIsKeptAcrossADaylightSavingChange() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");   // clocks go forward on 2030-03-31
        List<TimeSlot> slots = new WeeklyRecurrence(LocalDateTime.parse("2030-03-25T09:00"), Duration.ofHours(1), 2, berlin).occurrences();
        assertThat(slots.get(0).start()).isEqualTo(Instant.parse("2030-03-25T08:00:00Z"));
        assertThat(slots.get(1).start()).isEqualTo(Instant.parse("2030-04-01T07:00:00Z"));
    }

    @Test
    void aSeriesHasOneToFiftyTwoOccurrences() {
        LocalDateTime start = LocalDateTime.parse("2030-03-04T09:00");
        assertThatThrownBy(() -> new WeeklyRecurrence(start, Duration.ofHours(1), 0, FacilityTime.ZONE))
                .isInstanceOf(InvalidInputException.class).extracting("field").isEqualTo("count");
        assertThatThrownBy(() -> new WeeklyRecurrence(start, Duration.ofHours(1), 53, FacilityTime.ZONE))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> WeeklyRecurrence.until(start, Duration.ofHours(1), LocalDate.parse("2031-06-01"), FacilityTime.ZONE))
                .isInstanceOf(InvalidInputException.class).extracting("field").isEqualTo("until");
        assertThatThrownBy(() -> new WeeklyRecurrence(start, Duration.ZERO, 2, FacilityTime.ZONE))
                .isInstanceOf(InvalidInputException.class).extracting("field").isEqualTo("end");
    }

    @Test
    void aRequestGivenWithAnOffsetRecursAtTheSameShanghaiTime() {
        WeeklyRequest request = new WeeklyRequest("2030-03-04T09:00:00+08:00", "2030-03-04T10:30:00+08:00", 2, null, true, null);
        assertThat(request.recurrence().occurrences().get(1))
                .isEqualTo(new TimeSlot(Instant.parse("2030-03-11T01:00:00Z"), Instant.parse("2030-03-11T02:30:00Z")));
    }
}

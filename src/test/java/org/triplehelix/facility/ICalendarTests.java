package org.triplehelix.facility;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 5545 output: CRLF, folding at 75 octets without splitting characters, escaping, UID, DTSTAMP, UTC. */
class ICalendarTests {

    static final Instant STAMP = Instant.parse("2030-03-01T08:30:00Z");
    static final TimeSlot SLOT = new TimeSlot(Instant.parse("2030-03-04T01:00:00Z"), Instant.parse("2030-03-04T03:00:00Z"));

    @Test
    void aFeedIsAVCalendarOfEventsWithUidStampAndUtcTimes() {
        String feed = ICalendar.write("X-ray diffractometer", STAMP, List.of(new ICalendar.Event("booking-7@facilities.triple-helix",
                SLOT, "Booked", null, null, ICalendar.Status.CONFIRMED, 2, null)));
        assertThat(feed).isEqualTo(String.join("\r\n",
                "BEGIN:VCALENDAR",
                "VERSION:2.0",
                "PRODID:-//Triple Helix//Facilities//EN",
                "CALSCALE:GREGORIAN",
                "METHOD:PUBLISH",
                "X-WR-CALNAME:X-ray diffractometer",
                "X-WR-TIMEZONE:Asia/Shanghai",
                "BEGIN:VEVENT",
                "UID:booking-7@facilities.triple-helix",
                "DTSTAMP:20300301T083000Z",
                "DTSTART:20300304T010000Z",
                "DTEND:20300304T030000Z",
                "SUMMARY:Booked",
                "STATUS:CONFIRMED",
                "SEQUENCE:2",
                "TRANSP:OPAQUE",
                "END:VEVENT",
                "END:VCALENDAR", ""));
    }

    @Test
    void textIsEscaped() {
        assertThat(ICalendar.escape("a\\b;c,d\ne\r\nf:g")).isEqualTo("a\\\\b\\;c\\,d\\ne\\nf:g");
    }

    @Test
    void longLinesAreFoldedAt75OctetsAndNeverInsideACharacter() {
        String summary = "SUMMARY:" + "球差校正扫描透射电子显微镜".repeat(4) + " aberration-corrected STEM";
        String folded = ICalendar.fold(summary);
        String[] lines = folded.split("\r\n", -1);
        assertThat(lines.length).isGreaterThan(2);
        for (int i = 0; i < lines.length; i++) {
            assertThat(lines[i].getBytes(StandardCharsets.UTF_8).length).as("line %d", i).isLessThanOrEqualTo(75);
            if (i > 0) {
                assertThat(lines[i]).startsWith(" ");
            }
        }
        // unfolding (remove CRLF + one space) gives the original back, so no character was split
        assertThat(folded.replace("\r\n ", "")).isEqualTo(summary);
        // the first line is filled: 8 ASCII octets + 22 Han characters of 3 octets = 74 (a 23rd would make 77)
        assertThat(lines[0].getBytes(StandardCharsets.UTF_8).length).isEqualTo(74);
    }

    @Test
    void anAsciiLineIsCutAtExactly75Octets() {
        String line = "DESCRIPTION:" + "x".repeat(200);
        String[] lines = ICalendar.fold(line).split("\r\n");
        assertThat(lines[0]).hasSize(75);
        assertThat(lines[1]).hasSize(75).startsWith(" ");
        assertThat(ICalendar.fold("SHORT:line")).isEqualTo("SHORT:line");
    }

    @Test
    void everyLineOfAFeedEndsWithCrlfAndTheSummaryIsEscapedAndFolded() {
        String feed = ICalendar.write("仪器", STAMP, List.of(new ICalendar.Event("u1@h", SLOT, "已预约; Booked, " + "长".repeat(40),
                "line one\nline two", "Building 3, Room 101", ICalendar.Status.TENTATIVE, 0, STAMP)));
        assertThat(feed).doesNotContainPattern("[^\r]\n");
        assertThat(feed).endsWith("END:VCALENDAR\r\n");
        assertThat(feed.replace("\r\n ", "")).contains("SUMMARY:已预约\\; Booked\\, 长").contains("DESCRIPTION:line one\\nline two")
                .contains("LOCATION:Building 3\\, Room 101").contains("STATUS:TENTATIVE").contains("LAST-MODIFIED:20300301T083000Z");
        for (String line : feed.split("\r\n")) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75);
        }
    }
}

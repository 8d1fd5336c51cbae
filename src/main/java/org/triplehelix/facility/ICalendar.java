package org.triplehelix.facility;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Writes an iCalendar feed (RFC 5545): lines ended by CRLF, folded at 75 octets (never inside a
 * UTF-8 character), TEXT values escaped, every event with a UID and a DTSTAMP, times in UTC.
 */
public final class ICalendar {

    static final String CRLF = "\r\n";
    /** RFC 5545 §3.1: lines SHOULD NOT be longer than 75 octets, excluding the line break. */
    static final int MAX_OCTETS = 75;
    static final String PRODUCT = "-//Triple Helix//Facilities//EN";
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    /** The STATUS of an event (RFC 5545 §3.8.1.11). */
    public enum Status { TENTATIVE, CONFIRMED, CANCELLED }

    /** One VEVENT. {@code description} and {@code location} may be null. */
    public record Event(String uid, TimeSlot slot, String summary, String description, String location, Status status,
                        int sequence, Instant lastModified) {
    }

    private ICalendar() {
    }

    /** The whole feed; {@code stamp} is the DTSTAMP of every event (when the feed was made). */
    public static String write(String calendarName, Instant stamp, List<Event> events) {
        StringBuilder out = new StringBuilder();
        line(out, "BEGIN:VCALENDAR");
        line(out, "VERSION:2.0");
        line(out, "PRODID:" + PRODUCT);
        line(out, "CALSCALE:GREGORIAN");
        line(out, "METHOD:PUBLISH");
        line(out, "X-WR-CALNAME:" + escape(calendarName));
        line(out, "X-WR-TIMEZONE:" + FacilityTime.ZONE.getId());
        for (Event event : events) {
            line(out, "BEGIN:VEVENT");
            line(out, "UID:" + event.uid());
            line(out, "DTSTAMP:" + utc(stamp));
            line(out, "DTSTART:" + utc(event.slot().start()));
            line(out, "DTEND:" + utc(event.slot().end()));
            line(out, "SUMMARY:" + escape(event.summary()));
            if (event.description() != null && !event.description().isBlank()) {
                line(out, "DESCRIPTION:" + escape(event.description()));
            }
            if (event.location() != null && !event.location().isBlank()) {
                line(out, "LOCATION:" + escape(event.location()));
            }
            line(out, "STATUS:" + event.status().name());
            line(out, "SEQUENCE:" + event.sequence());
            if (event.lastModified() != null) {
                line(out, "LAST-MODIFIED:" + utc(event.lastModified()));
            }
            line(out, "TRANSP:OPAQUE");
            line(out, "END:VEVENT");
        }
        line(out, "END:VCALENDAR");
        return out.toString();
    }

    /** A UTC date-time, {@code 20250304T020000Z}. */
    static String utc(Instant instant) {
        return UTC.format(instant);
    }

    /** TEXT escaping (§3.3.11): backslash, semicolon, comma; line breaks as {@code \n}. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> escaped.append("\\\\");
                case ';' -> escaped.append("\\;");
                case ',' -> escaped.append("\\,");
                case '\n' -> escaped.append("\\n");
                case '\r' -> {
                    if (i + 1 >= text.length() || text.charAt(i + 1) != '\n') {
                        escaped.append("\\n");
                    }
                }
                default -> escaped.append(Character.isISOControl(c) && c != '\t' ? ' ' : c);
            }
        }
        return escaped.toString();
    }

    /**
     * A content line folded (§3.1): after at most 75 octets a CRLF and one space, the space
     * counting towards the next line's 75; a multi-octet UTF-8 character is never split.
     */
    static String fold(String line) {
        StringBuilder folded = new StringBuilder(line.length() + 8);
        int octets = 0;
        for (int i = 0; i < line.length(); ) {
            int codePoint = line.codePointAt(i);
            int width = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + width > MAX_OCTETS) {
                folded.append(CRLF).append(' ');
                octets = 1;
            }
            folded.appendCodePoint(codePoint);
            octets += width;
            i += Character.charCount(codePoint);
        }
        return folded.toString();
    }

    private static void line(StringBuilder out, String content) {
        out.append(fold(content)).append(CRLF);
    }
}

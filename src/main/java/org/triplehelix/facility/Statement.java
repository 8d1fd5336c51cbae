package org.triplehelix.facility;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import org.triplehelix.shared.Text;

/**
 * An organization's monthly statement: every completed booking with confirmed usage that started
 * in the month, with its fee. {@code side} {@code customer}: what the organization (and its units)
 * used of anyone's instruments; {@code provider}: what others used of its instruments.
 */
public record Statement(String organization, Text organizationName, YearMonth month, String side, List<Line> lines,
                        BigDecimal totalHours, BigDecimal total) {

    /** One charged booking. */
    public record Line(long bookingId, Instant start, Instant end, String facility, Text facilityName, Text ownerName,
                       String booker, Text bookerOrganization, RateClass rateClass, FeeUnit unit, BigDecimal hours,
                       BigDecimal quantity, BigDecimal unitRate, BigDecimal amount) {
    }

    public Statement {
        lines = List.copyOf(lines);
    }
}

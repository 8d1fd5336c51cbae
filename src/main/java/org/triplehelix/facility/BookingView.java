package org.triplehelix.facility;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.triplehelix.shared.Text;

/**
 * A booking as the API and the pages show it. To anyone but the booker, the instrument's managers
 * and whoever sees the booker's organization's private data, only the slot and its status show
 * ({@code detailed} false).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BookingView(long id, String facility, Text facilityName, Instant start, Instant end, String slot,
                          BookingStatus status, boolean detailed, boolean mine, Long seriesId, Long bookerId,
                          String booker, String organization, Text organizationName, String purpose, RateClass rateClass,
                          Instant actualStart, Instant actualEnd, BigDecimal hours, Integer samples, Charge fee,
                          Boolean usageConfirmed, String note, List<String> actions, Instant createdAt, int version) {

    public TimeSlot timeSlot() {
        return new TimeSlot(start, end);
    }

    public boolean can(String action) {
        return actions != null && actions.contains(action);
    }
}

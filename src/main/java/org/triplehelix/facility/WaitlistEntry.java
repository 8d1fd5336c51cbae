package org.triplehelix.facility;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import org.triplehelix.shared.Text;

/**
 * A place in an instrument's waitlist: {@code waiting}, {@code offered} (until {@code offerExpiresAt}), then {@code booked},
 * {@code declined}, {@code expired} or {@code withdrawn}. {@code userName} is the waiting account's name, so that the
 * instrument's managers see who is in line, as they see who booked.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WaitlistEntry(long id, String facility, Text facilityName, long userId, String userName, Instant start, Instant end,
                            String slot, String purpose, String status, Instant offeredAt, Instant offerExpiresAt,
                            Long bookingId, Instant createdAt) {

    public TimeSlot timeSlot() {
        return new TimeSlot(start, end);
    }

    public boolean offered() {
        return "offered".equals(status);
    }
}

package org.triplehelix.facility;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * What a requested slot collides with: another booking ({@code kind = booking}, its id and
 * status) or a maintenance window ({@code kind = maintenance}); the API's 409 carries it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SlotConflict(String kind, Long bookingId, String status, Long maintenanceId, Instant start, Instant end,
                           String slot) {

    static SlotConflict booking(long bookingId, BookingStatus status, TimeSlot slot) {
        return new SlotConflict("booking", bookingId, status.code(), null, slot.start(), slot.end(), slot.describe(FacilityTime.ZONE));
    }

    static SlotConflict maintenance(long maintenanceId, TimeSlot slot) {
        return new SlotConflict("maintenance", null, null, maintenanceId, slot.start(), slot.end(), slot.describe(FacilityTime.ZONE));
    }

    /** A concurrent booking took the slot and was gone again before it could be looked up. */
    static SlotConflict vanished(TimeSlot requested) {
        return new SlotConflict("booking", null, null, null, requested.start(), requested.end(), requested.describe(FacilityTime.ZONE));
    }

    String describe() {
        return switch (kind) {
            case "maintenance" -> "the instrument is under maintenance " + slot + " (maintenance window " + maintenanceId + ")";
            default -> bookingId == null ? "the slot " + slot + " was just taken by another booking"
                    : "the slot " + slot + " is taken by booking " + bookingId + " (" + status.replace('_', ' ') + ")";
        };
    }
}

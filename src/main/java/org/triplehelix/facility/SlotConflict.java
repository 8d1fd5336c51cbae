package org.triplehelix.facility;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import org.springframework.context.support.DefaultMessageSourceResolvable;

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

    /** What is in the way, in English: the message of the API's 409 and the logs. */
    String describe() {
        return switch (kind) {
            case "maintenance" -> "the instrument is under maintenance " + slot + " (maintenance window " + maintenanceId + ")";
            default -> bookingId == null ? "the slot " + slot + " was just taken by another booking"
                    : "the slot " + slot + " is taken by booking " + bookingId + " (" + status.replace('_', ' ') + ")";
        };
    }

    /**
     * The message key of {@link #describe()} in the bundles, for a page that says in its reader's
     * language what is in the way; its arguments are {@link #messageArgs()}.
     */
    public String messageKey() {
        return switch (kind) {
            case "maintenance" -> "facility.conflict.maintenance";
            default -> bookingId == null ? "facility.conflict.taken" : "facility.conflict.booking";
        };
    }

    /**
     * The arguments of {@link #messageKey()}: the time in the way (Beijing time, without the zone's
     * name), then the maintenance window's or the booking's number and the booking's status, which
     * the message source says in the reader's language. Numbers as text, so that no digit grouping creeps in.
     */
    public Object[] messageArgs() {
        String when = new TimeSlot(start, end).local(FacilityTime.ZONE);
        return switch (kind) {
            case "maintenance" -> new Object[] {when, String.valueOf(maintenanceId)};
            default -> bookingId == null ? new Object[] {when}
                    : new Object[] {when, String.valueOf(bookingId), new DefaultMessageSourceResolvable("facility.status." + status)};
        };
    }
}

package org.triplehelix.facility;

/**
 * A maintenance window to add: ISO-8601 start and end, the reason; {@code cancelBookings} cancels
 * the pending and approved bookings in the way (else they make it a 409 naming the first).
 */
public record MaintenanceRequest(String start, String end, String reason, Boolean cancelBookings) {

    public TimeSlot slot() {
        return new TimeSlot(Times.instant("start", start), Times.instant("end", end));
    }
}

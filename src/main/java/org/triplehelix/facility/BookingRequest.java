package org.triplehelix.facility;

/** {@code POST /api/v1/instruments/{id}/bookings}: ISO-8601 start and end, and what the booking is for. */
public record BookingRequest(String start, String end, String purpose) {

    public TimeSlot slot() {
        return new TimeSlot(Times.instant("start", start), Times.instant("end", end));
    }
}

package org.triplehelix.facility;

import java.time.Instant;

/** A time an instrument cannot be booked: service, calibration, repair. */
public record MaintenanceWindow(long id, String facility, Instant start, Instant end, String reason, String slot) {

    static MaintenanceWindow of(long id, String facilityExtId, TimeSlot slot, String reason) {
        return new MaintenanceWindow(id, facilityExtId, slot.start(), slot.end(), reason, slot.describe(FacilityTime.ZONE));
    }

    public TimeSlot timeSlot() {
        return new TimeSlot(start, end);
    }
}

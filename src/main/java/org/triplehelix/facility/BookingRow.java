package org.triplehelix.facility;

import java.time.Instant;
import org.triplehelix.shared.Text;

/** A stored booking with what lists show beside it: the facility, the booker and their organization. */
record BookingRow(Booking booking, int version, Instant createdAt, Instant updatedAt, String facilityExtId,
                  Text facilityName, Long facilityOrganizationId, String bookerName, String organizationExtId,
                  Text organizationName) {
}

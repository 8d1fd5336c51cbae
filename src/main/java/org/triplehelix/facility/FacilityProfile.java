package org.triplehelix.facility;

import org.triplehelix.shared.Text;

/**
 * What this module adds to a registry facility: where it is, what it is and can do, what it
 * costs and how it is booked. {@code stored} is false for a facility whose profile was never
 * written (it is booked with the {@link #defaults}).
 */
public record FacilityProfile(Text location, String model, String maker, Text capabilities, FeeSchedule fees,
                              BookingRules rules, boolean stored, int version) {

    public static FacilityProfile defaults() {
        return new FacilityProfile(null, null, null, null, FeeSchedule.FREE, BookingRules.standard(), false, 0);
    }
}

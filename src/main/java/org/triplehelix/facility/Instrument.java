package org.triplehelix.facility;

import java.util.List;
import org.triplehelix.shared.Text;

/**
 * A facility or instrument of the registry's catalog with its profile and managers: what the
 * instrument page and the API show. {@code type} is {@code major_facility} or {@code instrument}.
 */
public record Instrument(long id, String extId, String type, Text name, Text description, List<String> keywords,
                         Long organizationId, String organizationExtId, Text organizationName, String regionCode,
                         boolean illustrative, FacilityProfile profile, List<Manager> managers) {

    /** A manager as shown publicly: the account's id and display name (never the email). */
    public record Manager(long userId, String name) {
    }

    public Instrument {
        keywords = List.copyOf(keywords);
        managers = List.copyOf(managers);
    }

    public BookingRules rules() {
        return profile.rules();
    }

    public FeeSchedule fees() {
        return profile.fees();
    }

    public boolean managedBy(long userId) {
        return managers.stream().anyMatch(manager -> manager.userId() == userId);
    }
}

package org.triplehelix.registry;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The tiers of the innovation base, with their names in the interchange format. */
public enum OrganizationType {
    NATIONAL_LABORATORY, PROVINCIAL_LABORATORY, NATIONAL_KEY_LABORATORY, MAJOR_FACILITY,
    NEW_RD_INSTITUTION, UNIVERSITY, RESEARCH_INSTITUTE, ENTERPRISE, GOVERNMENT, OTHER;

    /** {@code national_key_laboratory}, as in INTERCHANGE.md and the database. */
    public String interchangeName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<OrganizationType> fromInterchange(String name) {
        return Arrays.stream(values()).filter(t -> t.interchangeName().equals(name)).findFirst();
    }
}

package org.triplehelix.registry;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** A major science facility or a large instrument, with their names in the interchange format. */
public enum FacilityType {
    MAJOR_FACILITY, INSTRUMENT;

    /** {@code major_facility}, as in INTERCHANGE.md and the database. */
    public String interchangeName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<FacilityType> fromInterchange(String name) {
        return Arrays.stream(values()).filter(t -> t.interchangeName().equals(name)).findFirst();
    }
}

package org.triplehelix.registry;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What an output is, with their names in the interchange format. */
public enum OutputType {
    PROJECT, PAPER, PATENT, ACHIEVEMENT, STANDARD, SOFTWARE;

    /** {@code patent}, as in INTERCHANGE.md and the database. */
    public String interchangeName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<OutputType> fromInterchange(String name) {
        return Arrays.stream(values()).filter(t -> t.interchangeName().equals(name)).findFirst();
    }
}

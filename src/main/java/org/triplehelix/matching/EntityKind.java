package org.triplehelix.matching;

import java.util.Locale;

/** What the search index holds, and what a match can target. */
public enum EntityKind {
    ORGANIZATION, PERSON, OUTPUT, FACILITY, DEMAND;

    /** The lower-case name used in events, ids and URLs ("person"). */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static EntityKind of(String id) {
        return of("kind", id);
    }

    /** The kind {@code id} given as {@code field} (a "target", a "kind"), refused naming that field. */
    public static EntityKind of(String field, String id) {
        try {
            return valueOf(id.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new org.triplehelix.shared.InvalidInputException(field, "unknown kind " + id
                    + " (organization, person, output, facility or demand)", "matching.error.kind", id);
        }
    }
}

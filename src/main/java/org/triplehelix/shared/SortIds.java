package org.triplehelix.shared;

import java.util.Locale;
import java.util.Optional;

/**
 * The orders of a list (an enum of sorts) by their ids in a request ({@code ?sort=}): a constant's id is its name in
 * lower case; an id is read in any case, and a blank one is the list's default.
 */
public final class SortIds {

    private SortIds() {
    }

    /** The id of a sort: its name in lower case. */
    public static String id(Enum<?> sort) {
        return sort.name().toLowerCase(Locale.ROOT);
    }

    /** The sort of this id (any case, blank: {@code fallback}), empty for an id the list does not know. */
    public static <E extends Enum<E>> Optional<E> of(Class<E> type, String id, E fallback) {
        if (id == null || id.isBlank()) {
            return Optional.of(fallback);
        }
        String wanted = id.strip().toLowerCase(Locale.ROOT);
        for (E sort : type.getEnumConstants()) {
            if (id(sort).equals(wanted)) {
                return Optional.of(sort);
            }
        }
        return Optional.empty();
    }
}

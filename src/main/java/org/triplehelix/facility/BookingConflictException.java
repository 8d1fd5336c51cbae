package org.triplehelix.facility;

import java.util.Map;
import org.triplehelix.shared.ConflictException;

/**
 * A slot that collides with another booking or a maintenance window: HTTP 409 naming it, in English
 * for the API and, through the conflict's message key, in the reader's language for a page.
 */
public class BookingConflictException extends ConflictException {

    private final transient SlotConflict conflict;

    public BookingConflictException(SlotConflict conflict) {
        super(conflict.describe(), Map.of("conflict", conflict), conflict.messageKey(), conflict.messageArgs());
        this.conflict = conflict;
    }

    public SlotConflict conflict() {
        return conflict;
    }
}

package org.triplehelix.facility;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import org.triplehelix.shared.InvalidInputException;

/**
 * Where a booking is in its life: requested (pending) → approved (automatically or by a manager)
 * → in use → completed with its usage; or rejected, cancelled, no-show.
 */
public enum BookingStatus {

    PENDING, APPROVED, IN_USE, COMPLETED, CANCELLED, NO_SHOW, REJECTED;

    /** The database's code: {@code pending}, {@code in_use}, … */
    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Holds its slot: the database refuses any other booking of the facility that overlaps it. */
    public boolean holdsSlot() {
        return this == PENDING || this == APPROVED || this == IN_USE;
    }

    /** No transition leads out of it (a completed booking still has its usage confirmed). */
    public boolean terminal() {
        return this == COMPLETED || this == CANCELLED || this == NO_SHOW || this == REJECTED;
    }

    public static BookingStatus of(String code) {
        try {
            return valueOf(code.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidInputException("status", "unknown booking status " + code, "facility.error.status", code);
        }
    }
}

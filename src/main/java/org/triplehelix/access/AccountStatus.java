package org.triplehelix.access;

import java.util.Locale;
import org.triplehelix.shared.InvalidInputException;

/** An account is pending (registered, awaiting approval), active, or disabled by an administrator. */
public enum AccountStatus {
    PENDING, ACTIVE, DISABLED;

    /** The value stored in the database. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static AccountStatus of(String code) {
        try {
            return valueOf(code.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidInputException("status", "unknown status " + code + "; one of pending, active, disabled",
                    "access.error.statusUnknown", code);
        }
    }
}

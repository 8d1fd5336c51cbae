package org.triplehelix.access;

import java.util.Locale;
import org.triplehelix.shared.InvalidInputException;

/**
 * What a user may do. A user holds several roles; what they may see and change is the union of
 * what each role allows (see {@link DataScope}), never one role widened to another's scope.
 */
public enum Role {

    /** Staff of the provincial science and technology department: everything. */
    ADMIN,
    /** Maintains one organization and everything under it (units, people, outputs, facilities). */
    ORG_ADMIN,
    /** An enterprise's user: posts demands, applies to challenges, books facilities. */
    ENTERPRISE,
    /** Maintains their own profile and outputs, joins applications. */
    RESEARCHER,
    /** Sees and scores only the applications assigned to them. */
    REVIEWER,
    /** A student of a joint engineering program. */
    STUDENT;

    /** The Spring Security authority, {@code ROLE_ADMIN} etc. */
    public String authority() {
        return "ROLE_" + name();
    }

    /** Roles a visitor may ask for when registering; an administrator approves them. */
    public boolean selfRegistrable() {
        return this == ENTERPRISE || this == RESEARCHER;
    }

    /** A role from its name, in any case ({@code org_admin}, {@code ORG_ADMIN}). */
    public static Role of(String name) {
        try {
            return valueOf(name.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidInputException("role", "unknown role " + name + "; one of ADMIN, ORG_ADMIN, ENTERPRISE, RESEARCHER, REVIEWER, STUDENT",
                    "access.error.roleUnknown", name);
        }
    }
}

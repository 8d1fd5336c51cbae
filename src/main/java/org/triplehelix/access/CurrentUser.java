package org.triplehelix.access;

import java.io.Serializable;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/**
 * The signed-in user as services see it: id, email, display name, organization, the linked
 * registry person (a researcher's own profile) and the roles.
 */
public record CurrentUser(long id, String email, String name, Long organizationId, Long personId, Set<Role> roles)
        implements Serializable {

    public CurrentUser {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    public boolean hasAnyRole(Role... anyOf) {
        return Arrays.stream(anyOf).anyMatch(roles::contains);
    }
}

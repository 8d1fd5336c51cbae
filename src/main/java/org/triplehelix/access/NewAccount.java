package org.triplehelix.access;

import java.util.Set;

/**
 * An account to create: email, display name, roles, and optionally the organization and the
 * registry person (a researcher's own profile) by their external ids.
 */
public record NewAccount(String email, String name, Set<Role> roles, String organizationExtId, String personExtId) {

    public NewAccount {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }
}

package org.triplehelix.access;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.triplehelix.shared.Text;

/**
 * An account as the administration pages and the API show it (never its password hash). {@code language} is the one
 * its e-mails are written in, the one it registered in ({@code zh}, {@code en}), null for both languages (not recorded).
 */
public record Account(long id, String email, String name, Long organizationId, String organizationExtId,
                      Text organizationName, Long personId, String personExtId, AccountStatus status,
                      Set<Role> roles, int failedAttempts, Instant lockedUntil, Instant createdAt, String language) {

    public boolean locked() {
        return LockoutRule.locked(lockedUntil, Instant.now());
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    /** What the audit trail records of an account before and after a change. */
    Map<String, Object> snapshot() {
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("email", email);
        snapshot.put("name", name);
        snapshot.put("organizationId", organizationId);
        snapshot.put("personId", personId);
        snapshot.put("status", status.code());
        snapshot.put("roles", roles.stream().map(Role::name).sorted().toList());
        snapshot.put("lockedUntil", lockedUntil == null ? null : lockedUntil.toString());
        return snapshot;
    }
}

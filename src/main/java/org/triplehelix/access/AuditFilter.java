package org.triplehelix.access;

import java.time.LocalDate;

/**
 * Filters of the audit trail, each optional: the actor (part of an email, or cli/system/anonymous),
 * the entity kind, the action, the entity id, and the dates from and to (inclusive, in the
 * platform's time zone).
 */
public record AuditFilter(String actor, String entityKind, String action, String entityId, LocalDate from, LocalDate to) {

    public static final AuditFilter NONE = new AuditFilter(null, null, null, null, null, null);

    public AuditFilter {
        actor = blankToNull(actor);
        entityKind = blankToNull(entityKind);
        action = blankToNull(action);
        entityId = blankToNull(entityId);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}

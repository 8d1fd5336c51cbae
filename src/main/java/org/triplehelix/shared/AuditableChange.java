package org.triplehelix.shared;

/**
 * Published (synchronously, inside the writing transaction) by every module for every create,
 * update and delete; the access module's audit listener appends it to the audit trail with who,
 * when and from where. {@code before} and {@code after} are JSON-serializable snapshots (null for
 * a create's before or a delete's after).
 *
 * <p>{@code action} and {@code entityKind} are codes (administrators filter and search by them, the CSV
 * export keeps them); the audit page shows each by its name in the reader's language, from
 * {@code access.audit.action.<code>} and {@code access.audit.kind.<code>} in {@code messages/access_*}.
 * A new code needs both names: {@code AuditLabelsTests} scans the sources and fails without them.
 */
public record AuditableChange(String action, String entityKind, String entityId, Object before, Object after) {

    public static AuditableChange created(String kind, String id, Object after) {
        return new AuditableChange("create", kind, id, null, after);
    }

    public static AuditableChange updated(String kind, String id, Object before, Object after) {
        return new AuditableChange("update", kind, id, before, after);
    }

    public static AuditableChange deleted(String kind, String id, Object before) {
        return new AuditableChange("delete", kind, id, before, null);
    }
}

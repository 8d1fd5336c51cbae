package org.triplehelix.access;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;

/** One row of the audit trail; {@code before} and {@code after} are JSON texts (or null). */
public record AuditEntry(long id, Instant at, String actor, Long actorUserId, String remoteAddress, String userAgent,
                         String action, String entityKind, String entityId,
                         @JsonRawValue String before, @JsonRawValue String after) {
}

package org.triplehelix.access;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.triplehelix.shared.AuditableChange;
import tools.jackson.databind.json.JsonMapper;

/**
 * Appends every {@link AuditableChange} to the audit trail, synchronously and in the writing
 * transaction: if the row cannot be written, the change is rolled back with it. Who comes from
 * the security context ({@code cli}, {@code system} or {@code anonymous} when no user), from where
 * from the current request (remote address, user agent), if any.
 */
@Component
class AuditTrail {

    private static final int MAX_USER_AGENT = 400;

    private final JdbcClient jdbc;
    private final DataScope scope;
    private final JsonMapper json;

    AuditTrail(JdbcClient jdbc, DataScope scope, JsonMapper json) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.json = json;
    }

    @EventListener
    void on(AuditableChange change) {
        HttpServletRequest request = currentRequest();
        jdbc.sql("""
                        insert into audit_log (actor, actor_user_id, remote_address, user_agent, action, entity_kind, entity_id, before, after)
                        values (:actor, :actorUserId, :remoteAddress, :userAgent, :action, :kind, :entityId,
                                cast(:before as jsonb), cast(:after as jsonb))
                        """)
                .param("actor", scope.actorName())
                .param("actorUserId", scope.currentUser().map(CurrentUser::id).orElse(null))
                .param("remoteAddress", request == null ? null : request.getRemoteAddr())
                .param("userAgent", request == null ? null : truncated(request.getHeader("User-Agent")))
                .param("action", change.action())
                .param("kind", change.entityKind())
                .param("entityId", change.entityId())
                .param("before", toJson(change.before()))
                .param("after", toJson(change.after()))
                .update();
    }

    private String toJson(Object value) {
        return value == null ? null : json.writeValueAsString(value);
    }

    private static String truncated(String value) {
        return value == null || value.length() <= MAX_USER_AGENT ? value : value.substring(0, MAX_USER_AGENT);
    }

    private static HttpServletRequest currentRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest() : null;
    }
}

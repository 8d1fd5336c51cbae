package org.triplehelix.access.web;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.stream.Collectors;
import org.triplehelix.access.AuditLog;
import org.triplehelix.access.Role;
import org.triplehelix.shared.web.PageContext;

/** Formatting for the access pages' templates. */
public final class Views {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(AuditLog.ZONE);

    private Views() {
    }

    public static String dateTime(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant);
    }

    /** Role names in the page's language, comma-separated. */
    public static String roles(PageContext ctx, Collection<Role> roles) {
        return roles.stream().sorted().map(role -> ctx.msg("access.role." + role.name())).collect(Collectors.joining(ctx.english() ? ", " : "、"));
    }

    /** A JSON snapshot shortened for a table cell (the full value is in the export). */
    public static String shortJson(String json) {
        if (json == null) {
            return "";
        }
        return json.length() <= 240 ? json : json.substring(0, 240) + "…";
    }
}

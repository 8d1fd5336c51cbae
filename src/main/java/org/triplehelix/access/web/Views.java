package org.triplehelix.access.web;

import java.text.Collator;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
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

    /**
     * A code of the audit trail (an entity kind such as {@code booking}, an action such as {@code start-review})
     * with its name in the page's language; the name is the code itself when the bundles have none, since every
     * module adds its own codes ({@code AuditLabelsTests} checks that the ones in the code base are named).
     */
    public record AuditCode(String code, String name) {

        /** Whether the name is more than the code (then the page shows both: administrators search by code). */
        public boolean named() {
            return !name.equals(code);
        }

        /** The name with the code, for a choice in a filter: {@code 仪器预约（booking）}. */
        public String withCode(PageContext ctx) {
            return !named() ? code : ctx.english() ? name + " (" + code + ")" : name + "（" + code + "）";
        }
    }

    public static AuditCode kind(PageContext ctx, String code) {
        return auditCode(ctx, "access.audit.kind.", code);
    }

    public static AuditCode action(PageContext ctx, String code) {
        return auditCode(ctx, "access.audit.action.", code);
    }

    /** The kinds for the filter, in the order of their names in the page's language (pinyin order for Chinese). */
    public static List<AuditCode> kinds(PageContext ctx, List<String> codes) {
        return sorted(ctx, codes.stream().map(code -> kind(ctx, code)).toList());
    }

    public static List<AuditCode> actions(PageContext ctx, List<String> codes) {
        return sorted(ctx, codes.stream().map(code -> action(ctx, code)).toList());
    }

    private static AuditCode auditCode(PageContext ctx, String prefix, String code) {
        if (code == null) {
            return new AuditCode("", "");
        }
        String key = prefix + code;
        String name = ctx.msg(key);
        return new AuditCode(code, name.equals(key) ? code : name);
    }

    private static List<AuditCode> sorted(PageContext ctx, List<AuditCode> codes) {
        Collator collator = Collator.getInstance(ctx.locale());
        return codes.stream().sorted(Comparator.comparing(AuditCode::name, collator).thenComparing(AuditCode::code)).toList();
    }

    /** A JSON snapshot shortened for a table cell (the full value is in the export). */
    public static String shortJson(String json) {
        if (json == null) {
            return "";
        }
        return json.length() <= 240 ? json : json.substring(0, 240) + "…";
    }
}

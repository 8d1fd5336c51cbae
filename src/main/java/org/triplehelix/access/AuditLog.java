package org.triplehelix.access;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.triplehelix.shared.AuditableChange;
import org.triplehelix.shared.Page;

/** Reading the audit trail: filtered pages and a CSV export, for administrators only. */
@Service
public class AuditLog {

    /** The platform's time zone: dates in filters and times on the pages and in exports. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final List<String> CSV_COLUMNS = List.of("id", "at", "actor", "actor_user_id", "remote_address", "user_agent",
            "action", "entity_kind", "entity_id", "before", "after");
    /** The size of a page of the trail when the request does not give one. */
    public static final int DEFAULT_PAGE_SIZE = 50;
    /** The largest page of the trail a request may ask for. */
    public static final int MAX_PAGE_SIZE = 200;
    private static final String COLUMNS = "id, at, actor, actor_user_id, remote_address, user_agent, action, entity_kind, entity_id, before::text as before, after::text as after";

    private final JdbcClient jdbc;
    private final DataScope scope;
    private final ApplicationEventPublisher events;

    AuditLog(JdbcClient jdbc, DataScope scope, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.events = events;
    }

    /** A page of the trail, newest first. */
    public Page<AuditEntry> search(AuditFilter filter, int page, int size) {
        scope.requireAdmin();
        int pageSize = Math.clamp(size, 1, MAX_PAGE_SIZE);
        int pageNumber = Math.max(page, 0);
        Where where = where(filter);
        long total = jdbc.sql("select count(*) from audit_log" + where.sql()).params(where.params()).query(Long.class).single();
        List<AuditEntry> items = jdbc.sql("select " + COLUMNS + " from audit_log" + where.sql() + " order by id desc limit :limit offset :offset")
                .params(where.params()).param("limit", pageSize).param("offset", (long) pageNumber * pageSize)
                .query(AuditLog::entry).list();
        return new Page<>(items, pageNumber, pageSize, total);
    }

    /**
     * Writes the filtered trail as CSV (UTF-8, oldest first), streaming from the database. A cell
     * that a spreadsheet would take for a formula ({@code =}, {@code +}, {@code -}, {@code @}) is
     * prefixed with an apostrophe. Call {@link #recordExport} first: the export is audited in a
     * transaction of its own, committed before the first byte goes out.
     */
    @Transactional(readOnly = true)
    public void exportCsv(AuditFilter filter, Appendable out) {
        scope.requireAdmin();
        Where where = where(filter);
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(CSV_COLUMNS.toArray(String[]::new)).get())) {
            jdbc.sql("select " + COLUMNS + " from audit_log" + where.sql() + " order by id")
                    .params(where.params()).withFetchSize(1000)
                    .query((RowCallbackHandler) rs -> print(csv, entry(rs, 0)));
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Audits an export of the trail (who exported what filter). */
    @Transactional
    public void recordExport(AuditFilter filter) {
        scope.requireAdmin();
        events.publishEvent(new AuditableChange("export", "audit_log", null, null, filterSnapshot(filter)));
    }

    /** The entity kinds and the actions found in the trail, for the filter lists. */
    public List<String> entityKinds() {
        scope.requireAdmin();
        return jdbc.sql("select distinct entity_kind from audit_log order by 1").query(String.class).list();
    }

    public List<String> actions() {
        scope.requireAdmin();
        return jdbc.sql("select distinct action from audit_log order by 1").query(String.class).list();
    }

    private static void print(CSVPrinter csv, AuditEntry e) {
        try {
            csv.printRecord(e.id(), DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(e.at().atZone(ZONE)), safe(e.actor()),
                    e.actorUserId(), safe(e.remoteAddress()), safe(e.userAgent()), safe(e.action()), safe(e.entityKind()),
                    safe(e.entityId()), safe(e.before()), safe(e.after()));
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** Neutralizes spreadsheet formulas (CSV injection). */
    static String safe(String cell) {
        if (cell == null || cell.isEmpty()) {
            return cell;
        }
        return "=+-@\t\r".indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
    }

    private static Where where(AuditFilter filter) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        if (filter.actor() != null) {
            conditions.add("actor ilike :actor escape '\\'");
            params.put("actor", "%" + AccountRepository.likeEscaped(filter.actor()) + "%");
        }
        if (filter.entityKind() != null) {
            conditions.add("entity_kind = :kind");
            params.put("kind", filter.entityKind());
        }
        if (filter.action() != null) {
            conditions.add("action = :action");
            params.put("action", filter.action());
        }
        if (filter.entityId() != null) {
            conditions.add("entity_id = :entityId");
            params.put("entityId", filter.entityId());
        }
        if (filter.from() != null) {
            conditions.add("at >= :from");
            params.put("from", Timestamp.from(filter.from().atStartOfDay(ZONE).toInstant()));
        }
        if (filter.to() != null) {
            conditions.add("at < :to");
            params.put("to", Timestamp.from(filter.to().plusDays(1).atStartOfDay(ZONE).toInstant()));
        }
        return new Where(conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions), params);
    }

    private static Map<String, Object> filterSnapshot(AuditFilter filter) {
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("actor", filter.actor());
        snapshot.put("entityKind", filter.entityKind());
        snapshot.put("action", filter.action());
        snapshot.put("entityId", filter.entityId());
        snapshot.put("from", filter.from() == null ? null : filter.from().toString());
        snapshot.put("to", filter.to() == null ? null : filter.to().toString());
        return snapshot;
    }

    private static AuditEntry entry(ResultSet rs, int row) throws SQLException {
        long actorUserId = rs.getLong("actor_user_id");
        Long actor = rs.wasNull() ? null : actorUserId;
        return new AuditEntry(rs.getLong("id"), rs.getTimestamp("at").toInstant(), rs.getString("actor"), actor,
                rs.getString("remote_address"), rs.getString("user_agent"), rs.getString("action"),
                rs.getString("entity_kind"), rs.getString("entity_id"), rs.getString("before"), rs.getString("after"));
    }

    /** Constant SQL conditions and their parameters. */
    private record Where(String sql, Map<String, Object> params) {
    }
}

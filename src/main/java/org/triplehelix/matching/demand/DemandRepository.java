package org.triplehelix.matching.demand;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.triplehelix.matching.Demand;
import org.triplehelix.matching.DemandDraft;

/** Demands in the database: the demand table and its parties. */
@Repository
public class DemandRepository {

    private static final String SELECT = """
            select d.*, g.ext_id as organization_ext_id, coalesce(g.name_zh, g.name_en) as organization_name,
                   g.name_en as organization_name_en,
                   array(select pg.ext_id from demand_party p join organization pg on pg.id = p.organization_id
                         where p.demand_id = d.id order by pg.ext_id) as party_ext_ids
            from demand d left join organization g on g.id = d.organization_id
            """;

    private final JdbcClient jdbc;
    private final TransactionTemplate readOnly;

    DemandRepository(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    public Optional<Demand> find(String extId) {
        return jdbc.sql(SELECT + " where d.ext_id = :id").param("id", extId).query(DemandRepository::demand).optional();
    }

    public List<Demand> find(Collection<String> extIds) {
        if (extIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " where d.ext_id in (:ids) order by d.ext_id").param("ids", List.copyOf(extIds))
                .query(DemandRepository::demand).list();
    }

    /**
     * A page of the demands {@code condition} admits (a SQL condition over {@code d}, built from constants
     * only, its values bound as parameters), in the order of {@code orderBy} (one of the service's constant ORDER BYs).
     */
    public List<Demand> list(String condition, String orderBy, java.util.Map<String, ?> params, long offset, int limit) {
        return jdbc.sql(SELECT + " where " + condition + " order by " + orderBy + " limit :limit offset :offset")
                .params(params).param("limit", limit).param("offset", offset)
                .query(DemandRepository::demand).list();
    }

    public long count(String condition, java.util.Map<String, ?> params) {
        return jdbc.sql("select count(*) from demand d where " + condition).params(params).query(Long.class).single();
    }

    /** Whether the demand satisfies {@code condition} (constants only; its values bound as parameters). */
    public boolean matches(String extId, String condition, java.util.Map<String, ?> params) {
        return jdbc.sql("select exists (select 1 from demand d where d.ext_id = :extId and " + condition + ")")
                .params(params).param("extId", extId).query(Boolean.class).single();
    }

    /** Those of the demands that {@code condition} admits (built as for {@link #matches}), in no order. */
    public java.util.Set<String> admitted(Collection<String> extIds, String condition, java.util.Map<String, ?> params) {
        if (extIds.isEmpty()) {
            return java.util.Set.of();
        }
        return java.util.Set.copyOf(jdbc.sql("select d.ext_id from demand d where d.ext_id in (:extIds) and " + condition)
                .params(params).param("extIds", List.copyOf(extIds)).query(String.class).list());
    }

    public Optional<Long> organizationId(String extId) {
        return jdbc.sql("select id from organization where ext_id = :id").param("id", extId).query(Long.class).optional();
    }

    public Optional<String> organizationExtId(long id) {
        return jdbc.sql("select ext_id from organization where id = :id").param("id", id).query(String.class).optional();
    }

    public boolean exists(String extId) {
        return jdbc.sql("select count(*) from demand where ext_id = :id").param("id", extId).query(Integer.class).single() > 0;
    }

    /** The names of the registry's industry with this code (a demand's industry may be one, or free text). */
    public Optional<org.triplehelix.shared.Text> industryName(String code) {
        return jdbc.sql("select name_zh, name_en from industry where code = :code").param("code", code)
                .query((rs, n) -> org.triplehelix.shared.Text.ofNullable(rs.getString("name_zh"), rs.getString("name_en"))).optional();
    }

    /** The registry's industries, by code: what a demand's industry is usually one of (a filter of demands offers them). */
    public List<Industry> industries() {
        return jdbc.sql("select code, name_zh, name_en from industry order by code")
                .query((rs, n) -> new Industry(rs.getString("code"),
                        org.triplehelix.shared.Text.ofNullable(rs.getString("name_zh"), rs.getString("name_en")))).list();
    }

    /** An industry of the registry: its code and its names. */
    public record Industry(String code, org.triplehelix.shared.Text name) {
    }

    public boolean organizationExists(String extId) {
        return jdbc.sql("select count(*) from organization where ext_id = :id").param("id", extId).query(Integer.class).single() > 0;
    }

    public void insert(String extId, DemandDraft d, String createdBy) {
        insert(extId, d, createdBy, false);
    }

    public void insert(String extId, DemandDraft d, String createdBy, boolean illustrative) {
        jdbc.sql("""
                insert into demand (ext_id, title_zh, title_en, description_zh, description_en, keywords, organization_id,
                    industry, region, budget_min, budget_max, trl, ip_stance, visibility, deadline, status, created_by, illustrative)
                values (:ext_id, :title_zh, :title_en, :description_zh, :description_en, :keywords,
                    (select id from organization where ext_id = :organization), :industry, :region, :budget_min, :budget_max,
                    :trl, :ip_stance, :visibility, :deadline, 'open', :created_by, :illustrative)
                """).params(columns(d)).param("ext_id", extId).param("created_by", createdBy).param("illustrative", illustrative).update();
        replaceParties(extId, d.parties());
    }

    /** Writes a draft over a demand if it still has {@code version}; false when it changed meanwhile. */
    public boolean update(String extId, DemandDraft d, int version) {
        int rows = jdbc.sql("""
                update demand set title_zh = :title_zh, title_en = :title_en, description_zh = :description_zh,
                    description_en = :description_en, keywords = :keywords,
                    organization_id = (select id from organization where ext_id = :organization), industry = :industry,
                    region = :region, budget_min = :budget_min, budget_max = :budget_max, trl = :trl, ip_stance = :ip_stance,
                    visibility = :visibility, deadline = :deadline, updated_at = now(), version = version + 1
                where ext_id = :ext_id and version = :version
                """).params(columns(d)).param("ext_id", extId).param("version", version).update();
        if (rows == 1) {
            replaceParties(extId, d.parties());
        }
        return rows == 1;
    }

    public boolean setStatus(String extId, Demand.Status status, int version) {
        return jdbc.sql("update demand set status = :status, updated_at = now(), version = version + 1 where ext_id = :id and version = :version")
                .param("status", status.id()).param("id", extId).param("version", version).update() == 1;
    }

    /** Whether the fitting experts and laboratories were already told of the demand (demand alerts). */
    boolean alerted(String extId) {
        return jdbc.sql("select alerted_at is not null from demand where ext_id = :id").param("id", extId)
                .query(Boolean.class).optional().orElse(true);
    }

    /**
     * Marks the demand alerted, unless it already was: true for the one caller that marked it. Neither
     * the version nor {@code updated_at} moves — an edit form open meanwhile is not stale, and the index
     * has nothing new to read.
     */
    boolean markAlerted(String extId) {
        return jdbc.sql("update demand set alerted_at = now() where ext_id = :id and alerted_at is null").param("id", extId).update() == 1;
    }

    public void delete(String extId) {
        jdbc.sql("delete from demand where ext_id = :id").param("id", extId).update();
    }

    /** Streams demands changed after {@code since} (all for null) in bounded memory, for the index. */
    public void forEach(Instant since, Consumer<Demand> action) {
        readOnly.executeWithoutResult(status -> {
            JdbcClient.StatementSpec statement = jdbc.sql(SELECT + (since == null ? "" : " where d.updated_at > :since") + " order by d.id")
                    .withFetchSize(1000);
            if (since != null) {
                statement = statement.param("since", OffsetDateTime.ofInstant(since, ZoneOffset.UTC));
            }
            try (Stream<Demand> rows = statement.query(DemandRepository::demand).stream()) {
                rows.forEach(action);
            }
        });
    }

    public long countAll() {
        return jdbc.sql("select count(*) from demand").query(Long.class).single();
    }

    public Instant lastUpdate() {
        OffsetDateTime latest = jdbc.sql("select max(updated_at) from demand").query(OffsetDateTime.class).optional().orElse(null);
        return latest == null ? null : latest.toInstant();
    }

    private void replaceParties(String extId, List<String> parties) {
        jdbc.sql("delete from demand_party where demand_id = (select id from demand where ext_id = :id)").param("id", extId).update();
        if (!parties.isEmpty()) {
            jdbc.sql("""
                    insert into demand_party (demand_id, organization_id)
                    select d.id, g.id from demand d, organization g where d.ext_id = :id and g.ext_id in (:parties)
                    on conflict do nothing
                    """).param("id", extId).param("parties", parties).update();
        }
    }

    private static java.util.Map<String, Object> columns(DemandDraft d) {
        java.util.Map<String, Object> columns = new java.util.HashMap<>();
        columns.put("title_zh", d.titleZh());
        columns.put("title_en", d.titleEn());
        columns.put("description_zh", d.descriptionZh());
        columns.put("description_en", d.descriptionEn());
        columns.put("keywords", d.keywords().toArray(String[]::new));
        columns.put("organization", d.organization());
        columns.put("industry", d.industry());
        columns.put("region", d.region());
        columns.put("budget_min", d.budgetMin());
        columns.put("budget_max", d.budgetMax());
        columns.put("trl", d.trl());
        columns.put("ip_stance", d.ipStance());
        columns.put("visibility", d.visibility());
        columns.put("deadline", d.deadline());
        return columns;
    }

    private static Demand demand(ResultSet rs, int row) throws SQLException {
        return new Demand(rs.getString("ext_id"), rs.getString("title_zh"), rs.getString("title_en"),
                rs.getString("description_zh"), rs.getString("description_en"), strings(rs.getArray("keywords")),
                rs.getString("organization_ext_id"), rs.getString("organization_name"), rs.getString("industry"),
                rs.getString("region"), rs.getBigDecimal("budget_min"), rs.getBigDecimal("budget_max"),
                (Integer) rs.getObject("trl", Integer.class), ip(rs.getString("ip_stance")),
                Demand.Visibility.valueOf(rs.getString("visibility").toUpperCase(Locale.ROOT)),
                rs.getObject("deadline", java.time.LocalDate.class),
                Demand.Status.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)), rs.getString("created_by"),
                strings(rs.getArray("party_ext_ids")), instant(rs, "created_at"), instant(rs, "updated_at"), rs.getInt("version"),
                rs.getBoolean("illustrative"), rs.getString("organization_name_en"));
    }

    private static Demand.IpStance ip(String value) {
        return value == null ? null : Demand.IpStance.valueOf(value.toUpperCase(Locale.ROOT));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }
}

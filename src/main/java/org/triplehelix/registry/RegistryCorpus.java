package org.triplehelix.registry;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The registry as a read-only corpus, for the search index: every organization, person, output and
 * facility streamed in bounded memory (a server-side cursor inside a read-only transaction), and
 * lookups by external id for incremental updates and for the evidence shown with a match.
 *
 * <p>An output's organizations are the ones linked to it; when it has none, the organizations of its
 * people stand in, so that an organization is found through every output of its people. Every record
 * says whether it is illustrative (a fictitious demo record, labelled so in its text), so that the
 * index can leave the label out of what it matches on.
 */
@Component
public class RegistryCorpus {

    /** Rows fetched per round trip while streaming. */
    static final int FETCH_SIZE = 1000;

    public record Output(String extId, String type, String titleZh, String titleEn, String abstractZh,
                         String abstractEn, List<String> keywords, Integer year, String discipline,
                         List<String> people, List<String> organizations, String region, Instant updatedAt,
                         boolean illustrative) {
    }

    public record Person(String extId, String nameZh, String nameEn, String organization, String organizationType, String title,
                         List<String> disciplines, List<String> keywords, String descriptionZh,
                         String descriptionEn, String region, Instant updatedAt, boolean illustrative) {
    }

    public record Organization(String extId, String type, String nameZh, String nameEn, String parent,
                               String region, String descriptionZh, String descriptionEn, Integer established,
                               Instant updatedAt, boolean illustrative) {
    }

    public record Facility(String extId, String type, String nameZh, String nameEn, String organization,
                           String descriptionZh, String descriptionEn, List<String> keywords, String region,
                           Instant updatedAt, boolean illustrative) {
    }

    private static final String OUTPUTS = """
            select o.ext_id, o.type, o.title_zh, o.title_en, o.abstract_zh, o.abstract_en, o.keywords, o.year,
                   o.discipline, o.updated_at, o.illustrative,
                   array(select p.ext_id from output_person op join person p on p.id = op.person_id
                         where op.output_id = o.id order by op.position, p.ext_id) as people,
                   coalesce(nullif(array(select g.ext_id from output_organization oo join organization g on g.id = oo.organization_id
                                         where oo.output_id = o.id order by oo.position, g.ext_id), '{}'),
                            array(select distinct g.ext_id from output_person op join person p on p.id = op.person_id
                                  join organization g on g.id = p.organization_id where op.output_id = o.id order by g.ext_id)) as organizations,
                   (select coalesce(g.region_code, g.region) from output_organization oo join organization g on g.id = oo.organization_id
                    where oo.output_id = o.id order by oo.position, g.ext_id limit 1) as region
            from output o
            """;

    private static final String PERSONS = """
            select p.ext_id, p.name_zh, p.name_en, g.ext_id as organization, g.type as organization_type, p.title, p.disciplines, p.keywords,
                   p.description_zh, p.description_en, coalesce(g.region_code, g.region) as region, p.updated_at,
                   p.illustrative
            from person p left join organization g on g.id = p.organization_id
            """;

    private static final String ORGANIZATIONS = """
            select g.ext_id, g.type, g.name_zh, g.name_en, parent.ext_id as parent, coalesce(g.region_code, g.region) as region,
                   g.description_zh, g.description_en, g.established, g.updated_at, g.illustrative
            from organization g left join organization parent on parent.id = g.parent_id
            """;

    private static final String FACILITIES = """
            select f.ext_id, f.type, f.name_zh, f.name_en, g.ext_id as organization, f.description_zh, f.description_en,
                   f.keywords, coalesce(f.region_code, f.region, g.region_code, g.region) as region, f.updated_at,
                   f.illustrative
            from facility f left join organization g on g.id = f.organization_id
            """;

    private final JdbcClient jdbc;
    private final TransactionTemplate readOnly;

    RegistryCorpus(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /** How many records of each kind (organization, person, output, facility) the registry holds. */
    public Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String kind : List.of("organization", "person", "output", "facility")) {
            counts.put(kind, jdbc.sql("select count(*) from " + kind).query(Long.class).single());
        }
        return counts;
    }

    /** The latest change time of any record, or null for an empty registry. */
    public Instant lastUpdate() {
        OffsetDateTime latest = jdbc.sql("""
                select max(t) from (select max(updated_at) t from organization union all select max(updated_at) from person
                union all select max(updated_at) from output union all select max(updated_at) from facility) u
                """).query(OffsetDateTime.class).optional().orElse(null);
        return latest == null ? null : latest.toInstant();
    }

    /** Streams the outputs changed after {@code since} (all of them for null), in id order. */
    public void forEachOutput(Instant since, Consumer<Output> action) {
        stream(OUTPUTS, "o", since, RegistryCorpus::output, action);
    }

    public void forEachPerson(Instant since, Consumer<Person> action) {
        stream(PERSONS, "p", since, RegistryCorpus::person, action);
    }

    public void forEachOrganization(Instant since, Consumer<Organization> action) {
        stream(ORGANIZATIONS, "g", since, RegistryCorpus::organization, action);
    }

    public void forEachFacility(Instant since, Consumer<Facility> action) {
        stream(FACILITIES, "f", since, RegistryCorpus::facility, action);
    }

    public List<Output> outputs(Collection<String> extIds) {
        return lookup(OUTPUTS, "o", extIds, RegistryCorpus::output);
    }

    public List<Person> persons(Collection<String> extIds) {
        return lookup(PERSONS, "p", extIds, RegistryCorpus::person);
    }

    public List<Organization> organizations(Collection<String> extIds) {
        return lookup(ORGANIZATIONS, "g", extIds, RegistryCorpus::organization);
    }

    public List<Facility> facilities(Collection<String> extIds) {
        return lookup(FACILITIES, "f", extIds, RegistryCorpus::facility);
    }

    /** The external ids of a person's or an organization's outputs, most recent first (for "similar" and "fits"). */
    public List<String> outputsOf(String kind, String extId, int limit) {
        String link = switch (kind) {
            case "person" -> "select op.output_id from output_person op join person p on p.id = op.person_id where p.ext_id = :id";
            case "organization" -> "select oo.output_id from output_organization oo join organization g on g.id = oo.organization_id where g.ext_id = :id";
            default -> throw new IllegalArgumentException("no outputs for kind " + kind);
        };
        return jdbc.sql("select o.ext_id from output o where o.id in (" + link + ") order by o.year desc nulls last, o.ext_id limit :limit")
                .param("id", extId).param("limit", limit).query(String.class).list();
    }

    private <T> void stream(String select, String alias, Instant since, RowMapper<T> mapper, Consumer<T> action) {
        String sql = select + (since == null ? "" : " where " + alias + ".updated_at > :since") + " order by " + alias + ".id";
        readOnly.executeWithoutResult(status -> {
            JdbcClient.StatementSpec statement = jdbc.sql(sql).withFetchSize(FETCH_SIZE);
            if (since != null) {
                statement = statement.param("since", OffsetDateTime.ofInstant(since, java.time.ZoneOffset.UTC));
            }
            try (Stream<T> rows = statement.query(mapper).stream()) {
                rows.forEach(action);
            }
        });
    }

    private <T> List<T> lookup(String select, String alias, Collection<String> extIds, RowMapper<T> mapper) {
        if (extIds.isEmpty()) {
            return List.of();
        }
        return readOnly.execute(status -> jdbc.sql(select + " where " + alias + ".ext_id in (:ids) order by " + alias + ".ext_id")
                .param("ids", List.copyOf(extIds)).query(mapper).list());
    }

    private static Output output(ResultSet rs, int row) throws SQLException {
        return new Output(rs.getString("ext_id"), rs.getString("type"), rs.getString("title_zh"), rs.getString("title_en"),
                rs.getString("abstract_zh"), rs.getString("abstract_en"), strings(rs.getArray("keywords")),
                (Integer) rs.getObject("year"), rs.getString("discipline"), strings(rs.getArray("people")),
                strings(rs.getArray("organizations")), rs.getString("region"), instant(rs), rs.getBoolean("illustrative"));
    }

    private static Person person(ResultSet rs, int row) throws SQLException {
        return new Person(rs.getString("ext_id"), rs.getString("name_zh"), rs.getString("name_en"), rs.getString("organization"),
                rs.getString("organization_type"), rs.getString("title"), strings(rs.getArray("disciplines")), strings(rs.getArray("keywords")),
                rs.getString("description_zh"), rs.getString("description_en"), rs.getString("region"), instant(rs),
                rs.getBoolean("illustrative"));
    }

    private static Organization organization(ResultSet rs, int row) throws SQLException {
        return new Organization(rs.getString("ext_id"), rs.getString("type"), rs.getString("name_zh"), rs.getString("name_en"),
                rs.getString("parent"), rs.getString("region"), rs.getString("description_zh"), rs.getString("description_en"),
                (Integer) rs.getObject("established"), instant(rs), rs.getBoolean("illustrative"));
    }

    private static Facility facility(ResultSet rs, int row) throws SQLException {
        return new Facility(rs.getString("ext_id"), rs.getString("type"), rs.getString("name_zh"), rs.getString("name_en"),
                rs.getString("organization"), rs.getString("description_zh"), rs.getString("description_en"),
                strings(rs.getArray("keywords")), rs.getString("region"), instant(rs), rs.getBoolean("illustrative"));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static Instant instant(ResultSet rs) throws SQLException {
        OffsetDateTime time = rs.getObject("updated_at", OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }
}

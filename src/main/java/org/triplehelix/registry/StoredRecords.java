package org.triplehelix.registry;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.triplehelix.shared.Text;

/**
 * Reads stored records back in their interchange shape, links as external ids: one at a time,
 * or all of a kind as a stream (a server-side cursor, a thousand rows a fetch; callers run it in
 * a transaction, which PostgreSQL needs for a cursor).
 */
@Component
class StoredRecords {

    private final JdbcClient jdbc;

    StoredRecords(DataSource dataSource) {
        JdbcTemplate template = new JdbcTemplate(dataSource);
        template.setFetchSize(1000);
        this.jdbc = JdbcClient.create(template);
    }

    void forEach(RecordKind kind, Consumer<RegistryRecord> each) {
        jdbc.sql(select(kind) + " order by t.id").query(rs -> {
            each.accept(map(kind, rs));
        });
    }

    Optional<RegistryRecord> find(RecordKind kind, String extId) {
        return jdbc.sql(select(kind) + " where t.ext_id = :id").param("id", extId)
                .query((rs, n) -> map(kind, rs)).optional();
    }

    private static String select(RecordKind kind) {
        return switch (kind) {
            case ORGANIZATION -> "select t.*, p.ext_id as parent from organization t left join organization p on p.id = t.parent_id";
            case PERSON -> "select t.*, o.ext_id as organization from person t left join organization o on o.id = t.organization_id";
            case FACILITY -> "select t.*, o.ext_id as organization from facility t left join organization o on o.id = t.organization_id";
            case OUTPUT -> """
                    select t.*,
                      array(select p.ext_id from output_person l join person p on p.id = l.person_id
                             where l.output_id = t.id order by l.position) as people,
                      array(select o.ext_id from output_organization l join organization o on o.id = l.organization_id
                             where l.output_id = t.id order by l.position) as organizations
                    from output t""";
        };
    }

    private static RegistryRecord map(RecordKind kind, ResultSet rs) throws SQLException {
        return switch (kind) {
            case ORGANIZATION -> new OrganizationRecord(rs.getString("ext_id"),
                    OrganizationType.fromInterchange(rs.getString("type")).orElse(OrganizationType.OTHER), text(rs, "name"),
                    rs.getString("parent"), rs.getString("region"), rs.getString("ror"),
                    rs.getString("uscc") == null ? null : Uscc.of(rs.getString("uscc")), rs.getString("website"),
                    text(rs, "description"), integer(rs, "established"));
            case PERSON -> new PersonRecord(rs.getString("ext_id"), text(rs, "name"), rs.getString("organization"), rs.getString("title"),
                    rs.getString("orcid") == null ? null : Orcid.of(rs.getString("orcid")), strings(rs, "disciplines"),
                    strings(rs, "keywords"), text(rs, "description"));
            case OUTPUT -> new OutputRecord(rs.getString("ext_id"), OutputType.fromInterchange(rs.getString("type")).orElse(OutputType.ACHIEVEMENT),
                    text(rs, "title"), text(rs, "abstract"), strings(rs, "keywords"), integer(rs, "year"), rs.getString("discipline"),
                    strings(rs, "people"), strings(rs, "organizations"));
            case FACILITY -> new FacilityRecord(rs.getString("ext_id"),
                    FacilityType.fromInterchange(rs.getString("type")).orElse(FacilityType.INSTRUMENT), text(rs, "name"),
                    rs.getString("organization"), text(rs, "description"), strings(rs, "keywords"), rs.getString("region"));
        };
    }

    private static Text text(ResultSet rs, String field) throws SQLException {
        return Text.ofNullable(rs.getString(field + "_zh"), rs.getString(field + "_en"));
    }

    private static Integer integer(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    private static List<String> strings(ResultSet rs, String column) throws SQLException {
        Array array = rs.getArray(column);
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}

package org.triplehelix.registry;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.triplehelix.shared.Text;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The registry's tables, written in batches: one multi-row upsert per kind
 * ({@code INSERT … SELECT FROM jsonb_to_recordset … ON CONFLICT (ext_id) DO UPDATE … WHERE the
 * content differs}), links resolved from external ids to keys in SQL. Callers make sure every
 * link of a record they pass resolves (to a stored record or to one written earlier in the same
 * transaction); the import and the writer share this code, so both compute the same digests.
 */
@Component
class RecordStore {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final RegionResolver regions;

    RecordStore(JdbcClient jdbc, RegionResolver regions) {
        this.jdbc = jdbc;
        this.json = JsonMapper.builder().build();
        this.regions = regions;
    }

    /** A record to write, with the illustrative mark it gets. */
    record Staged(RegistryRecord record, boolean illustrative) {
    }

    /** A row that was inserted or whose content changed. */
    record Change(RecordKind kind, String extId, long id, boolean inserted) {
    }

    /** The key, version and mark of a stored record. */
    record Current(long id, int version, boolean illustrative) {
    }

    static String table(RecordKind kind) {
        return kind.interchangeName();
    }

    /** Which of {@code extIds} exist as records of {@code kind}. */
    Set<String> existing(RecordKind kind, Collection<String> extIds) {
        if (extIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("select ext_id from " + table(kind) + " where ext_id = any(:ids)")
                .param("ids", extIds.toArray(String[]::new))
                .query(String.class).list());
    }

    Optional<Current> current(RecordKind kind, String extId, boolean lock) {
        return jdbc.sql("select id, version, illustrative from " + table(kind) + " where ext_id = :id" + (lock ? " for update" : ""))
                .param("id", extId)
                .query((rs, n) -> new Current(rs.getLong(1), rs.getInt(2), rs.getBoolean(3)))
                .optional();
    }

    /** Writes records of one kind (no two with the same id); returns those inserted or changed. */
    List<Change> upsert(RecordKind kind, List<Staged> records) {
        if (records.isEmpty()) {
            return List.of();
        }
        ArrayNode rows = NODES.arrayNode(records.size());
        records.forEach(staged -> rows.add(row(staged)));
        List<Change> changes = jdbc.sql(upsertSql(kind))
                .param("rows", json.writeValueAsString(rows))
                .query((rs, n) -> new Change(kind, rs.getString(1), rs.getLong(2), rs.getBoolean(3)))
                .list();
        if (kind == RecordKind.OUTPUT && !changes.isEmpty()) {
            replaceOutputLinks(records, changes);
        }
        return changes;
    }

    /** External ids of changed organizations that now sit on a parent cycle. */
    List<String> parentCycles(Collection<String> changedExtIds) {
        if (changedExtIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                with recursive chain (start, id, depth) as (
                    select o.id, o.parent_id, 1 from organization o
                     where o.ext_id = any(:ids) and o.parent_id is not null
                    union all
                    select c.start, o.parent_id, c.depth + 1 from chain c join organization o on o.id = c.id
                     where o.parent_id is not null and c.id <> c.start and c.depth < 1000)
                select distinct o.ext_id from chain c join organization o on o.id = c.start where c.id = c.start
                """)
                .param("ids", changedExtIds.toArray(String[]::new))
                .query(String.class).list();
    }

    /**
     * Deletes a record. Records that pointed to it lose their digest, so that importing them
     * again restores the link the database dropped with it; they are returned, per kind, as
     * changed.
     */
    Map<RecordKind, List<String>> delete(RecordKind kind, long id) {
        Map<RecordKind, List<String>> affected = new java.util.EnumMap<>(RecordKind.class);
        switch (kind) {
            case ORGANIZATION -> {
                affected.put(RecordKind.ORGANIZATION, forget("organization", "parent_id = :id", id));
                affected.put(RecordKind.PERSON, forget("person", "organization_id = :id", id));
                affected.put(RecordKind.FACILITY, forget("facility", "organization_id = :id", id));
                affected.put(RecordKind.OUTPUT, forget("output", "id in (select output_id from output_organization where organization_id = :id)", id));
            }
            case PERSON -> affected.put(RecordKind.OUTPUT, forget("output", "id in (select output_id from output_person where person_id = :id)", id));
            default -> {
            }
        }
        jdbc.sql("delete from " + table(kind) + " where id = :id").param("id", id).update();
        affected.values().removeIf(List::isEmpty);
        return affected;
    }

    private List<String> forget(String table, String condition, long id) {
        return jdbc.sql("update " + table + " set content_hash = null where " + condition + " returning ext_id")
                .param("id", id).query(String.class).list();
    }

    private void replaceOutputLinks(List<Staged> records, List<Change> changes) {
        Map<String, Long> changed = new HashMap<>();
        changes.forEach(c -> changed.put(c.extId(), c.id()));
        ArrayNode people = NODES.arrayNode();
        ArrayNode organizations = NODES.arrayNode();
        for (Staged staged : records) {
            OutputRecord output = (OutputRecord) staged.record();
            Long id = changed.get(output.id());
            if (id != null) {
                addLinks(people, id, output.people());
                addLinks(organizations, id, output.organizations());
            }
        }
        Long[] ids = changed.values().toArray(Long[]::new);
        jdbc.sql("delete from output_person where output_id = any(:ids)").param("ids", ids).update();
        jdbc.sql("delete from output_organization where output_id = any(:ids)").param("ids", ids).update();
        insertLinks("output_person", "person_id", "person", people);
        insertLinks("output_organization", "organization_id", "organization", organizations);
    }

    private static void addLinks(ArrayNode links, long outputId, List<String> targets) {
        for (int i = 0; i < targets.size(); i++) {
            links.addObject().put("output_id", outputId).put("target", targets.get(i)).put("position", i);
        }
    }

    private void insertLinks(String table, String column, String targetTable, ArrayNode links) {
        if (links.isEmpty()) {
            return;
        }
        jdbc.sql("insert into " + table + " (output_id, " + column + ", position) "
                        + "select l.output_id, t.id, l.position "
                        + "from jsonb_to_recordset(cast(:links as jsonb)) as l(output_id bigint, target text, position integer) "
                        + "join " + targetTable + " t on t.ext_id = l.target "
                        + "order by l.output_id, l.position on conflict do nothing")
                .param("links", json.writeValueAsString(links))
                .update();
    }

    private ObjectNode row(Staged staged) {
        RegistryRecord record = staged.record();
        ObjectNode row = NODES.objectNode();
        row.put("ext_id", record.id());
        row.put("illustrative", staged.illustrative());
        String regionCode = null;
        switch (record) {
            case OrganizationRecord o -> {
                regionCode = regions.resolve(o.region());
                row.put("type", o.type().interchangeName());
                text(row, "name", o.name());
                row.put("parent", o.parent());
                row.put("region", o.region());
                row.put("region_code", regionCode);
                row.put("ror", o.ror());
                row.put("uscc", o.uscc() == null ? null : o.uscc().value());
                row.put("website", o.website());
                text(row, "description", o.description());
                row.put("established", o.established());
            }
            case PersonRecord p -> {
                text(row, "name", p.name());
                row.put("organization", p.organization());
                row.put("title", p.title());
                row.put("orcid", p.orcid() == null ? null : p.orcid().value());
                strings(row, "disciplines", p.disciplines());
                strings(row, "keywords", p.keywords());
                text(row, "description", p.description());
            }
            case OutputRecord o -> {
                row.put("type", o.type().interchangeName());
                text(row, "title", o.title());
                text(row, "abstract", o.abstractText());
                strings(row, "keywords", o.keywords());
                row.put("year", o.year());
                row.put("discipline", o.discipline());
            }
            case FacilityRecord f -> {
                regionCode = regions.resolve(f.region());
                row.put("type", f.type().interchangeName());
                text(row, "name", f.name());
                row.put("organization", f.organization());
                text(row, "description", f.description());
                strings(row, "keywords", f.keywords());
                row.put("region", f.region());
                row.put("region_code", regionCode);
            }
        }
        row.put("content_hash", ContentHash.of(record, staged.illustrative(), regionCode));
        return row;
    }

    private static void text(ObjectNode row, String field, Text text) {
        row.put(field + "_zh", text == null ? null : text.zh());
        row.put(field + "_en", text == null ? null : text.en());
    }

    private static void strings(ObjectNode row, String field, List<String> values) {
        ArrayNode array = row.putArray(field);
        values.forEach(array::add);
    }

    private static String upsertSql(RecordKind kind) {
        return switch (kind) {
            case ORGANIZATION -> upsert("organization",
                    List.of("type", "name_zh", "name_en", "parent_id", "region", "region_code", "ror", "uscc", "website",
                            "description_zh", "description_en", "established"),
                    "r.type, r.name_zh, r.name_en, p.id, r.region, r.region_code, r.ror, r.uscc, r.website, "
                            + "r.description_zh, r.description_en, r.established",
                    "type text, name_zh text, name_en text, parent text, region text, region_code text, ror text, uscc text, "
                            + "website text, description_zh text, description_en text, established integer",
                    "left join organization p on p.ext_id = r.parent", "parent_id");
            case PERSON -> upsert("person",
                    List.of("name_zh", "name_en", "organization_id", "title", "orcid", "disciplines", "keywords",
                            "description_zh", "description_en"),
                    "r.name_zh, r.name_en, o.id, r.title, r.orcid, r.disciplines, r.keywords, r.description_zh, r.description_en",
                    "name_zh text, name_en text, organization text, title text, orcid text, disciplines text[], keywords text[], "
                            + "description_zh text, description_en text",
                    "left join organization o on o.ext_id = r.organization", "organization_id");
            case OUTPUT -> upsert("output",
                    List.of("type", "title_zh", "title_en", "abstract_zh", "abstract_en", "keywords", "year", "discipline"),
                    "r.type, r.title_zh, r.title_en, r.abstract_zh, r.abstract_en, r.keywords, r.year, r.discipline",
                    "type text, title_zh text, title_en text, abstract_zh text, abstract_en text, keywords text[], "
                            + "year integer, discipline text",
                    "", null);
            case FACILITY -> upsert("facility",
                    List.of("type", "name_zh", "name_en", "organization_id", "description_zh", "description_en", "keywords",
                            "region", "region_code"),
                    "r.type, r.name_zh, r.name_en, o.id, r.description_zh, r.description_en, r.keywords, r.region, r.region_code",
                    "type text, name_zh text, name_en text, organization text, description_zh text, description_en text, "
                            + "keywords text[], region text, region_code text",
                    "left join organization o on o.ext_id = r.organization", "organization_id");
        };
    }

    /**
     * {@code insert … select … on conflict (ext_id) do update … where} the digest or the resolved
     * single link differs {@code returning ext_id, id, inserted}.
     */
    private static String upsert(String table, List<String> columns, String values, String recordColumns, String join,
                                 String linkColumn) {
        List<String> updates = new ArrayList<>();
        columns.forEach(c -> updates.add(c + " = excluded." + c));
        String differs = "t.content_hash is distinct from excluded.content_hash"
                + (linkColumn == null ? "" : " or t." + linkColumn + " is distinct from excluded." + linkColumn);
        return "insert into " + table + " as t (ext_id, " + String.join(", ", columns) + ", illustrative, content_hash) "
                + "select r.ext_id, " + values + ", r.illustrative, r.content_hash "
                + "from jsonb_to_recordset(cast(:rows as jsonb)) as r(ext_id text, " + recordColumns
                + ", illustrative boolean, content_hash text) " + join + " "
                + "on conflict (ext_id) do update set " + String.join(", ", updates)
                + ", illustrative = excluded.illustrative, content_hash = excluded.content_hash, updated_at = now(), version = t.version + 1 "
                + "where " + differs + " "
                + "returning t.ext_id, t.id, (t.xmax = 0) as inserted";
    }
}

package org.triplehelix.registry;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The {@code import_pending} table: records of a running import held back until the end (forward
 * links, other modules' kinds), so that the heap holds one batch whatever the file's size.
 */
@Component
class PendingRecords {

    private final JdbcClient jdbc;
    private final JsonMapper json = JsonMapper.builder().build();

    PendingRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A held-back record: its read order, kind, id, place, mark, and its JSON. */
    record Row(long seq, String kind, String extId, String file, long line, boolean illustrative, String payload) {
    }

    /** A record's identity within an import. */
    record Key(String kind, String extId) {
    }

    void add(UUID importId, int round, List<Row> rows) {
        if (rows.isEmpty()) {
            return;
        }
        ArrayNode array = JsonNodeFactory.instance.arrayNode(rows.size());
        rows.forEach(r -> array.addObject().put("seq", r.seq()).put("kind", r.kind()).put("ext_id", r.extId())
                .put("file", r.file()).put("line", r.line()).put("illustrative", r.illustrative()).put("payload", r.payload()));
        jdbc.sql("""
                insert into import_pending (import_id, round, seq, kind, ext_id, file, line, illustrative, payload)
                select :import, :round, r.seq, r.kind, r.ext_id, r.file, r.line, r.illustrative, r.payload
                  from jsonb_to_recordset(cast(:rows as jsonb)) as r(seq bigint, kind text, ext_id text, file text, line bigint,
                       illustrative boolean, payload text)
                """)
                .param("import", importId).param("round", round).param("rows", json.writeValueAsString(array))
                .update();
    }

    /** Drops held-back records that a later record with the same kind and id replaces. */
    void removeSuperseded(UUID importId, Collection<Key> keys) {
        if (keys.isEmpty()) {
            return;
        }
        ArrayNode array = JsonNodeFactory.instance.arrayNode(keys.size());
        keys.forEach(k -> array.addObject().put("kind", k.kind()).put("ext_id", k.extId()));
        jdbc.sql("""
                delete from import_pending p using jsonb_to_recordset(cast(:keys as jsonb)) as k(kind text, ext_id text)
                 where p.import_id = :import and p.kind = k.kind and p.ext_id = k.ext_id
                """)
                .param("import", importId).param("keys", json.writeValueAsString(array))
                .update();
    }

    /** The next held-back records of a kind and round after {@code afterSeq}, in read order. */
    List<Row> chunk(UUID importId, int round, String kind, long afterSeq, int limit) {
        return jdbc.sql("""
                select seq, kind, ext_id, file, line, illustrative, payload from import_pending
                 where import_id = :import and round = :round and kind = :kind and seq > :after
                 order by seq limit :limit
                """)
                .param("import", importId).param("round", round).param("kind", kind).param("after", afterSeq).param("limit", limit)
                .query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                        rs.getBoolean(6), rs.getString(7)))
                .list();
    }

    void remove(UUID importId, int round, String kind, Collection<Long> seqs) {
        jdbc.sql("delete from import_pending where import_id = :import and round = :round and kind = :kind and seq = any(:seqs)")
                .param("import", importId).param("round", round).param("kind", kind).param("seqs", seqs.toArray(Long[]::new))
                .update();
    }

    /** Which of {@code extIds} of a kind are still held back (so they exist in the import, but could not be stored). */
    List<String> held(UUID importId, String kind, Collection<String> extIds) {
        return jdbc.sql("select ext_id from import_pending where import_id = :import and kind = :kind and ext_id = any(:ids)")
                .param("import", importId).param("kind", kind).param("ids", extIds.toArray(String[]::new))
                .query(String.class).list();
    }

    long count(UUID importId, int round) {
        return jdbc.sql("select count(*) from import_pending where import_id = :import and round = :round")
                .param("import", importId).param("round", round).query(Long.class).single();
    }

    void clear(UUID importId) {
        jdbc.sql("delete from import_pending where import_id = :import").param("import", importId).update();
    }

    /** Leftovers of imports that died (a killed process) more than a day ago. */
    void clearStale() {
        jdbc.sql("delete from import_pending where created_at < now() - interval '1 day'").update();
    }
}

package org.triplehelix.matching.embedding;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Embeddings kept in the database by model and SHA-256 of the embedded text (hex in Java, bytea in SQL). */
@Repository
class EmbeddingCache {

    private static final HexFormat HEX = HexFormat.of();

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate named;

    EmbeddingCache(JdbcClient jdbc, NamedParameterJdbcTemplate named) {
        this.jdbc = jdbc;
        this.named = named;
    }

    Map<String, float[]> find(String model, List<String> hashes) {
        Map<String, float[]> found = new HashMap<>();
        if (hashes.isEmpty()) {
            return found;
        }
        jdbc.sql("select content_hash, vector from embedding where model = :model and content_hash in (:hashes)")
                .param("model", model)
                .param("hashes", hashes.stream().map(HEX::parseHex).toList())
                .query(rs -> {
                    found.put(HEX.formatHex(rs.getBytes(1)), decode(rs.getBytes(2)));
                });
        return found;
    }

    void save(String model, Map<String, float[]> vectors) {
        if (vectors.isEmpty()) {
            return;
        }
        List<MapSqlParameterSource> rows = new ArrayList<>();
        vectors.forEach((hash, vector) -> rows.add(new MapSqlParameterSource()
                .addValue("model", model).addValue("hash", HEX.parseHex(hash)).addValue("vector", encode(vector))));
        named.batchUpdate("insert into embedding (model, content_hash, vector) values (:model, :hash, :vector) on conflict do nothing",
                rows.toArray(MapSqlParameterSource[]::new));
    }

    long count(String model) {
        return jdbc.sql("select count(*) from embedding where model = :model").param("model", model).query(Long.class).single();
    }

    static byte[] encode(float[] vector) {
        ByteBuffer buffer = ByteBuffer.allocate(vector.length * Float.BYTES);
        buffer.asFloatBuffer().put(vector);
        return buffer.array();
    }

    static float[] decode(byte[] bytes) {
        float[] vector = new float[bytes.length / Float.BYTES];
        ByteBuffer.wrap(bytes).asFloatBuffer().get(vector);
        return vector;
    }
}

package org.triplehelix.matching.embedding;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Embeddings of documents and queries, computed once: every vector is cached in the database by
 * model and content hash, so an index rebuild or a second run of a benchmark computes nothing.
 */
@Component
public class Embeddings {

    /**
     * BGE's instruction for short queries against passages (bge-small-zh-v1.5 model card). Whether it
     * helps is measured (docs/matching.md), not assumed: it is off by default.
     */
    public static final String QUERY_INSTRUCTION = "为这个句子生成表示以用于检索相关文章：";

    /** What {@link #warmUp()} embeds: any short text loads the model (and the warm-up match searches for it). */
    public static final String WARM_UP = "技术需求";

    private final Embedder embedder;
    private final EmbeddingCache cache;
    private final EmbeddingProperties properties;

    Embeddings(Embedder embedder, EmbeddingCache cache, EmbeddingProperties properties) {
        this.embedder = embedder;
        this.cache = cache;
        this.properties = properties;
    }

    public String model() {
        return embedder.model();
    }

    public int dimension() {
        return embedder.dimension();
    }

    public boolean enabled() {
        return properties.enabled();
    }

    /** A query's vector (with the instruction when configured), or null when embeddings are disabled. */
    public float[] query(String text) {
        if (!properties.enabled() || text == null || text.isBlank()) {
            return null;
        }
        String input = properties.queryInstruction() ? QUERY_INSTRUCTION + text.strip() : text.strip();
        Map<String, float[]> cached = cached(List.of(input));
        if (cached.containsKey(input)) {
            return cached.get(input);
        }
        float[] vector = embedder.embedQuery(input);
        cache.save(embedder.model(), Map.of(hash(input), vector));
        return vector;
    }

    /**
     * Loads the model for queries by embedding a word, neither cached nor kept. The model is loaded on
     * its first use, and queries have a session of their own (more cores): after a restart the first
     * match of a text not in the cache (a profile's "fits" panel) waited for that load, about 1 s on
     * two cores plus ONNX Runtime's first run, where the next ones take tens of milliseconds.
     *
     * @return the vector of {@link #WARM_UP}, for a warm-up match (MatchService#warmUp); null when embeddings are disabled
     */
    public float[] warmUp() {
        return properties.enabled() ? embedder.embedQuery(WARM_UP) : null;
    }

    /** The vectors already in the cache, by text. */
    public Map<String, float[]> cached(Collection<String> texts) {
        Map<String, String> hashes = hashes(texts);
        Map<String, float[]> found = cache.find(embedder.model(), List.copyOf(hashes.values()));
        Map<String, float[]> byText = new HashMap<>();
        hashes.forEach((text, hash) -> {
            if (found.containsKey(hash)) {
                byText.put(text, found.get(hash));
            }
        });
        return byText;
    }

    /** The vectors of these texts, computing (in the caller's thread) and caching the missing ones. */
    public Map<String, float[]> embed(Collection<String> texts) {
        Map<String, float[]> vectors = cached(texts);
        Map<String, float[]> computed = new HashMap<>();
        for (String text : texts) {
            if (!vectors.containsKey(text)) {
                float[] vector = embedder.embed(text);
                vectors.put(text, vector);
                computed.put(hash(text), vector);
            }
        }
        cache.save(embedder.model(), computed);
        return vectors;
    }

    /** How many vectors of the current model the cache holds. */
    public long cachedCount() {
        return cache.count(embedder.model());
    }

    /** The text to embed, cut to the configured length (the cost of an embedding grows with its length). */
    public String clip(String text) {
        if (text == null) {
            return null;
        }
        String stripped = text.strip();
        return stripped.length() <= properties.maxChars() ? stripped : stripped.substring(0, properties.maxChars());
    }

    private static Map<String, String> hashes(Collection<String> texts) {
        Map<String, String> hashes = new LinkedHashMap<>();
        texts.forEach(t -> hashes.put(t, hash(t)));
        return hashes;
    }

    static String hash(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package org.triplehelix.matching.opensearch;

import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The names and the shape of the platform's indices in a cluster. Every physical index is
 * {@code PREFIX-vN}; searches go through the alias {@code PREFIX}, writes through {@code PREFIX-write}
 * (the two differ only while a rebuild fills a new index). The mapping lives in an index template
 * over {@code PREFIX-v*}, so that no index of ours is ever created without it: in particular the
 * vector field always says {@code "engine": "lucene"} (the default, faiss, needs a native library
 * the plain distribution lacks, and indexing into it kills the node), and the mapping is strict.
 */
record IndexLayout(String prefix, int dimension, int shards, int replicas) {

    static final String TITLE = "title", BODY = "body";
    static final String WORDS = "zh", BIGRAMS = "cjk", ENGLISH = "en";

    /**
     * A text field's base name for a kind ({@code output_title}): the text fields are per kind, as in the
     * embedded index, so that each kind has its own BM25 statistics (document counts, lengths, frequencies).
     */
    static String text(org.triplehelix.matching.EntityKind kind, String base) {
        return kind.id() + "_" + base;
    }

    String readAlias() {
        return prefix;
    }

    String writeAlias() {
        return prefix + "-write";
    }

    String pattern() {
        return prefix + "-v*";
    }

    String templateName() {
        return prefix + "-template";
    }

    String physical(long version) {
        return prefix + "-v" + version;
    }

    /** The composable index template: settings and the strict mapping. */
    ObjectNode template() {
        ObjectNode template = JsonNodeFactory.instance.objectNode();
        template.putArray("index_patterns").add(pattern());
        template.put("priority", 500);
        ObjectNode body = template.putObject("template");
        ObjectNode settings = body.putObject("settings");
        settings.put("index.knn", true);
        settings.put("index.number_of_shards", shards);
        settings.put("index.number_of_replicas", replicas);
        // writes become visible on refresh() and commit(), as with the embedded index
        settings.put("index.refresh_interval", "-1");
        ObjectNode analyzers = settings.putObject("analysis").putObject("analyzer");
        // Chinese words are segmented by the platform (smartcn, which the cluster lacks) and sent space-separated
        analyzers.putObject("helix_words").put("type", "custom").put("tokenizer", "whitespace");
        body.set("mappings", mapping());
        return template;
    }

    private ObjectNode mapping() {
        ObjectNode mapping = JsonNodeFactory.instance.objectNode();
        mapping.put("dynamic", "strict");
        ObjectNode properties = mapping.putObject("properties");
        for (String keyword : new String[] {"key", "kind", "ext_id", "type", "tier", "region", "discipline", "status", "people",
                "organizations", "vector_state"}) {
            properties.putObject(keyword).put("type", "keyword");
        }
        properties.putObject("year").put("type", "integer");
        for (org.triplehelix.matching.EntityKind kind : org.triplehelix.matching.EntityKind.values()) {
            for (String base : new String[] {text(kind, TITLE), text(kind, BODY)}) {
                properties.putObject(base + "_" + WORDS).put("type", "text").put("analyzer", "helix_words");
                properties.putObject(base + "_" + BIGRAMS).put("type", "text").put("analyzer", "cjk");
                properties.putObject(base + "_" + ENGLISH).put("type", "text").put("analyzer", "english");
            }
        }
        ObjectNode vector = properties.putObject("vector");
        vector.put("type", "knn_vector").put("dimension", dimension);
        ObjectNode method = vector.putObject("method");
        method.put("name", "hnsw").put("engine", "lucene").put("space_type", "cosinesimil");
        method.putObject("parameters").put("m", 16).put("ef_construction", 100);
        properties.putObject("source").put("type", "object").put("enabled", false);
        return mapping;
    }
}

package org.triplehelix.matching.opensearch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.triplehelix.matching.EntityKind;
import org.triplehelix.matching.IndexDocument;
import org.triplehelix.matching.IndexStats;
import org.triplehelix.matching.SearchFilter;
import org.triplehelix.matching.SearchHit;
import org.triplehelix.matching.SearchIndex;
import org.triplehelix.matching.lucene.Analysis;
import org.triplehelix.matching.lucene.Highlighter;
import org.triplehelix.matching.lucene.LuceneSearchIndex;
import org.triplehelix.shared.Text;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The search index in an OpenSearch cluster, behind the same port as the embedded Lucene index and
 * ranking the same way: the documents carry the same three analyses of their text (Chinese words
 * segmented by the platform with smartcn, character bigrams by the cluster's {@code cjk} analyzer,
 * English by its {@code english} analyzer, the same Lucene classes), a lexical search is the same
 * boolean query of BM25 term clauses, and the kNN search runs on a Lucene HNSW graph in the cluster;
 * every hit's exact cosine comes back from a script field. The fusion of the two lists stays in the
 * platform ({@link org.triplehelix.matching.ranking.Ranker}); when a lexical search has a vector, the
 * kNN search the ranker asks for next is sent with it in one {@code _msearch}.
 *
 * <p>Versioned indices behind two aliases ({@link IndexLayout}): {@link #clear()} creates a new index
 * and points the write alias at it while searches go on in the old one; the {@link #commit(Map)} that
 * marks it complete swaps the read alias in one atomic action and drops the old index. The committed
 * state (watermarks, version stamp, completion) lives in the index's mapping {@code _meta}.
 */
public final class OpenSearchSearchIndex implements SearchIndex {

    private static final Logger log = LoggerFactory.getLogger(OpenSearchSearchIndex.class);

    /** Raise when the documents' fields change: the index is then rebuilt automatically. */
    // 2: text fields per kind, so that BM25 counts each kind apart, as the embedded index does;
    // 3: illustrative records analyzed without the demo's label (IllustrativeLabel)
    static final int SCHEMA_VERSION = 3;
    static final String STAMP = "stamp";
    private static final String SEARCH_TYPE = "search_type";
    private static final String READY = "ready", PENDING = "pending", NONE = "none";
    private static final int MAX_QUERY_TERMS = 256, MAX_WINDOW = 10_000, BULK_DOCUMENTS = 500;
    private static final long BULK_BYTES = 8L << 20;
    private static final int MAX_ID_BYTES = 512;
    private static final String COSINE_SCRIPT = "doc['vector'].size() == 0 ? -9.0 : (double) cosineSimilarity(params.q, doc['vector'])";

    /** Where the cluster is and how the index is laid out. */
    public record Settings(String urls, String prefix, int shards, int replicas, int attempts, Duration healthWait,
                           Credentials credentials) {

        /** Settings for a cluster that needs no credentials. */
        public Settings(String urls, String prefix, int shards, int replicas, int attempts, Duration healthWait) {
            this(urls, prefix, shards, replicas, attempts, healthWait, null);
        }
    }

    /**
     * A user of a secured cluster (OpenSearch's security plugin, HTTP basic authentication), from
     * {@code HELIX_SEARCH_USER} and {@code HELIX_SEARCH_PASSWORD}: never from the URL, which process
     * lists and logs show.
     */
    public record Credentials(String user, String password) {

        public Credentials {
            if (user == null || user.isBlank() || password == null || password.isEmpty()) {
                throw new IllegalArgumentException("A search cluster user needs both HELIX_SEARCH_USER and HELIX_SEARCH_PASSWORD");
            }
        }

        @Override
        public String toString() {
            return "Credentials[user=" + user + ", password=…]";
        }
    }

    private final OpenSearchClient client;
    private final IndexLayout layout;
    private final Settings settings;
    private final Analysis analysis = new Analysis();
    private final LuceneSearchIndex.Weights weights;
    private final int denseDepth;
    private final String stamp;
    private final JsonNodeFactory nodes = JsonNodeFactory.instance;
    /** The kNN search sent along with the last lexical search of this thread, for the ranker's next call. */
    private final ThreadLocal<Prefetched> prefetched = new ThreadLocal<>();
    private volatile boolean stale;
    private volatile int searchedShards = 1;
    private volatile long shardsRecheckAt;

    private record Prefetched(EntityKind kind, float[] vector, SearchFilter filter, int k, List<SearchHit> hits) {
    }

    /**
     * Connects to the cluster, installs the index template, and opens the index behind the aliases
     * (creating it when there is none). Fails with a clear message when the cluster is unreachable or red.
     */
    public OpenSearchSearchIndex(Settings settings, String model, int dimension, LuceneSearchIndex.Weights weights, int denseDepth) {
        this.settings = settings;
        this.client = new OpenSearchClient(settings.urls(), settings.attempts(), settings.credentials());
        this.layout = new IndexLayout(settings.prefix(), dimension, settings.shards(), settings.replicas());
        this.weights = weights;
        this.denseDepth = denseDepth;
        this.stamp = "schema=" + SCHEMA_VERSION + ";analyzers=" + Analysis.DESCRIPTION + "+opensearch(cjk,english);model="
                + model + "/" + dimension;
        JsonNode root = client.call("GET", "", null);
        log.info("Search index in OpenSearch {} at {} (indices {}*)", root.path("version").path("number").asString("?"),
                client.where(), settings.prefix());
        requireHealthy();
        client.call("PUT", "_index_template/" + layout.templateName(), layout.template());
        open();
    }

    /**
     * Before anything starts (the command line): a {@link SearchClusterException} saying what is wrong
     * when no node of {@code urls} answers as a search cluster; see {@link OpenSearchClient#check}.
     */
    public static void check(String urls, Credentials credentials) {
        OpenSearchClient.check(urls, credentials);
    }

    /** Waits a little for a yellow cluster; a red one (a primary shard missing) is an error. */
    private void requireHealthy() {
        long seconds = Math.max(1, settings.healthWait().toSeconds());
        OpenSearchClient.Response health = client.exchange("GET", "_cluster/health?wait_for_status=yellow&timeout=" + seconds + "s", null);
        String status = health.body() == null ? "unknown" : health.body().path("status").asString("unknown");
        if ("red".equals(status)) {
            throw new SearchClusterException("The search cluster at " + client.where() + " is red ("
                    + health.body().path("unassigned_shards").asInt() + " unassigned shards): a primary shard is missing;"
                    + " matching resumes when the cluster is yellow or green", true);
        }
        if (!health.ok() && health.status() != 408) {
            throw client.refused("GET", "_cluster/health", health);
        }
    }

    private void open() {
        Map<String, Set<String>> aliases = aliases();
        String write = indexOf(aliases, layout.writeAlias());
        if (write == null) {
            String created = createIndex();
            String read = indexOf(aliases, layout.readAlias());
            ArrayNode actions = nodes.arrayNode();
            add(actions, created, layout.writeAlias());
            if (read == null) {
                add(actions, created, layout.readAlias());
            }
            updateAliases(actions);
            stale = true;
            log.info("Created the search index {} in the cluster", created);
            return;
        }
        Map<String, String> state = state();
        stale = !stamp.equals(state.get(STAMP)) || !"true".equals(state.get(COMPLETE));
        if (stale) {
            log.info("The search index {} is {}; it is rebuilt", write,
                    stamp.equals(state.get(STAMP)) ? "incomplete" : "built with " + state.get(STAMP));
        }
    }

    /** Index name → its aliases, for the platform's two aliases. */
    private Map<String, Set<String>> aliases() {
        OpenSearchClient.Response response = client.exchange("GET", "_alias/" + layout.readAlias() + "," + layout.writeAlias(), null);
        Map<String, Set<String>> byIndex = new HashMap<>();
        // 404 when one of them is missing; the body still lists those that exist
        if (!response.ok() && response.status() != 404) {
            throw client.refused("GET", "_alias", response);
        }
        if (response.body() != null) {
            for (Map.Entry<String, JsonNode> entry : response.body().properties()) {
                JsonNode aliases = entry.getValue().path("aliases");
                if (aliases.isObject()) {
                    Set<String> names = new HashSet<>();
                    aliases.propertyNames().forEach(names::add);
                    byIndex.put(entry.getKey(), names);
                }
            }
        }
        return byIndex;
    }

    private static String indexOf(Map<String, Set<String>> aliases, String alias) {
        return aliases.entrySet().stream().filter(e -> e.getValue().contains(alias)).map(Map.Entry::getKey).findFirst().orElse(null);
    }

    private String createIndex() {
        String name = layout.physical(System.currentTimeMillis());
        ObjectNode body = nodes.objectNode();
        body.putObject("mappings").set("_meta", meta(Map.of(STAMP, stamp, COMPLETE, "false")));
        client.call("PUT", name + "?wait_for_active_shards=1", body);
        JsonNode engine = client.call("GET", name + "/_mapping", null).path(name).path("mappings").path("properties")
                .path("vector").path("method").path("engine");
        if (!"lucene".equals(engine.asString(""))) {
            client.exchange("DELETE", name, null);
            throw new SearchClusterException("The index template " + layout.templateName() + " was not applied to " + name
                    + " (vector engine " + engine + "); another template with a higher priority matches " + layout.pattern(), false);
        }
        return name;
    }

    private ObjectNode meta(Map<String, String> state) {
        ObjectNode meta = nodes.objectNode();
        new java.util.TreeMap<>(state).forEach(meta::put);
        return meta;
    }

    private void add(ArrayNode actions, String index, String alias) {
        actions.addObject().putObject("add").put("index", index).put("alias", alias);
    }

    private void remove(ArrayNode actions, String index, String alias) {
        actions.addObject().putObject("remove").put("index", index).put("alias", alias);
    }

    private void updateAliases(ArrayNode actions) {
        ObjectNode body = nodes.objectNode();
        body.set("actions", actions);
        client.call("POST", "_aliases", body);
    }

    @Override
    public boolean stale() {
        return stale;
    }

    // ---- writing

    @Override
    public void index(Collection<IndexDocument> documents) {
        Bulk bulk = new Bulk();
        for (IndexDocument document : documents) {
            ObjectNode action = nodes.objectNode();
            action.putObject("index").put("_index", layout.writeAlias()).put("_id", documentId(document.key()));
            bulk.add(document.key(), action, toSource(document));
        }
        bulk.flush();
    }

    @Override
    public void delete(EntityKind kind, Collection<String> extIds) {
        Bulk bulk = new Bulk();
        for (String extId : extIds) {
            ObjectNode action = nodes.objectNode();
            action.putObject("delete").put("_index", layout.writeAlias()).put("_id", documentId(kind.id() + ":" + extId));
            bulk.add(kind.id() + ":" + extId, action, null);
        }
        bulk.flush();
    }

    /**
     * The document's {@code _id}: its key ({@code kind:extId}), or, when the key is longer than the
     * 512 bytes OpenSearch allows for an id, the kind and a SHA-256 of the key. Searches and filters
     * go by the {@code key} field, which holds the whole key either way.
     */
    static String documentId(String key) {
        byte[] bytes = key.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        if (bytes.length <= MAX_ID_BYTES) {
            return key;
        }
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
            return key.substring(0, key.indexOf(':') + 1) + "#" + java.util.HexFormat.of().formatHex(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Bulk requests of at most 500 documents or 8 MB, one at a time (the caller waits: back-pressure);
     * the items the cluster rejected for now (429, 503) are sent again after a growing pause.
     */
    private final class Bulk {

        private final Map<String, String> pending = new LinkedHashMap<>();
        private long bytes;

        void add(String id, ObjectNode action, ObjectNode source) {
            String lines = OpenSearchClient.JSON.writeValueAsString(action) + "\n"
                    + (source == null ? "" : OpenSearchClient.JSON.writeValueAsString(source) + "\n");
            pending.put(id + (source == null ? "#delete" : ""), lines);
            bytes += lines.length();
            if (pending.size() >= BULK_DOCUMENTS || bytes >= BULK_BYTES) {
                flush();
            }
        }

        void flush() {
            Duration pause = Duration.ofMillis(250);
            for (int attempt = 1; !pending.isEmpty(); attempt++) {
                List<String> keys = new ArrayList<>(pending.keySet());
                JsonNode response = client.call("POST", "_bulk", String.join("", pending.values()));
                List<String> retry = new ArrayList<>();
                String failure = null;
                JsonNode items = response.path("items");
                for (int i = 0; i < items.size(); i++) {
                    JsonNode item = items.get(i).properties().iterator().next().getValue();
                    int status = item.path("status").asInt();
                    boolean deleteOfMissing = keys.get(i).endsWith("#delete") && status == 404;
                    if (status / 100 == 2 || deleteOfMissing) {
                        continue;
                    }
                    if (status == 429 || status == 503 || status == 502 || status == 504) {
                        retry.add(keys.get(i));
                    } else if (failure == null) {
                        failure = keys.get(i) + ": " + status + " " + item.path("error").path("type").asString("") + ": "
                                + item.path("error").path("reason").asString("");
                    }
                }
                if (failure != null) {
                    throw new SearchClusterException("The search cluster at " + client.where() + " refused a document (" + failure + ")", false);
                }
                pending.keySet().retainAll(retry);
                if (!pending.isEmpty()) {
                    if (attempt >= settings.attempts()) {
                        throw new SearchClusterException("The search cluster at " + client.where() + " kept refusing " + pending.size()
                                + " documents (overloaded, or a primary shard or the cluster manager is missing)", true);
                    }
                    log.info("The search cluster rejected {} documents for now; sending them again in {} ms", pending.size(), pause.toMillis());
                    OpenSearchClient.sleep(pause);
                    pause = pause.multipliedBy(2).compareTo(Duration.ofSeconds(8)) > 0 ? Duration.ofSeconds(8) : pause.multipliedBy(2);
                }
            }
            bytes = 0;
        }
    }

    private ObjectNode toSource(IndexDocument d) {
        ObjectNode source = nodes.objectNode();
        source.put("key", d.key()).put("kind", d.kind().id()).put("ext_id", d.extId());
        IndexDocument analyzed = d.analyzed();
        addText(source, IndexLayout.text(d.kind(), IndexLayout.TITLE), analyzed.titleZh(), analyzed.titleEn(), d.keywords());
        addText(source, IndexLayout.text(d.kind(), IndexLayout.BODY), analyzed.bodyZh(), analyzed.bodyEn(), List.of());
        putKeyword(source, "type", d.type());
        putKeyword(source, "tier", d.tier());
        putKeyword(source, "region", d.region());
        putKeyword(source, "discipline", d.discipline());
        putKeyword(source, "status", d.status());
        if (d.year() != null) {
            source.put("year", d.year());
        }
        if (!d.people().isEmpty()) {
            d.people().forEach(source.putArray("people")::add);
        }
        if (!d.organizations().isEmpty()) {
            d.organizations().forEach(source.putArray("organizations")::add);
        }
        if (d.vector() != null) {
            if (d.vector().length != layout.dimension()) {
                throw new IllegalArgumentException("a vector of " + d.vector().length + " dimensions for an index of " + layout.dimension());
            }
            ArrayNode vector = source.putArray("vector");
            for (float value : d.vector()) {
                vector.add(value);
            }
        }
        source.put("vector_state", d.vector() != null ? READY : d.embeddingText() != null ? PENDING : NONE);
        source.set("source", OpenSearchClient.JSON.valueToTree(d.withVector(null)));
        return source;
    }

    /** The same texts as the embedded index: Chinese (with Chinese keywords) twice, English (with the rest) once. */
    private void addText(ObjectNode source, String base, String zh, String en, List<String> keywords) {
        StringBuilder chinese = new StringBuilder(zh == null ? "" : zh);
        StringBuilder english = new StringBuilder(en == null ? "" : en);
        for (String keyword : keywords) {
            (Text.containsHan(keyword) ? chinese : english).append('\n').append(keyword);
        }
        if (!chinese.isEmpty()) {
            source.put(base + "_" + IndexLayout.WORDS, words(chinese.toString()));
            source.put(base + "_" + IndexLayout.BIGRAMS, chinese.toString());
        }
        if (!english.isEmpty()) {
            source.put(base + "_" + IndexLayout.ENGLISH, english.toString());
        }
    }

    /** The text segmented into words by the platform's smartcn analyzer, space-separated (every occurrence kept). */
    private String words(String text) {
        StringBuilder words = new StringBuilder();
        try (TokenStream stream = analysis.analyzer(Analysis.Flavor.WORDS).tokenStream("", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                words.append(words.isEmpty() ? "" : " ").append(term);
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return words.toString();
    }

    private static void putKeyword(ObjectNode source, String field, String value) {
        if (value != null && !value.isBlank()) {
            source.put(field, value);
        }
    }

    @Override
    public synchronized void clear() {
        Map<String, Set<String>> aliases = aliases();
        String read = indexOf(aliases, layout.readAlias());
        String write = indexOf(aliases, layout.writeAlias());
        String created = createIndex();
        ArrayNode actions = nodes.arrayNode();
        if (write != null) {
            remove(actions, write, layout.writeAlias());
        }
        add(actions, created, layout.writeAlias());
        boolean readCompatible = read != null && stamp.equals(metaOf(read).get(STAMP));
        if (!readCompatible) {
            // nothing usable to serve meanwhile (none yet, or another schema or model): search the new one at once
            if (read != null) {
                remove(actions, read, layout.readAlias());
            }
            add(actions, created, layout.readAlias());
        }
        updateAliases(actions);
        shardsRecheckAt = 0;
        if (write != null && !write.equals(read)) {
            client.exchange("DELETE", write, null); // an unfinished rebuild
        }
        if (read != null && !readCompatible) {
            client.exchange("DELETE", read, null);
        }
        stale = true;
        log.info("Rebuilding the search index into {}{}", created, readCompatible ? " (searches go to " + read + " until it is complete)" : "");
    }

    @Override
    public synchronized void commit(Map<String, String> state) {
        Map<String, String> data = new HashMap<>(state());
        data.putAll(state);
        data.put(STAMP, stamp);
        ObjectNode mapping = nodes.objectNode();
        mapping.set("_meta", meta(data));
        client.call("PUT", layout.writeAlias() + "/_mapping", mapping);
        client.call("POST", layout.writeAlias() + "/_refresh", null);
        stale = !"true".equals(data.get(COMPLETE));
        if (!stale) {
            publish();
        }
    }

    /** Points the read alias at the write index when they differ (a rebuild completed), dropping the old index. */
    private void publish() {
        Map<String, Set<String>> aliases = aliases();
        String read = indexOf(aliases, layout.readAlias());
        String write = indexOf(aliases, layout.writeAlias());
        if (write == null || write.equals(read)) {
            return;
        }
        ArrayNode actions = nodes.arrayNode();
        if (read != null) {
            remove(actions, read, layout.readAlias());
        }
        add(actions, write, layout.readAlias());
        updateAliases(actions);
        shardsRecheckAt = 0;
        if (read != null) {
            client.exchange("DELETE", read, null);
        }
        log.info("Searches now go to the rebuilt index {}", write);
    }

    @Override
    public void refresh() {
        client.call("POST", layout.writeAlias() + "/_refresh", null);
    }

    @Override
    public Map<String, String> state() {
        return metaOf(layout.writeAlias());
    }

    private Map<String, String> metaOf(String index) {
        JsonNode mappings = client.call("GET", index + "/_mapping", null);
        Map<String, String> state = new HashMap<>();
        for (Map.Entry<String, JsonNode> entry : mappings.properties()) {
            for (Map.Entry<String, JsonNode> value : entry.getValue().path("mappings").path("_meta").properties()) {
                state.put(value.getKey(), value.getValue().asString());
            }
        }
        return state;
    }

    // ---- searching

    @Override
    public List<SearchHit> lexical(EntityKind kind, String text, float titleWeight, float bodyWeight, float[] vector,
                                   SearchFilter filter, int k) {
        ArrayNode bags = nodes.arrayNode();
        for (Analysis.Flavor flavor : Analysis.Flavor.values()) {
            float weight = switch (flavor) {
                case WORDS -> weights.words();
                case BIGRAMS -> weights.bigrams();
                case ENGLISH -> weights.english();
            };
            if (weight <= 0) {
                continue;
            }
            List<String> terms = analysis.terms(flavor, text).stream().limit(MAX_QUERY_TERMS).toList();
            String suffix = switch (flavor) {
                case WORDS -> IndexLayout.WORDS;
                case BIGRAMS -> IndexLayout.BIGRAMS;
                case ENGLISH -> IndexLayout.ENGLISH;
            };
            addTerms(bags, IndexLayout.text(kind, IndexLayout.TITLE) + "_" + suffix, terms, weight * titleWeight);
            addTerms(bags, IndexLayout.text(kind, IndexLayout.BODY) + "_" + suffix, terms, weight * bodyWeight);
        }
        if (bags.isEmpty()) {
            return List.of();
        }
        ObjectNode bool = nodes.objectNode();
        ObjectNode query = bool.putObject("bool");
        query.putArray("must").addObject().putObject("bool").set("should", bags);
        query.putArray("filter").add(filter(kind, filter));
        ObjectNode request = request(k, bool, vector);
        if (vector == null) {
            return hits(kind, search(lexical(request)), false);
        }
        // the ranker asks next for the nearest neighbours of the same vector: both in one round trip
        List<JsonNode> responses = multiSearch(List.of(lexical(request), nearestRequest(kind, vector, filter, denseDepth)));
        prefetched.set(new Prefetched(kind, vector, filter, denseDepth, byCosine(hits(kind, responses.get(1), true))));
        return hits(kind, responses.get(0), false);
    }

    /**
     * A lexical search over several shards first gathers the term statistics of all of them
     * ({@code dfs_query_then_fetch}), so that BM25 scores, and so the ranking, do not depend on how the
     * documents were spread.
     */
    private ObjectNode lexical(ObjectNode request) {
        if (searchedShards() > 1) {
            request.put(SEARCH_TYPE, "dfs_query_then_fetch");
        }
        return request;
    }

    /**
     * The shards of the index searched now, read from the cluster (and again a minute later): it may have
     * been built by another process with other settings than this one's. DFS only where there are several:
     * a single shard's statistics are already the whole index's.
     */
    private int searchedShards() {
        if (System.currentTimeMillis() >= shardsRecheckAt) {
            int shards = 1;
            for (Map.Entry<String, JsonNode> index : client.call("GET", layout.readAlias() + "/_settings/index.number_of_shards", null).properties()) {
                String value = index.getValue().path("settings").path("index").path("number_of_shards").asString("1");
                shards = Math.max(shards, Integer.parseInt(value));
            }
            searchedShards = shards;
            shardsRecheckAt = System.currentTimeMillis() + 60_000;
        }
        return searchedShards;
    }

    private void addTerms(ArrayNode bags, String field, List<String> terms, float weight) {
        if (weight <= 0 || terms.isEmpty()) {
            return;
        }
        ObjectNode bag = bags.addObject().putObject("bool");
        ArrayNode should = bag.putArray("should");
        terms.forEach(t -> should.addObject().putObject("term").put(field, t));
        bag.put("boost", weight);
    }

    @Override
    public List<SearchHit> nearest(EntityKind kind, float[] vector, SearchFilter filter, int k) {
        if (vector == null) {
            return List.of();
        }
        Prefetched ready = prefetched.get();
        prefetched.remove();
        if (ready != null && ready.kind() == kind && ready.vector() == vector && ready.k() == k && ready.filter().equals(filter)) {
            return ready.hits();
        }
        return byCosine(hits(kind, search(nearestRequest(kind, vector, filter, k)), true));
    }

    private ObjectNode nearestRequest(EntityKind kind, float[] vector, SearchFilter filter, int k) {
        ObjectNode query = nodes.objectNode();
        ObjectNode knn = query.putObject("knn").putObject("vector");
        knn.set("vector", vectorNode(vector));
        knn.put("k", Math.max(1, k));
        knn.set("filter", filter(kind, filter));
        return request(k, query, vector);
    }

    private static List<SearchHit> byCosine(List<SearchHit> hits) {
        List<SearchHit> sorted = new ArrayList<>(hits);
        sorted.sort(Comparator.comparingDouble((SearchHit h) -> -h.score()).thenComparing(SearchHit::extId));
        return sorted;
    }

    private ObjectNode request(int k, ObjectNode query, float[] vector) {
        ObjectNode request = nodes.objectNode();
        request.put("size", Math.max(1, Math.min(k, MAX_WINDOW)));
        request.put("track_total_hits", false);
        request.set("query", query);
        // from doc values, as the embedded index reads them: no stored document is loaded
        request.put("_source", false);
        request.putArray("docvalue_fields").add("ext_id").add("people").add("organizations");
        if (vector != null) {
            ObjectNode script = request.putObject("script_fields").putObject("cos").putObject("script");
            script.put("lang", "painless").put("source", COSINE_SCRIPT);
            script.putObject("params").set("q", vectorNode(vector));
        }
        return request;
    }

    private ArrayNode vectorNode(float[] vector) {
        ArrayNode array = nodes.arrayNode(vector.length);
        for (float value : vector) {
            array.add(value);
        }
        return array;
    }

    /** The filter as the embedded index applies it: kind, types, tiers, disciplines, statuses, regions, years, exclusions. */
    private ObjectNode filter(EntityKind kind, SearchFilter filter) {
        ObjectNode root = nodes.objectNode();
        ObjectNode bool = root.putObject("bool");
        ArrayNode must = bool.putArray("filter");
        must.addObject().putObject("term").put("kind", kind.id());
        anyOf(must, "type", filter.types());
        anyOf(must, "tier", filter.tiers());
        anyOf(must, "discipline", filter.disciplines());
        anyOf(must, "status", filter.statuses());
        if (!filter.regions().isEmpty()) {
            ObjectNode regions = must.addObject().putObject("bool");
            ArrayNode should = regions.putArray("should");
            filter.regions().forEach(r -> should.add(region(r)));
            regions.put("minimum_should_match", 1);
        }
        if (filter.yearFrom() != null || filter.yearTo() != null) {
            ObjectNode range = must.addObject().putObject("range").putObject("year");
            if (filter.yearFrom() != null) {
                range.put("gte", filter.yearFrom());
            }
            if (filter.yearTo() != null) {
                range.put("lte", filter.yearTo());
            }
        }
        if (!filter.excludeIds().isEmpty()) {
            ArrayNode keys = bool.putArray("must_not").addObject().putObject("terms").putArray("key");
            filter.excludeIds().forEach(id -> keys.add(kind.id() + ":" + id));
        }
        return root;
    }

    /** A region as given, or a GB/T 2260 code: 420000 (a province) covers 42xxxx, 420100 (a prefecture) 4201xx. */
    private ObjectNode region(String region) {
        ObjectNode query = nodes.objectNode();
        if (region.matches("\\d{6}")) {
            String prefix = region.endsWith("0000") ? region.substring(0, 2) : region.endsWith("00") ? region.substring(0, 4) : region;
            query.putObject("prefix").put("region", prefix);
        } else {
            query.putObject("term").put("region", region);
        }
        return query;
    }

    private static void anyOf(ArrayNode must, String field, Set<String> values) {
        if (!values.isEmpty()) {
            ArrayNode terms = must.addObject().putObject("terms").putArray(field);
            values.stream().sorted().forEach(terms::add);
        }
    }

    /** One search on the read alias; partial results (a shard failed) are retried, then an error: never a wrong answer. */
    private JsonNode search(ObjectNode request) {
        return multiSearch(List.of(request)).getFirst();
    }

    private List<JsonNode> multiSearch(List<ObjectNode> requests) {
        StringBuilder body = new StringBuilder();
        for (ObjectNode request : requests) {
            ObjectNode header = nodes.objectNode().put("index", layout.readAlias());
            ObjectNode search = request.deepCopy();
            if (search.has(SEARCH_TYPE)) {
                header.put(SEARCH_TYPE, search.remove(SEARCH_TYPE).asString());
            }
            body.append(OpenSearchClient.JSON.writeValueAsString(header)).append('\n')
                    .append(OpenSearchClient.JSON.writeValueAsString(search)).append('\n');
        }
        Duration pause = Duration.ofMillis(250);
        for (int attempt = 1; ; attempt++) {
            JsonNode responses = client.call("POST", "_msearch", body.toString()).path("responses");
            String problem = null;
            List<JsonNode> answers = new ArrayList<>();
            for (JsonNode response : responses) {
                if (response.has("error")) {
                    int status = response.path("status").asInt(500);
                    if (status != 429 && status / 100 != 5) {
                        throw new SearchClusterException("The search cluster at " + client.where() + " refused a search ("
                                + OpenSearchClient.reason(response) + ")", false);
                    }
                    problem = status + " " + OpenSearchClient.reason(response);
                } else if (response.path("_shards").path("failed").asInt() > 0 || response.path("timed_out").asBoolean()) {
                    problem = "answers from " + response.path("_shards").path("successful").asInt() + " of "
                            + response.path("_shards").path("total").asInt() + " shards";
                }
                answers.add(response);
            }
            if (problem == null) {
                return answers;
            }
            if (attempt >= settings.attempts()) {
                throw new SearchClusterException("The search cluster at " + client.where() + " cannot answer completely now ("
                        + problem + "); matching resumes when its shards are available", true);
            }
            OpenSearchClient.sleep(pause);
            pause = pause.multipliedBy(2).compareTo(Duration.ofSeconds(4)) > 0 ? Duration.ofSeconds(4) : pause.multipliedBy(2);
        }
    }

    private List<SearchHit> hits(EntityKind kind, JsonNode response, boolean byCosine) {
        List<SearchHit> hits = new ArrayList<>();
        for (JsonNode hit : response.path("hits").path("hits")) {
            JsonNode source = hit.path("fields");
            JsonNode cos = source.path("cos").path(0);
            Float similarity = cos.isNumber() && cos.asDouble() >= -1.5 ? (float) cos.asDouble() : null;
            float score = byCosine ? (similarity == null ? 0f : similarity) : (float) hit.path("_score").asDouble();
            hits.add(new SearchHit(kind, source.path("ext_id").path(0).asString(), score, similarity, strings(source.path("people")),
                    strings(source.path("organizations"))));
        }
        return hits;
    }

    private static List<String> strings(JsonNode array) {
        if (!array.isArray()) {
            return List.of();
        }
        List<String> values = new ArrayList<>(array.size());
        array.forEach(v -> values.add(v.asString()));
        return values;
    }

    @Override
    public Set<String> admitted(EntityKind kind, Collection<String> extIds, SearchFilter filter) {
        Set<String> admitted = new HashSet<>();
        List<String> ids = List.copyOf(new HashSet<>(extIds));
        for (int from = 0; from < ids.size(); from += MAX_WINDOW / 2) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + MAX_WINDOW / 2));
            ObjectNode query = nodes.objectNode();
            ArrayNode must = query.putObject("bool").putArray("filter");
            ArrayNode keys = must.addObject().putObject("terms").putArray("key");
            chunk.forEach(id -> keys.add(kind.id() + ":" + id));
            must.add(filter(kind, filter));
            for (SearchHit hit : hits(kind, search(request(chunk.size(), query, null)), false)) {
                admitted.add(hit.extId());
            }
        }
        return admitted;
    }

    @Override
    public List<IndexDocument> documents(EntityKind kind, List<String> extIds) {
        if (extIds.isEmpty()) {
            return List.of();
        }
        Map<String, IndexDocument> found = new HashMap<>(get(layout.writeAlias(), kind, extIds));
        List<String> missing = extIds.stream().filter(id -> !found.containsKey(id)).toList();
        if (!missing.isEmpty() && !Objects.equals(aliasTarget(layout.readAlias()), aliasTarget(layout.writeAlias()))) {
            found.putAll(get(layout.readAlias(), kind, missing)); // hits of the old index while a rebuild runs
        }
        return extIds.stream().map(found::get).filter(Objects::nonNull).toList();
    }

    private String aliasTarget(String alias) {
        return indexOf(aliases(), alias);
    }

    private Map<String, IndexDocument> get(String index, EntityKind kind, List<String> extIds) {
        ObjectNode body = nodes.objectNode();
        ArrayNode ids = body.putArray("ids");
        extIds.forEach(id -> ids.add(documentId(kind.id() + ":" + id)));
        Map<String, IndexDocument> documents = new HashMap<>();
        for (JsonNode doc : client.call("POST", index + "/_mget", body).path("docs")) {
            if (doc.path("found").asBoolean()) {
                IndexDocument document = read(doc.path("_source"));
                documents.put(document.extId(), document);
            }
        }
        return documents;
    }

    private static IndexDocument read(JsonNode source) {
        IndexDocument document = OpenSearchClient.JSON.treeToValue(source.path("source"), IndexDocument.class);
        JsonNode vector = source.path("vector");
        if (!vector.isArray() || vector.isEmpty()) {
            return document;
        }
        float[] values = new float[vector.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) vector.get(i).asDouble();
        }
        return document.withVector(values);
    }

    @Override
    public List<IndexDocument> missingVectors(int limit) {
        ObjectNode request = nodes.objectNode();
        request.put("size", Math.max(1, Math.min(limit, MAX_WINDOW)));
        request.putObject("query").putObject("term").put("vector_state", PENDING);
        request.putArray("sort").add("_doc");
        request.putArray("_source").add("source");
        List<IndexDocument> documents = new ArrayList<>();
        for (JsonNode hit : client.call("POST", layout.writeAlias() + "/_search", request).path("hits").path("hits")) {
            documents.add(read(hit.path("_source")));
        }
        return documents;
    }

    @Override
    public List<Highlight> highlight(String query, String text) {
        return new Highlighter(analysis).highlight(query, text);
    }

    @Override
    public IndexStats stats() {
        ObjectNode request = nodes.objectNode();
        request.put("size", 0);
        ObjectNode aggregations = request.putObject("aggs");
        aggregations.putObject("kinds").putObject("terms").put("field", "kind").put("size", 20);
        aggregations.putObject("states").putObject("terms").put("field", "vector_state").put("size", 10);
        JsonNode response = client.call("POST", layout.writeAlias() + "/_search", request).path("aggregations");
        Map<EntityKind, Long> documents = new EnumMap<>(EntityKind.class);
        for (EntityKind kind : EntityKind.values()) {
            documents.put(kind, 0L);
        }
        for (JsonNode bucket : response.path("kinds").path("buckets")) {
            documents.put(EntityKind.of(bucket.path("key").asString()), bucket.path("doc_count").asLong());
        }
        Map<String, Long> states = new HashMap<>();
        for (JsonNode bucket : response.path("states").path("buckets")) {
            states.put(bucket.path("key").asString(), bucket.path("doc_count").asLong());
        }
        long ready = states.getOrDefault(READY, 0L);
        return new IndexStats(documents, ready + states.getOrDefault(PENDING, 0L), ready, stamp);
    }

    /** The physical index searches go to now (for tests and operations). */
    public String searchedIndex() {
        return aliasTarget(layout.readAlias());
    }

    @Override
    public void close() {
        analysis.close();
    }
}

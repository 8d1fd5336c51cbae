package org.triplehelix.matching.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.BytesRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.triplehelix.matching.EntityKind;
import org.triplehelix.matching.IndexDocument;
import org.triplehelix.matching.IndexStats;
import org.triplehelix.matching.SearchFilter;
import org.triplehelix.matching.SearchHit;
import org.triplehelix.matching.SearchIndex;
import org.triplehelix.shared.RetriedLater;
import tools.jackson.databind.json.JsonMapper;

/**
 * The embedded Lucene index behind {@link SearchIndex}: one document per entity with its title and
 * body analyzed three ways (see {@link Analysis}), BM25 scoring, its links as doc values for the
 * aggregation to people and organizations, and its embedding in an int8-quantized HNSW graph.
 *
 * <p>The commit carries a version stamp (schema, analyzers, model): an index built with anything
 * else is cleared on open and reported {@link #stale()}, so the caller rebuilds it. When another
 * process holds the index's write lock, it is opened read-only.
 */
public final class LuceneSearchIndex implements SearchIndex {

    private static final Logger log = LoggerFactory.getLogger(LuceneSearchIndex.class);

    /**
     * Raise when the documents' fields or their analyzed text change: the index is then rebuilt
     * automatically. 4: illustrative records analyzed without the demo's label (IllustrativeLabel).
     */
    static final int SCHEMA_VERSION = 4;

    static final String STAMP = "stamp";

    private static final String KEY = "key", KIND = "kind", EXT_ID = "ext_id", TYPE = "type", TIER = "tier",
            REGION = "region", DISCIPLINE = "discipline", YEAR = "year", STATUS = "status", PEOPLE = "people",
            ORGANIZATIONS = "organizations", VECTOR = "vector", VECTOR_STATE = "vector_state", SOURCE = "source";
    private static final String TITLE = "title", BODY = "body";
    private static final String READY = "ready", PENDING = "pending", NONE = "none";
    /** Terms per analysis of a query: three analyses over two fields stay under Lucene's 1,024 clauses. */
    private static final int MAX_QUERY_TERMS = 160;

    private static final JsonMapper json = JsonMapper.builder().build();

    /** How much each way of analyzing counts in a lexical match. */
    public record Weights(float words, float bigrams, float english) {
    }

    private final Analysis analysis = new Analysis();
    private final Path path;
    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final PartitionedSearchers searcherFactory = new PartitionedSearchers(Runtime.getRuntime().availableProcessors());
    private final String stamp;
    private final int dimension;
    private final Weights weights;
    private final BM25Similarity similarity = new BM25Similarity();
    private volatile boolean stale;
    /** Set by {@link #clear()}: the commit that completes the rebuild merges the index into one segment. */
    private boolean rebuilding;

    /**
     * Opens (or creates) the index in {@code path} for embeddings of {@code model} with {@code dimension}
     * dimensions. BM25 with k1 = 1.2 and b = 0.75 (Robertson et al., Okapi at TREC-3, 1994; Lucene's
     * defaults), not tuned to any collection.
     */
    public LuceneSearchIndex(Path path, String model, int dimension, Weights weights) {
        this.stamp = "schema=" + SCHEMA_VERSION + ";analyzers=" + Analysis.DESCRIPTION + ";model=" + model + "/" + dimension;
        this.dimension = dimension;
        this.weights = weights;
        this.path = path;
        try {
            Files.createDirectories(path);
            this.directory = FSDirectory.open(path);
            this.writer = openWriter();
            this.searchers = writer != null ? new SearcherManager(writer, searcherFactory) : readOnlySearchers();
            if (writer != null && stale) {
                String built = state().get(STAMP);
                if (built == null) {
                    log.info("Creating the search index in {}", path);
                } else if (!built.equals(stamp)) {
                    log.info("The search index in {} was built with {}; it is rebuilt for {}", path, built, stamp);
                } else {
                    log.info("The search index in {} was left incomplete; it is rebuilt", path);
                }
                clear();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not open the search index in " + path + ": " + e.getMessage(), e);
        }
    }

    private IndexWriter openWriter() throws IOException {
        List<String> textFields = new ArrayList<>();
        for (EntityKind kind : EntityKind.values()) {
            textFields.add(textField(kind, TITLE));
            textFields.add(textField(kind, BODY));
        }
        IndexWriterConfig config = new IndexWriterConfig(analysis.perField(textFields))
                .setCodec(new HelixCodec())
                .setSimilarity(similarity)
                .setRAMBufferSizeMB(64)
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
        try {
            IndexWriter opened = new IndexWriter(directory, config);
            Map<String, String> committed = new HashMap<>();
            if (opened.getLiveCommitData() != null) {
                opened.getLiveCommitData().forEach(e -> committed.put(e.getKey(), e.getValue()));
            }
            stale = !stamp.equals(committed.get(STAMP)) || !"true".equals(committed.get(COMPLETE));
            return opened;
        } catch (LockObtainFailedException e) {
            log.warn("The search index in {} is in use by another process (a running serve on this --data): opening it read-only;"
                    + " the changes made here reach it when that process applies them", path);
            return null;
        }
    }

    private SearcherManager readOnlySearchers() throws IOException {
        if (!DirectoryReader.indexExists(directory)) {
            log.warn("The search index is locked by another process and was never committed: this one finds nothing");
            org.apache.lucene.store.Directory empty = new org.apache.lucene.store.ByteBuffersDirectory();
            try (IndexWriter emptyWriter = new IndexWriter(empty, new IndexWriterConfig())) {
                emptyWriter.commit();
            }
            stale = true;
            return new SearcherManager(DirectoryReader.open(empty), new SearcherFactory());
        }
        DirectoryReader reader = DirectoryReader.open(directory);
        Map<String, String> committed = reader.getIndexCommit().getUserData();
        stale = !stamp.equals(committed.get(STAMP)) || !"true".equals(committed.get(COMPLETE));
        return new SearcherManager(reader, searcherFactory);
    }

    @Override
    public boolean readOnly() {
        return writer == null;
    }

    @Override
    public boolean stale() {
        return stale;
    }

    // ---- writing

    @Override
    public void index(Collection<IndexDocument> documents) {
        try {
            for (IndexDocument document : documents) {
                writable().updateDocument(new Term(KEY, document.key()), toLucene(document));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void delete(EntityKind kind, Collection<String> extIds) {
        try {
            for (String extId : extIds) {
                writable().deleteDocuments(new Term(KEY, kind.id() + ":" + extId));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void clear() {
        try {
            writable().deleteAll();
            writable().setLiveCommitData(Map.of(STAMP, stamp, COMPLETE, "false").entrySet());
            writable().commit();
            stale = true;
            rebuilding = true;
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void commit(Map<String, String> state) {
        try {
            Map<String, String> data = new HashMap<>(state());
            data.putAll(state);
            data.put(STAMP, stamp);
            boolean complete = "true".equals(data.get(COMPLETE));
            if (complete && rebuilding) {
                // one segment: one HNSW graph to search instead of one per segment, and one term dictionary
                writable().forceMerge(1);
                rebuilding = false;
            }
            writable().setLiveCommitData(data.entrySet());
            writable().commit();
            stale = !complete;
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Merges the index into one segment (after a bulk load: the searches then walk one graph and one dictionary). */
    public synchronized void forceMerge() {
        try {
            writable().forceMerge(1);
            writable().commit();
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void refresh() {
        try {
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Map<String, String> state() {
        Map<String, String> data = new HashMap<>();
        Iterable<Map.Entry<String, String>> live = writer != null ? writer.getLiveCommitData() : null;
        if (live != null) {
            live.forEach(e -> data.put(e.getKey(), e.getValue()));
        } else if (writer == null) {
            IndexSearcher searcher = acquire();
            try {
                data.putAll(((DirectoryReader) searcher.getIndexReader()).getIndexCommit().getUserData());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                release(searcher);
            }
        }
        return data;
    }

    /**
     * The writer, or a refusal when another process holds the index (a command run while {@code serve}
     * runs on the same data): that process applies the change instead (it resubmits the change events
     * left incomplete here, and catches up from the database when it starts), so the refusal is
     * not a bug to print with its stack trace on the command's terminal.
     */
    private IndexWriter writable() {
        if (writer == null) {
            throw new RetriedLater("the search index in " + path + " is in use by another process (a running serve on"
                    + " this --data): stop that process first, or give this command another --data directory");
        }
        return writer;
    }

    private Document toLucene(IndexDocument d) {
        Document doc = new Document();
        doc.add(new StringField(KEY, d.key(), Field.Store.NO));
        doc.add(new StringField(KIND, d.kind().id(), Field.Store.NO));
        doc.add(new StringField(EXT_ID, d.extId(), Field.Store.NO));
        doc.add(new SortedDocValuesField(EXT_ID, new BytesRef(d.extId())));
        IndexDocument analyzed = d.analyzed();
        addText(doc, textField(d.kind(), TITLE), analyzed.titleZh(), analyzed.titleEn(), d.keywords());
        addText(doc, textField(d.kind(), BODY), analyzed.bodyZh(), analyzed.bodyEn(), List.of());
        addKeyword(doc, TYPE, d.type());
        addKeyword(doc, TIER, d.tier());
        addKeyword(doc, REGION, d.region());
        addKeyword(doc, DISCIPLINE, d.discipline());
        addKeyword(doc, STATUS, d.status());
        if (d.year() != null) {
            doc.add(new IntPoint(YEAR, d.year()));
        }
        d.people().forEach(p -> doc.add(new SortedSetDocValuesField(PEOPLE, new BytesRef(p))));
        d.organizations().forEach(o -> doc.add(new SortedSetDocValuesField(ORGANIZATIONS, new BytesRef(o))));
        if (d.vector() != null) {
            if (d.vector().length != dimension) {
                throw new IllegalArgumentException("a vector of " + d.vector().length + " dimensions for an index of " + dimension);
            }
            doc.add(new KnnFloatVectorField(vectorField(d.kind()), d.vector(), VectorSimilarityFunction.DOT_PRODUCT));
        }
        doc.add(new StringField(VECTOR_STATE, d.vector() != null ? READY : d.embeddingText() != null ? PENDING : NONE, Field.Store.NO));
        doc.add(new StoredField(SOURCE, json.writeValueAsBytes(d.withVector(null))));
        return doc;
    }

    private static void addText(Document doc, String base, String zh, String en, List<String> keywords) {
        StringBuilder chinese = new StringBuilder(zh == null ? "" : zh);
        StringBuilder english = new StringBuilder(en == null ? "" : en);
        for (String keyword : keywords) {
            (org.triplehelix.shared.Text.containsHan(keyword) ? chinese : english).append('\n').append(keyword);
        }
        if (!chinese.isEmpty()) {
            doc.add(new TextField(Analysis.Flavor.WORDS.field(base), chinese.toString(), Field.Store.NO));
            doc.add(new TextField(Analysis.Flavor.BIGRAMS.field(base), chinese.toString(), Field.Store.NO));
        }
        if (!english.isEmpty()) {
            doc.add(new TextField(Analysis.Flavor.ENGLISH.field(base), english.toString(), Field.Store.NO));
        }
    }

    private static void addKeyword(Document doc, String field, String value) {
        if (value != null && !value.isBlank()) {
            doc.add(new StringField(field, value, Field.Store.NO));
        }
    }

    // ---- searching

    @Override
    public List<SearchHit> lexical(EntityKind kind, String text, float titleWeight, float bodyWeight, float[] vector,
                                   SearchFilter filter, int k) {
        // one flat disjunction of weighted terms, so that Lucene's MaxScore skips whatever cannot
        // reach the first k (nested disjunctions only give it bounds for the whole of each field)
        BooleanQuery.Builder match = new BooleanQuery.Builder();
        int clauses = 0;
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
            clauses += addTerms(match, flavor.field(textField(kind, TITLE)), terms, weight * titleWeight);
            clauses += addTerms(match, flavor.field(textField(kind, BODY)), terms, weight * bodyWeight);
        }
        if (clauses == 0) {
            return List.of();
        }
        Query query = match.build();
        if (!filter.isEmpty()) {
            query = new BooleanQuery.Builder().add(query, Occur.MUST).add(filterQuery(kind, filter), Occur.FILTER).build();
        }
        return search(kind, query, k, vector, false);
    }

    private static int addTerms(BooleanQuery.Builder match, String field, List<String> terms, float weight) {
        if (weight <= 0) {
            return 0;
        }
        for (String term : terms) {
            Query clause = new TermQuery(new Term(field, term));
            match.add(weight == 1f ? clause : new BoostQuery(clause, weight), Occur.SHOULD);
        }
        return terms.size();
    }

    /** The text fields are per kind: no kind filter to intersect, and each kind has its own BM25 statistics. */
    private static String textField(EntityKind kind, String base) {
        return kind.id() + "." + base;
    }

    /** One vector field (one HNSW graph) per kind: a kNN search needs no filter to stay within its kind. */
    private static String vectorField(EntityKind kind) {
        return VECTOR + "." + kind.id();
    }

    @Override
    public List<SearchHit> nearest(EntityKind kind, float[] vector, SearchFilter filter, int k) {
        if (vector == null) {
            return List.of();
        }
        Query query = filter.isEmpty()
                ? new KnnFloatVectorQuery(vectorField(kind), vector, k)
                : new KnnFloatVectorQuery(vectorField(kind), vector, k, filterQuery(kind, filter));
        List<SearchHit> hits = new ArrayList<>(search(kind, query, k, vector, true));
        hits.sort(java.util.Comparator.comparingDouble((SearchHit h) -> -h.score()).thenComparing(SearchHit::extId));
        return hits;
    }

    private Query filterQuery(EntityKind kind, SearchFilter filter) {
        BooleanQuery.Builder query = new BooleanQuery.Builder().add(new TermQuery(new Term(KIND, kind.id())), Occur.FILTER);
        anyOf(query, TYPE, filter.types());
        anyOf(query, TIER, filter.tiers());
        anyOf(query, DISCIPLINE, filter.disciplines());
        anyOf(query, STATUS, filter.statuses());
        if (!filter.regions().isEmpty()) {
            BooleanQuery.Builder regions = new BooleanQuery.Builder();
            filter.regions().forEach(r -> regions.add(regionQuery(r), Occur.SHOULD));
            query.add(regions.build(), Occur.FILTER);
        }
        if (filter.yearFrom() != null || filter.yearTo() != null) {
            query.add(IntPoint.newRangeQuery(YEAR, filter.yearFrom() == null ? Integer.MIN_VALUE : filter.yearFrom(),
                    filter.yearTo() == null ? Integer.MAX_VALUE : filter.yearTo()), Occur.FILTER);
        }
        filter.excludeIds().forEach(id -> query.add(new TermQuery(new Term(KEY, kind.id() + ":" + id)), Occur.MUST_NOT));
        return query.build();
    }

    /** A region as given, or a GB/T 2260 code: 420000 (a province) covers 42xxxx, 420100 (a prefecture) 4201xx. */
    private static Query regionQuery(String region) {
        if (region.matches("\\d{6}")) {
            String prefix = region.endsWith("0000") ? region.substring(0, 2) : region.endsWith("00") ? region.substring(0, 4) : region;
            return new PrefixQuery(new Term(REGION, prefix));
        }
        return new TermQuery(new Term(REGION, region));
    }

    private static void anyOf(BooleanQuery.Builder query, String field, Set<String> values) {
        if (values.isEmpty()) {
            return;
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        values.forEach(v -> any.add(new TermQuery(new Term(field, v)), Occur.SHOULD));
        query.add(any.build(), Occur.FILTER);
    }

    /** Runs a query; with {@code vector}, adds each hit's exact cosine, which becomes its score when {@code byCosine}. */
    private List<SearchHit> search(EntityKind kind, Query query, int k, float[] vector, boolean byCosine) {
        IndexSearcher searcher = acquire();
        try {
            searcher.setSimilarity(similarity);
            ScoreDoc[] top = searcher.search(query, Math.max(1, k)).scoreDocs;
            // doc values and vectors are read segment by segment, in increasing doc order
            Integer[] order = new Integer[top.length];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            java.util.Arrays.sort(order, java.util.Comparator.comparingInt(i -> top[i].doc));
            SearchHit[] hits = new SearchHit[top.length];
            List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
            Segment segment = null;
            for (int i : order) {
                LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(top[i].doc, leaves));
                if (segment == null || segment.leaf != leaf) {
                    segment = new Segment(leaf, vectorField(kind));
                }
                int doc = top[i].doc - leaf.docBase;
                Float similarity = vector == null ? null : segment.cosine(doc, vector);
                float score = byCosine ? (similarity == null ? 0f : similarity) : top[i].score;
                hits[i] = new SearchHit(kind, segment.extId(doc), score, similarity, segment.people(doc), segment.organizations(doc));
            }
            return java.util.Arrays.asList(hits);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            release(searcher);
        }
    }

    /** The per-segment readers of a search's hits, advanced forward only. */
    private static final class Segment {

        final LeafReaderContext leaf;
        private final SortedDocValues extIds;
        private final SortedSetDocValues people;
        private final SortedSetDocValues organizations;
        private final FloatVectorValues vectors;
        private final KnnVectorValues.DocIndexIterator vectorDocs;

        Segment(LeafReaderContext leaf, String vectorField) throws IOException {
            this.leaf = leaf;
            this.extIds = leaf.reader().getSortedDocValues(EXT_ID);
            this.people = leaf.reader().getSortedSetDocValues(PEOPLE);
            this.organizations = leaf.reader().getSortedSetDocValues(ORGANIZATIONS);
            this.vectors = leaf.reader().getFloatVectorValues(vectorField);
            this.vectorDocs = vectors == null ? null : vectors.iterator();
        }

        String extId(int doc) throws IOException {
            return extIds != null && extIds.advanceExact(doc) ? extIds.lookupOrd(extIds.ordValue()).utf8ToString() : null;
        }

        List<String> people(int doc) throws IOException {
            return values(people, doc);
        }

        List<String> organizations(int doc) throws IOException {
            return values(organizations, doc);
        }

        Float cosine(int doc, float[] query) throws IOException {
            if (vectorDocs == null) {
                return null;
            }
            int at = vectorDocs.docID() >= doc ? vectorDocs.docID() : vectorDocs.advance(doc);
            return at == doc ? org.apache.lucene.util.VectorUtil.dotProduct(vectors.vectorValue(vectorDocs.index()), query) : null;
        }

        private static List<String> values(SortedSetDocValues values, int doc) throws IOException {
            if (values == null || !values.advanceExact(doc)) {
                return List.of();
            }
            List<String> result = new ArrayList<>(values.docValueCount());
            for (int i = 0; i < values.docValueCount(); i++) {
                result.add(values.lookupOrd(values.nextOrd()).utf8ToString());
            }
            return result;
        }
    }

    private static float[] vector(LeafReaderContext leaf, EntityKind kind, int doc) throws IOException {
        FloatVectorValues values = leaf.reader().getFloatVectorValues(vectorField(kind));
        if (values == null) {
            return null;
        }
        KnnVectorValues.DocIndexIterator iterator = values.iterator();
        return iterator.advance(doc) == doc ? values.vectorValue(iterator.index()).clone() : null;
    }

    @Override
    public Set<String> admitted(EntityKind kind, Collection<String> extIds, SearchFilter filter) {
        if (extIds.isEmpty()) {
            return Set.of();
        }
        List<BytesRef> keys = extIds.stream().map(id -> new BytesRef(kind.id() + ":" + id)).toList();
        Query query = new BooleanQuery.Builder()
                .add(new org.apache.lucene.search.TermInSetQuery(KEY, keys), Occur.FILTER)
                .add(filterQuery(kind, filter), Occur.FILTER)
                .build();
        Set<String> admitted = new java.util.HashSet<>();
        for (SearchHit hit : search(kind, query, extIds.size(), null, false)) {
            admitted.add(hit.extId());
        }
        return admitted;
    }

    @Override
    public List<IndexDocument> documents(EntityKind kind, List<String> extIds) {
        IndexSearcher searcher = acquire();
        try {
            List<IndexDocument> documents = new ArrayList<>(extIds.size());
            for (String extId : extIds) {
                TopDocs top = searcher.search(new TermQuery(new Term(KEY, kind.id() + ":" + extId)), 1);
                if (top.scoreDocs.length > 0) {
                    documents.add(read(searcher, top.scoreDocs[0].doc, true));
                }
            }
            return documents;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            release(searcher);
        }
    }

    /** Every document, with its vector, in index order (for benchmarks that copy an index). */
    public void forEachDocument(java.util.function.Consumer<IndexDocument> action) {
        IndexSearcher searcher = acquire();
        try {
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                org.apache.lucene.util.Bits live = leaf.reader().getLiveDocs();
                org.apache.lucene.index.StoredFields stored = leaf.reader().storedFields();
                for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
                    if (live == null || live.get(doc)) {
                        Document source = stored.document(doc, Set.of(SOURCE));
                        IndexDocument document = json.readValue(source.getBinaryValue(SOURCE).bytes, IndexDocument.class);
                        action.accept(document.withVector(vector(leaf, document.kind(), doc)));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            release(searcher);
        }
    }

    @Override
    public List<IndexDocument> missingVectors(int limit) {
        IndexSearcher searcher = acquire();
        try {
            TopDocs top = searcher.search(new TermQuery(new Term(VECTOR_STATE, PENDING)), Math.max(1, limit), Sort.INDEXORDER);
            List<IndexDocument> documents = new ArrayList<>(top.scoreDocs.length);
            for (ScoreDoc scoreDoc : top.scoreDocs) {
                documents.add(read(searcher, scoreDoc.doc, false));
            }
            return documents;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            release(searcher);
        }
    }

    private IndexDocument read(IndexSearcher searcher, int doc, boolean withVector) throws IOException {
        Document stored = searcher.storedFields().document(doc, Set.of(SOURCE));
        IndexDocument document = json.readValue(stored.getBinaryValue(SOURCE).bytes, IndexDocument.class);
        if (!withVector) {
            return document;
        }
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        return document.withVector(vector(leaf, document.kind(), doc - leaf.docBase));
    }

    @Override
    public List<Highlight> highlight(String query, String text) {
        return new Highlighter(analysis).highlight(query, text);
    }

    @Override
    public IndexStats stats() {
        IndexSearcher searcher = acquire();
        try {
            Map<EntityKind, Long> documents = new EnumMap<>(EntityKind.class);
            for (EntityKind kind : EntityKind.values()) {
                documents.put(kind, (long) searcher.count(new TermQuery(new Term(KIND, kind.id()))));
            }
            long ready = searcher.count(new TermQuery(new Term(VECTOR_STATE, READY)));
            long pending = searcher.count(new TermQuery(new Term(VECTOR_STATE, PENDING)));
            return new IndexStats(documents, ready + pending, ready, stamp);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            release(searcher);
        }
    }

    private IndexSearcher acquire() {
        try {
            return searchers.acquire();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void release(IndexSearcher searcher) {
        try {
            searchers.release(searcher);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            searchers.close();
            searcherFactory.close();
            if (writer != null) {
                writer.close();
            }
            directory.close();
            analysis.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.triplehelix.matching;

import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.triplehelix.matching.embedding.EmbeddingProperties;
import org.triplehelix.matching.embedding.EmbeddingStopped;
import org.triplehelix.matching.embedding.Embeddings;
import org.triplehelix.matching.embedding.JvmShutdown;
import org.triplehelix.matching.indexing.DocumentSource;
import org.triplehelix.shared.Counts;
import org.triplehelix.shared.RetriedLater;

/**
 * Keeps the search index derived from the database: full rebuilds, catching up with changes made
 * while nobody listened, applying change events, and filling in the embeddings. Vectors come from
 * the embedding cache when they were ever computed; the rest are computed afterwards, so lexical
 * matching works from the first commit.
 */
@Service
public class IndexMaintenance {

    private static final Logger log = LoggerFactory.getLogger(IndexMaintenance.class);
    private static final int BATCH = 500;
    /** Changes are re-read from a little before the last watermark: a transaction may commit after a later one. */
    private static final Duration SLACK = Duration.ofMinutes(10);
    private static final String WATERMARK = "watermark.";

    private final SearchIndex index;
    private final Map<EntityKind, DocumentSource> sources = new EnumMap<>(EntityKind.class);
    private final Embeddings embeddings;
    private final EmbeddingProperties embeddingProperties;
    /** Serializes writes of the same documents by the event listener and the embedding workers. */
    private final Object writes = new Object();
    /** Held by an embedding step, which {@link #close()} lets end before the index closes. */
    private final ReentrantLock step = new ReentrantLock();
    private volatile boolean closing;

    IndexMaintenance(SearchIndex index, List<DocumentSource> sources, Embeddings embeddings, EmbeddingProperties embeddingProperties) {
        this.index = index;
        sources.forEach(s -> this.sources.put(s.kind(), s));
        this.embeddings = embeddings;
        this.embeddingProperties = embeddingProperties;
    }

    /** Clears the index and reads everything again (vectors from the cache; the missing ones stay pending). */
    public synchronized void rebuild(Progress progress) {
        index.clear();
        Map<String, String> state = new HashMap<>();
        progress.start("indexing", sources.values().stream().mapToLong(DocumentSource::count).sum());
        AtomicLong done = new AtomicLong();
        for (DocumentSource source : sources.values()) {
            Instant mark = source.lastUpdate();
            readInto(source, null, progress, done);
            if (mark != null) {
                state.put(WATERMARK + source.kind().id(), mark.toString());
            }
        }
        state.put(SearchIndex.COMPLETE, "true");
        index.commit(state);
        progress.finish();
        log.info("Search index rebuilt: {} documents", done.get());
    }

    /**
     * Brings the index up to date: a rebuild when it is stale, else the records changed since the
     * last watermark (a rebuild when records were deleted unseen); then the missing embeddings.
     */
    public void catchUp(Progress progress) {
        catchUpLexical(progress);
        if (embeddings.enabled()) {
            embedMissing(progress, embeddingProperties.threads());
        }
    }

    /** Brings the documents up to date, leaving the missing embeddings for later. */
    public synchronized void catchUpLexical(Progress progress) {
        if (index.readOnly()) {
            log.warn("The search index is held by another process: ranking over it as it is");
        } else if (index.stale() || !readChanges()) {
            rebuild(progress);
        }
    }

    private boolean readChanges() {
        Map<String, String> state = new HashMap<>(index.state());
        for (DocumentSource source : sources.values()) {
            String mark = state.get(WATERMARK + source.kind().id());
            Instant latest = source.lastUpdate();
            if (latest != null && (mark == null || latest.isAfter(Instant.parse(mark)))) {
                Instant since = mark == null ? null : Instant.parse(mark).minus(SLACK);
                readInto(source, since, Progress.NONE, new AtomicLong());
                state.put(WATERMARK + source.kind().id(), latest.toString());
            }
        }
        index.commit(state);
        IndexStats stats = index.stats();
        for (DocumentSource source : sources.values()) {
            if (stats.documents().getOrDefault(source.kind(), 0L) != source.count()) {
                log.info("The index holds {} {} documents, the database {}: rebuilding", stats.documents().get(source.kind()),
                        source.kind().id(), source.count());
                return false;
            }
        }
        return true;
    }

    private void readInto(DocumentSource source, Instant since, Progress progress, AtomicLong done) {
        List<IndexDocument> batch = new ArrayList<>(BATCH);
        source.forEach(since, document -> {
            batch.add(document);
            if (batch.size() == BATCH) {
                write(batch);
                progress.advance(done.addAndGet(batch.size()));
                batch.clear();
            }
        });
        write(batch);
        progress.advance(done.addAndGet(batch.size()));
    }

    /** Writes documents with the vectors the cache already has. */
    private void write(List<IndexDocument> documents) {
        if (documents.isEmpty()) {
            return;
        }
        Set<String> texts = documents.stream().map(IndexDocument::embeddingText).filter(Objects::nonNull).collect(Collectors.toSet());
        Map<String, float[]> cached = embeddings.enabled() ? embeddings.cached(texts) : Map.of();
        List<IndexDocument> withVectors = documents.stream()
                .map(d -> d.embeddingText() == null ? d : d.withVector(cached.get(d.embeddingText())))
                .toList();
        synchronized (writes) {
            index.index(withVectors);
        }
    }

    /**
     * Applies a change event: the records that still exist are written again, the others deleted.
     * While another process holds the index (a command run next to {@code serve}) this one cannot
     * write it: {@link HeldElsewhere} leaves the event's publication incomplete, for the holder to
     * resubmit, and is not logged as an error (the index logged it once, when it opened read-only).
     */
    public void apply(EntityKind kind, Collection<String> extIds) {
        DocumentSource source = sources.get(kind);
        if (source == null || extIds.isEmpty()) {
            return;
        }
        if (index.readOnly()) {
            throw new HeldElsewhere(extIds.size() + " " + kind.id() + " " + Counts.noun(extIds.size(), "change")
                    + (extIds.size() == 1 ? " waits" : " wait") + " for the process holding the search index");
        }
        List<String> ids = List.copyOf(new HashSet<>(extIds));
        for (int from = 0; from < ids.size(); from += BATCH) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + BATCH));
            List<IndexDocument> found = source.find(chunk);
            Set<String> present = found.stream().map(IndexDocument::extId).collect(Collectors.toSet());
            synchronized (writes) {
                index.delete(kind, chunk.stream().filter(id -> !present.contains(id)).toList());
            }
            write(found);
        }
        index.commit(Map.of());
    }

    /**
     * Computes the missing embeddings with {@code threads} threads until none is missing (the command
     * line), reporting progress. Stops after the texts in progress when the process is asked to stop
     * (Ctrl-C): what was computed is cached and written, the rest is left pending for the next run.
     */
    public void embedMissing(Progress progress, int threads) {
        long pending = index.stats().pendingVectors();
        if (pending == 0 || index.readOnly()) {
            return;
        }
        progress.start("embedding", pending);
        long done = 0;
        try (ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads))) {
            int embedded;
            while (!stopping(NEVER) && (embedded = embedPending(64 * Math.max(1, threads), pool, NEVER)) > 0) {
                done += embedded;
                progress.advance(Math.min(done, pending));
            }
        }
        if (stopping(NEVER)) {
            throw new EmbeddingStopped("embedding stopped as the process stops: the vectors computed are kept, the next run computes the others");
        }
        index.commit(Map.of());
        progress.finish();
    }

    private static final BooleanSupplier NEVER = () -> false;

    /**
     * One step of the background worker: embeds up to {@code limit} pending documents in {@code pool}
     * and writes them with their vectors; returns how many were pending (0: nothing to do). Once
     * {@code stop} says so (or the process stops), each thread ends after the text it is computing:
     * the documents whose text was computed are written, the others stay pending, as whole vectors
     * are all the cache ever holds.
     */
    public int embedPending(int limit, ExecutorService pool, BooleanSupplier stop) {
        step.lock();
        try {
            if (stopping(stop)) {
                return 0;
            }
            List<IndexDocument> pending = index.missingVectors(limit);
            if (pending.isEmpty()) {
                return 0;
            }
            Computed computed = computeAll(pending.stream().map(IndexDocument::embeddingText).distinct().toList(), pool, stop);
            Map<EntityKind, List<IndexDocument>> byKind = pending.stream().collect(Collectors.groupingBy(IndexDocument::kind));
            synchronized (writes) {
                List<IndexDocument> updated = new ArrayList<>();
                byKind.forEach((kind, documents) -> {
                    // written only if the document did not change while its embedding was computed
                    Map<String, IndexDocument> current = index.documents(kind, documents.stream().map(IndexDocument::extId).toList())
                            .stream().collect(Collectors.toMap(IndexDocument::extId, Function.identity()));
                    for (IndexDocument document : documents) {
                        IndexDocument now = current.get(document.extId());
                        if (now != null && now.vector() == null && Objects.equals(now.embeddingText(), document.embeddingText())) {
                            float[] vector = computed.vectors().get(document.embeddingText());
                            if (vector != null) {
                                updated.add(now.withVector(vector));
                            } else if (computed.refused().contains(document.embeddingText())) {
                                updated.add(unembeddable(now));
                            } // else not computed: the stop came first, it stays pending
                        }
                    }
                });
                index.index(updated);
            }
            index.refresh();
            return pending.size();
        } finally {
            step.unlock();
        }
    }

    /** Whether embedding is to stop: asked by the caller, this application closing, or the JVM shutting down. */
    private boolean stopping(BooleanSupplier stop) {
        return closing || stop.getAsBoolean() || JvmShutdown.begun();
    }

    /**
     * This application closes: an embedding step in progress (a command's, in its main thread) ends after
     * its texts in progress and writes them before the index closes, and no other begins.
     */
    @PreDestroy
    void close() throws InterruptedException {
        closing = true;
        if (step.tryLock(30, TimeUnit.SECONDS)) {
            step.unlock();
        }
    }

    /** The vectors computed or cached, by text, and the texts the model refused (not those the stop left). */
    private record Computed(Map<String, float[]> vectors, Set<String> refused) {
    }

    private Computed computeAll(List<String> texts, ExecutorService pool, BooleanSupplier stop) {
        Map<String, float[]> vectors = new HashMap<>(embeddings.cached(texts));
        Set<String> refused = new HashSet<>();
        List<String> missing = texts.stream().filter(t -> !vectors.containsKey(t)).toList();
        int slices = Math.max(1, Math.min(missing.size(), 8));
        List<Future<Computed>> futures = new ArrayList<>();
        for (int s = 0; s < slices; s++) {
            List<String> slice = new ArrayList<>();
            for (int i = s; i < missing.size(); i += slices) {
                slice.add(missing.get(i));
            }
            futures.add(pool.submit(() -> embedSafely(slice, stop)));
        }
        for (Future<Computed> future : futures) {
            try {
                Computed slice = future.get();
                vectors.putAll(slice.vectors());
                refused.addAll(slice.refused());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while embedding", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("embedding failed: " + e.getCause().getMessage(), e.getCause());
            }
        }
        return new Computed(vectors, refused);
    }

    /**
     * Embeds texts one by one, each cached whole as soon as it is computed; a text the model refuses is
     * left out (its document gives up its vector). Ends before the next text once embedding is to stop;
     * a failure then is the stop's doing (ONNX Runtime closes at JVM exit), neither logged nor a refusal.
     */
    private Computed embedSafely(List<String> texts, BooleanSupplier stop) {
        Map<String, float[]> vectors = new HashMap<>();
        Set<String> refused = new HashSet<>();
        for (String text : texts) {
            if (stopping(stop)) {
                break;
            }
            try {
                vectors.putAll(embeddings.embed(List.of(text)));
            } catch (EmbeddingStopped e) {
                break;
            } catch (RuntimeException e) {
                if (stopping(stop)) {
                    break;
                }
                log.warn("Could not embed a text of {} characters: {}", text.length(), e.getMessage());
                refused.add(text);
            }
        }
        return new Computed(vectors, refused);
    }

    private static IndexDocument unembeddable(IndexDocument d) {
        return new IndexDocument(d.kind(), d.extId(), d.titleZh(), d.titleEn(), d.bodyZh(), d.bodyEn(), d.keywords(), d.type(),
                d.tier(), d.region(), d.discipline(), d.year(), d.people(), d.organizations(), d.status(), null, null, d.illustrative());
    }

    /** Commits what the background worker wrote since the last commit. */
    public void commit() {
        index.commit(Map.of());
    }

    /** Titles of indexed outputs, spread over the index, to use as sample demands. */
    public List<String> sampleTitles(int count) {
        List<String> titles = new ArrayList<>();
        if (index instanceof org.triplehelix.matching.lucene.LuceneSearchIndex lucene) {
            long total = index.stats().documents().getOrDefault(EntityKind.OUTPUT, 0L);
            long step = Math.max(1, total / Math.max(1, count));
            AtomicLong seen = new AtomicLong();
            lucene.forEachDocument(d -> {
                if (d.kind() == EntityKind.OUTPUT && seen.getAndIncrement() % step == 0 && titles.size() < count) {
                    titles.add(d.title());
                }
            });
        }
        return titles;
    }

    /**
     * Why the index, held by another process (a {@code serve} on the same data), is not what this
     * process's catch-up would have made it, or null when it is (or when this process holds it): a
     * rebuild pending, documents missing or left over, vectors still to compute. A batch run must rank
     * over the whole corpus (INTERCHANGE.md), and this process cannot write the index to make it so.
     */
    public String behindElsewhere() {
        if (!index.readOnly()) {
            return null;
        }
        IndexStatus status = status();
        if (status.stale()) {
            return "it waits for a rebuild";
        }
        for (Map.Entry<EntityKind, Long> kind : status.database().entrySet()) {
            long held = status.index().documents().getOrDefault(kind.getKey(), 0L);
            if (held != kind.getValue()) {
                return "it holds " + held + " " + kind.getKey().id() + " " + Counts.noun(held, "document") + ", the database " + kind.getValue();
            }
        }
        if (embeddings.enabled() && status.index().pendingVectors() > 0) {
            return "the semantic index is " + status.semanticPercent() + "% ready (" + Counts.of(status.index().pendingVectors(), "vector")
                    + " still to compute)";
        }
        return null;
    }

    public IndexStatus status() {
        Map<EntityKind, Long> database = new EnumMap<>(EntityKind.class);
        sources.forEach((kind, source) -> database.put(kind, source.count()));
        return new IndexStatus(index.stats(), database, index.stale(), index.readOnly(),
                embeddings.enabled() ? embeddings.cachedCount() : 0, embeddings.model());
    }

    /** A change this process cannot write to the index, which another process holds; retried by that one. */
    static final class HeldElsewhere extends RetriedLater {

        HeldElsewhere(String message) {
            super(message);
        }
    }
}

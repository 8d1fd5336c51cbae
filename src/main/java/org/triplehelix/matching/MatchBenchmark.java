package org.triplehelix.matching;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;
import org.triplehelix.matching.embedding.Embedder;
import org.triplehelix.matching.embedding.Embeddings;
import org.triplehelix.matching.lucene.LuceneSearchIndex;
import org.triplehelix.matching.ranking.PhaseTimes;
import org.triplehelix.matching.ranking.Ranker;
import org.triplehelix.matching.ranking.RankingProperties;
import org.triplehelix.shared.HelixProperties;

/**
 * {@code helix bench match}: how fast matching is on this machine. Optionally on a corpus scaled up
 * from the real one by synthetic copies (every output, person and organization copied with new ids,
 * each copy's vector moved by a little noise): fine for speed, meaningless for quality. Reports the
 * indexing rates (lexical only, and with vectors), the latency of one match including the query's
 * embedding (p50, p95, p99), the throughput of concurrent clients, the peak heap, and the embedding
 * rate through the platform against the model's own.
 */
@Component
public class MatchBenchmark {

    private final SearchIndex index;
    private final Embedder embedder;
    private final Embeddings embeddings;
    private final RankingProperties ranking;
    private final HelixProperties helix;

    MatchBenchmark(SearchIndex index, Embedder embedder, Embeddings embeddings, RankingProperties ranking, HelixProperties helix) {
        this.index = index;
        this.embedder = embedder;
        this.embeddings = embeddings;
        this.ranking = ranking;
        this.helix = helix;
    }

    /**
     * @param keep where to build the scaled-up corpus and keep it for the next run (null: a scratch
     *             directory, deleted afterwards); a complete index found there is measured as it is
     */
    /**
     * @param queries the measured matches take the first {@code matches}; the warm-up takes the next
     *                {@code warmup} (the measured ones again when there are no others)
     * @param warmup  matches run before the measurements, so that they see the JIT-compiled code a
     *                running server has, not the interpreter's first minutes
     */
    public record Options(int scale, List<String> queries, int matches, int warmup, int clients, EntityKind target, int k,
                          int embeddingSample, Path keep) {
    }

    /** Milliseconds per match; {@code embedding} is the mean share of the query's embedding. */
    /**
     * Milliseconds per match; {@code embedding} is the mean share of the query's embedding;
     * {@code cpu} the process's CPU time per match (all its threads, the model's included): on a
     * shared machine the wall-clock figures grow with the others' load, this one much less.
     */
    public record Latency(double p50, double p95, double p99, double max, double mean, double embedding, double cpu) {
    }

    /**
     * @param outputsLexicalPerSecond outputs per second while building the lexical index (all kinds counted in the documents' rate)
     * @param mergeSeconds            the merge into one segment after the build (0 when nothing was built)
     * @param phases                  mean milliseconds per single match in each phase of the ranking
     */
    public record Report(Map<EntityKind, Long> documents, double lexicalDocsPerSecond, double outputsLexicalPerSecond,
                         double indexedDocsPerSecond, double mergeSeconds, Latency single, Map<String, Double> phases,
                         double matchesPerSecond, int clients, long peakHeapBytes, long liveHeapBytes, long maxHeapBytes,
                         String collector, double modelRate, double platformRate, double loadAverage, int cores) {
    }

    public Report run(Options options, Progress progress) {
        Path scratch = options.keep() != null ? options.keep() : scratch();
        try {
            SearchIndex target = index;
            Built lexical = Built.NONE;
            Built full = Built.NONE;
            if (options.scale() > 1) {
                // the lexical build is measured every time; the build with vectors (slow: HNSW) is kept when asked
                lexical = build(scratch.resolve("lexical"), options.scale(), false, progress);
                full = reuse(scratch.resolve("full"));
                if (full == null) {
                    full = build(scratch.resolve("full"), options.scale(), true, progress);
                }
                target = full.index();
            }
            try {
                PhaseTimes phases = new PhaseTimes();
                Ranker ranker = new Ranker(target, ranking, phases);
                List<String> queries = options.queries();
                Latency single = single(ranker, phases, queries, options, progress);
                Map<String, Double> perPhase = new java.util.LinkedHashMap<>();
                phases.meanMillis().forEach((phase, millis) -> perPhase.put(phase.name().toLowerCase(java.util.Locale.ROOT), millis));
                double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
                double throughput = concurrent(ranker, queries, options, progress);
                long peak = peakHeap();
                long live = liveHeap();
                double[] rates = embeddingRates(queries, options.embeddingSample());
                return new Report(target.stats().documents(), lexical.rate(), lexical.outputRate(), full.rate(), full.mergeSeconds(),
                        single, perPhase, throughput, options.clients(), peak, live, Runtime.getRuntime().maxMemory(), collector(), rates[0], rates[1],
                        load, Runtime.getRuntime().availableProcessors());
            } finally {
                if (target != index) {
                    target.close();
                }
            }
        } finally {
            if (options.keep() == null) {
                delete(scratch);
            }
        }
    }

    /** A complete scaled-up index kept by an earlier run, or null. */
    private Built reuse(Path directory) {
        if (!Files.isDirectory(directory)) {
            return null;
        }
        LuceneSearchIndex kept = open(directory);
        if (kept.stale()) {
            kept.close();
            return null;
        }
        return new Built(kept, 0, 0, 0);
    }

    private LuceneSearchIndex open(Path directory) {
        return new LuceneSearchIndex(directory, embedder.model(), embedder.dimension(),
                new LuceneSearchIndex.Weights(ranking.wordsWeight(), ranking.bigramsWeight(), ranking.englishWeight()));
    }

    private record Built(SearchIndex index, double rate, double outputRate, double mergeSeconds) {

        static final Built NONE = new Built(null, 0, 0, 0);
    }

    /** Copies the index {@code scale} times into {@code directory}; the rate counts documents written and committed. */
    private Built build(Path directory, int scale, boolean vectors, Progress progress) {
        LuceneSearchIndex source = (LuceneSearchIndex) index;
        long total = index.stats().total() * scale;
        LuceneSearchIndex copy = open(directory);
        copy.clear();
        long outputs = index.stats().documents().getOrDefault(EntityKind.OUTPUT, 0L) * scale;
        progress.start(vectors ? "copying" : "lexical", total);
        long started = System.nanoTime();
        AtomicInteger written = new AtomicInteger();
        Random noise = new Random(42);
        for (int c = 0; c < scale; c++) {
            int copyNumber = c;
            List<IndexDocument> batch = new ArrayList<>();
            source.forEachDocument(d -> {
                batch.add(copy(d, copyNumber, vectors, noise));
                if (batch.size() == 1000) {
                    copy.index(batch);
                    batch.clear();
                    progress.advance(written.addAndGet(1000));
                }
            });
            copy.index(batch);
            progress.advance(written.addAndGet(batch.size()));
        }
        copy.commit(Map.of());
        if (!vectors) {
            double seconds = (System.nanoTime() - started) / 1e9;
            progress.finish();
            copy.close();
            delete(directory);
            return new Built(null, written.get() / seconds, outputs / seconds, 0);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        progress.finish();
        long merging = System.nanoTime();
        copy.commit(Map.of(SearchIndex.COMPLETE, "true")); // the commit completing a build merges into one segment
        return new Built(copy, written.get() / seconds, outputs / seconds, (System.nanoTime() - merging) / 1e9);
    }

    private static IndexDocument copy(IndexDocument d, int copy, boolean withVector, Random noise) {
        Function<String, String> id = s -> copy == 0 ? s : s + "~" + copy;
        float[] vector = withVector && d.vector() != null ? (copy == 0 ? d.vector() : jitter(d.vector(), noise)) : null;
        return new IndexDocument(d.kind(), id.apply(d.extId()), d.titleZh(), d.titleEn(), d.bodyZh(), d.bodyEn(), d.keywords(),
                d.type(), d.tier(), d.region(), d.discipline(), d.year(), d.people().stream().map(id).toList(),
                d.organizations().stream().map(id).toList(), d.status(), withVector ? d.embeddingText() : null, vector, d.illustrative());
    }

    private static float[] jitter(float[] vector, Random noise) {
        float[] moved = new float[vector.length];
        double norm = 0;
        for (int i = 0; i < vector.length; i++) {
            moved[i] = vector[i] + (float) (noise.nextGaussian() * 0.02);
            norm += moved[i] * moved[i];
        }
        for (int i = 0; i < moved.length; i++) {
            moved[i] /= (float) Math.sqrt(norm);
        }
        return moved;
    }

    /** One match after the other: the query embedded by the model (no cache), ranked, its top k explained-ready. */
    private Latency single(Ranker ranker, PhaseTimes phases, List<String> queries, Options options, Progress progress) {
        int n = Math.min(options.matches(), queries.size());
        double[] millis = new double[n];
        List<String> others = queries.subList(n, queries.size());
        List<String> warmup = others.isEmpty() ? queries.subList(0, n) : others;
        progress.start("warm-up", options.warmup());
        for (int i = 0; i < options.warmup() && !warmup.isEmpty(); i++) {
            once(ranker, warmup.get(i % warmup.size()), options);
            progress.advance(i + 1);
        }
        progress.finish();
        phases.reset();
        long cpuStarted = processCpuNanos();
        progress.start("latency", n);
        double embedding = 0;
        for (int i = 0; i < n; i++) {
            long started = System.nanoTime();
            float[] vector = embedder.embedQuery(queries.get(i));
            long embedded = System.nanoTime();
            ranker.rank(options.target(), queries.get(i), vector, SearchFilter.NONE).stream().limit(options.k()).toList();
            millis[i] = (System.nanoTime() - started) / 1e6;
            embedding += (embedded - started) / 1e6;
            progress.advance(i + 1);
        }
        progress.finish();
        Arrays.sort(millis);
        double cpu = n == 0 ? 0 : (processCpuNanos() - cpuStarted) / 1e6 / n;
        return new Latency(percentile(millis, 0.50), percentile(millis, 0.95), percentile(millis, 0.99), n == 0 ? 0 : millis[n - 1],
                Arrays.stream(millis).average().orElse(0), n == 0 ? 0 : embedding / n, cpu);
    }

    private double concurrent(Ranker ranker, List<String> queries, Options options, Progress progress) {
        int n = Math.min(options.matches(), queries.size());
        progress.start("throughput", n);
        AtomicInteger done = new AtomicInteger();
        long started = System.nanoTime();
        try (ExecutorService clients = Executors.newFixedThreadPool(options.clients())) {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String query = queries.get(i);
                futures.add(clients.submit(() -> {
                    once(ranker, query, options);
                    progress.advance(done.incrementAndGet());
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
        progress.finish();
        return n / ((System.nanoTime() - started) / 1e9);
    }

    private void once(Ranker ranker, String query, Options options) {
        float[] vector = embedder.embedQuery(query);
        ranker.rank(options.target(), query, vector, SearchFilter.NONE).stream().limit(options.k()).toList();
    }

    /** Texts per second: the bare model, and the platform's path (cache lookup, model, cache write). */
    private double[] embeddingRates(List<String> queries, int sample) {
        List<String> texts = queries.stream().limit(sample).map(q -> q + " " + System.nanoTime()).toList();
        if (texts.isEmpty()) {
            return new double[] {0, 0};
        }
        long started = System.nanoTime();
        texts.forEach(embedder::embed);
        double model = texts.size() / ((System.nanoTime() - started) / 1e9);
        List<String> fresh = texts.stream().map(t -> t + "·").toList();
        started = System.nanoTime();
        fresh.forEach(t -> embeddings.embed(List.of(t)));
        double platform = fresh.size() / ((System.nanoTime() - started) / 1e9);
        return new double[] {model, platform};
    }

    private static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.clamp(i, 0, sorted.length - 1)];
    }

    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }

    /** The heap in use after a full collection, the index and the model still open: what matching needs to keep. */
    private static long liveHeap() {
        System.gc();
        long used = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                used += pool.getUsage().getUsed();
            }
        }
        return used;
    }

    private static String collector() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(java.lang.management.GarbageCollectorMXBean::getName)
                .collect(java.util.stream.Collectors.joining(", "));
    }

    private static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }

    private Path scratch() {
        try {
            Path parent = helix.data().toAbsolutePath().resolve("bench");
            Files.createDirectories(parent);
            return Files.createTempDirectory(parent, "match-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // a leftover scratch directory is harmless
        }
    }
}

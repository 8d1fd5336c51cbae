package org.triplehelix.matching;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Service;
import org.triplehelix.matching.embedding.Embeddings;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Batch matching (INTERCHANGE.md): demands as JSON Lines ({@code {"id", "text"[, "target"]}}) to a
 * ranking in the TREC run format, {@code q1 Q0 person-3f2a9c1d0b7e 1 17.2345 triple-helix}.
 */
@Service
public class BatchMatching {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final MatchService matching;
    private final Embeddings embeddings;

    BatchMatching(MatchService matching, Embeddings embeddings) {
        this.matching = matching;
        this.embeddings = embeddings;
    }

    public record Query(String id, String text, EntityKind target) {
    }

    /** Reads the queries of a file; a query without a target gets {@code defaultTarget}. */
    public List<Query> read(Path file, EntityKind defaultTarget) {
        try {
            List<Query> queries = new ArrayList<>();
            int line = 0;
            for (String row : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                line++;
                if (row.isBlank()) {
                    continue;
                }
                JsonNode node = JSON.readTree(row);
                if (!node.hasNonNull("id") || !node.hasNonNull("text")) {
                    throw new org.triplehelix.shared.InvalidInputException("queries", file + ":" + line + ": a query needs \"id\" and \"text\"");
                }
                EntityKind target = node.hasNonNull("target") ? EntityKind.of(node.get("target").asString()) : defaultTarget;
                queries.add(new Query(node.get("id").asString(), node.get("text").asString(), target));
            }
            return queries;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Ranks every query (embedding the ones not in the cache first, with progress) with
     * {@code threads} threads and writes the run, queries in the file's order.
     */
    public void run(List<Query> queries, int k, String tag, int threads, Writer out, Progress progress) {
        Map<String, float[]> vectors = embed(queries, progress);
        progress.start("matching", queries.size());
        AtomicLong done = new AtomicLong();
        try (ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads))) {
            List<Future<List<String>>> futures = new ArrayList<>();
            for (Query query : queries) {
                futures.add(pool.submit(() -> {
                    List<String> lines = rank(query, k, tag, vectors.get(query.text()));
                    synchronized (progress) {
                        progress.advance(done.incrementAndGet());
                    }
                    return lines;
                }));
            }
            for (Future<List<String>> future : futures) {
                for (String line : future.get()) {
                    out.write(line);
                    out.write('\n');
                }
            }
            out.flush();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        progress.finish();
    }

    /** Runs the queries of a file into a run file. */
    public void run(Path queries, EntityKind defaultTarget, int k, String tag, int threads, Path run, Progress progress) {
        try {
            if (run.toAbsolutePath().getParent() != null) {
                Files.createDirectories(run.toAbsolutePath().getParent());
            }
            try (BufferedWriter out = Files.newBufferedWriter(run, StandardCharsets.UTF_8)) {
                run(read(queries, defaultTarget), k, tag, threads, out, progress);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> rank(Query query, int k, String tag, float[] vector) {
        List<String> lines = new ArrayList<>();
        int rank = 0;
        for (MatchService.Ranked hit : matching.rank(new MatchRequest(query.text(), query.target(), k, SearchFilter.NONE, false), vector)) {
            lines.add(String.format(Locale.ROOT, "%s Q0 %s %d %.4f %s", query.id(), hit.extId(), ++rank, hit.score(), tag));
        }
        return lines;
    }

    private Map<String, float[]> embed(List<Query> queries, Progress progress) {
        Map<String, float[]> vectors = new HashMap<>();
        if (!embeddings.enabled()) {
            return vectors;
        }
        progress.start("queries", queries.size());
        int done = 0;
        for (Query query : queries) {
            if (!vectors.containsKey(query.text())) {
                vectors.put(query.text(), embeddings.query(query.text()));
            }
            progress.advance(++done);
        }
        progress.finish();
        return vectors;
    }
}

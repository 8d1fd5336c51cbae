package org.triplehelix.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.context.ConfigurableApplicationContext;
import org.triplehelix.matching.EntityKind;
import org.triplehelix.matching.IndexMaintenance;
import org.triplehelix.matching.MatchHit;
import org.triplehelix.matching.MatchRequest;
import org.triplehelix.matching.MatchResult;
import org.triplehelix.matching.MatchService;
import org.triplehelix.matching.SearchFilter;
import org.triplehelix.matching.SearchIndex.Highlight;
import org.triplehelix.matching.embedding.Embeddings;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code helix match}: a batch of demands to a TREC run (INTERCHANGE.md, Batch matching), or one
 * demand to a readable list of hits with their reasons. Either way the index is first brought up to
 * date, embeddings included, so a run always ranks over the whole corpus.
 */
@Command(name = "match", description = "Rank experts, organizations, outputs or facilities for demands.")
class MatchCommand implements Callable<Integer> {

    @ParentCommand
    HelixCommand global;

    @ArgGroup(multiplicity = "1")
    Input input;

    static class Input {
        @Option(names = "--batch", paramLabel = "QUERIES.jsonl", description = "Demands, one JSON object a line: {\"id\", \"text\"[, \"target\"]}.")
        Path batch;

        @Option(names = "--text", paramLabel = "TEXT", description = "One demand, in Chinese or English.")
        String text;
    }

    @Option(names = "--target", defaultValue = "person", description = "person, organization, output, facility or demand (default: person).")
    String target;

    @Option(names = "--k", defaultValue = "100", description = "Hits per demand (default: 100; 10 with --text).")
    int k;

    @Option(names = "--run", paramLabel = "RUN.txt", description = "Where to write the TREC run (default: standard output).")
    Path run;

    @Option(names = "--tag", defaultValue = "triple-helix", description = "The run tag, last column of the run (default: triple-helix).")
    String tag;

    @Option(names = "--threads", description = "Threads ranking the batch (default: 2).")
    Integer threads;

    @Option(names = "--spread", description = "Spread the hits across organizations.")
    boolean spread;

    @Override
    public Integer call() throws Exception {
        EntityKind kind = EntityKind.of(target);
        try (ConfigurableApplicationContext services = Platform.services(global)) {
            services.getBean(IndexMaintenance.class).catchUp(new IndexCommand.Bar(System.err));
            MatchService matching = services.getBean(MatchService.class);
            if (input.text != null) {
                int hits = k == 100 ? 10 : k;
                print(matching.match(new MatchRequest(input.text, kind, hits, SearchFilter.NONE, spread)), System.out);
                return 0;
            }
            List<Query> queries = read(input.batch, kind);
            Map<String, float[]> vectors = embed(services.getBean(Embeddings.class), queries);
            List<List<String>> lines = rank(matching, queries, vectors);
            write(lines);
            return 0;
        }
    }

    record Query(String id, String text, EntityKind target) {
    }

    private static List<Query> read(Path batch, EntityKind defaultTarget) throws IOException {
        JsonMapper json = JsonMapper.builder().build();
        List<Query> queries = new ArrayList<>();
        int line = 0;
        for (String row : Files.readAllLines(batch, StandardCharsets.UTF_8)) {
            line++;
            if (row.isBlank()) {
                continue;
            }
            JsonNode node = json.readTree(row);
            if (!node.hasNonNull("id") || !node.hasNonNull("text")) {
                throw new IllegalArgumentException(batch + ":" + line + ": a query needs \"id\" and \"text\"");
            }
            EntityKind kind = node.hasNonNull("target") ? EntityKind.of(node.get("target").asString()) : defaultTarget;
            queries.add(new Query(node.get("id").asString(), node.get("text").asString(), kind));
        }
        return queries;
    }

    /** The queries' vectors, from the cache or computed now (with a progress bar). */
    private static Map<String, float[]> embed(Embeddings embeddings, List<Query> queries) {
        Map<String, float[]> vectors = new java.util.HashMap<>();
        if (!embeddings.enabled()) {
            return vectors;
        }
        IndexCommand.Bar bar = new IndexCommand.Bar(System.err);
        bar.start("queries", queries.size());
        int done = 0;
        for (Query query : queries) {
            vectors.computeIfAbsent(query.text(), embeddings::query);
            bar.advance(++done);
        }
        bar.finish();
        return vectors;
    }

    private List<List<String>> rank(MatchService matching, List<Query> queries, Map<String, float[]> vectors)
            throws InterruptedException, ExecutionException {
        IndexCommand.Bar bar = new IndexCommand.Bar(System.err);
        bar.start("matching", queries.size());
        AtomicLong done = new AtomicLong();
        List<Future<List<String>>> futures = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads != null ? Math.max(1, threads) : 2)) {
            for (Query query : queries) {
                futures.add(pool.submit(() -> {
                    List<String> lines = new ArrayList<>();
                    MatchRequest request = new MatchRequest(query.text(), query.target(), k, SearchFilter.NONE, spread);
                    int rank = 0;
                    for (MatchService.Ranked hit : matching.rank(request, vectors.get(query.text()))) {
                        lines.add(String.format(Locale.ROOT, "%s Q0 %s %d %.4f %s", query.id(), hit.extId(), ++rank, hit.score(), tag));
                    }
                    synchronized (bar) {
                        bar.advance(done.incrementAndGet());
                    }
                    return lines;
                }));
            }
            List<List<String>> lines = new ArrayList<>();
            for (Future<List<String>> future : futures) {
                lines.add(future.get());
            }
            bar.finish();
            return lines;
        }
    }

    private void write(List<List<String>> lines) throws IOException {
        if (run == null) {
            lines.forEach(query -> query.forEach(System.out::println));
            return;
        }
        if (run.toAbsolutePath().getParent() != null) {
            Files.createDirectories(run.toAbsolutePath().getParent());
        }
        try (BufferedWriter out = Files.newBufferedWriter(run, StandardCharsets.UTF_8)) {
            for (List<String> query : lines) {
                for (String line : query) {
                    out.write(line);
                    out.newLine();
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    static void print(MatchResult result, PrintStream out) {
        if (!result.semantic()) {
            out.println("(lexical matching only: embeddings are disabled)");
        } else if (result.semanticPercent() < 100) {
            out.printf(Locale.ROOT, "(semantic index %d%% ready)%n", result.semanticPercent());
        }
        for (MatchHit hit : result.hits()) {
            out.printf(Locale.ROOT, "%3d. %s  %s  score %.4f%s%n", hit.rank(), marked(hit.name()), hit.extId(), hit.score(),
                    hit.reasons().similarity() == null ? "" : String.format(Locale.ROOT, "  similarity %.2f", hit.reasons().similarity()));
            if (hit.reasons().organization() != null) {
                MatchHit.Organization o = hit.reasons().organization();
                out.printf("     %s (%s)%n", o.nameZh() != null ? o.nameZh() : o.nameEn(), o.type());
            }
            if (!hit.reasons().matchedTerms().isEmpty()) {
                out.println("     matched: " + String.join(", ", new LinkedHashSet<>(hit.reasons().matchedTerms())));
            }
            if (!hit.reasons().sharedKeywords().isEmpty()) {
                out.println("     keywords: " + String.join(", ", hit.reasons().sharedKeywords()));
            }
            for (MatchHit.Support support : hit.reasons().supports()) {
                out.printf(Locale.ROOT, "     · %s%s  (%.3f)%n", marked(support.title()),
                        support.year() == null ? "" : " " + support.year(), support.weight());
            }
        }
    }

    /** A highlighted text for the terminal: matched parts in [brackets]. */
    private static String marked(List<Highlight> pieces) {
        StringBuilder text = new StringBuilder();
        pieces.forEach(p -> text.append(p.matched() ? "[" + p.text() + "]" : p.text()));
        return text.toString();
    }
}

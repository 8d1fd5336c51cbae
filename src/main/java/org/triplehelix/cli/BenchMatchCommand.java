package org.triplehelix.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import org.triplehelix.matching.BatchMatching;
import org.triplehelix.matching.EntityKind;
import org.triplehelix.matching.IndexMaintenance;
import org.triplehelix.matching.MatchBenchmark;
import org.triplehelix.shared.Counts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code helix bench match}: single-match latency (query embedding included), throughput of
 * concurrent clients, indexing rates and heap, optionally on a corpus scaled up by synthetic copies.
 */
@Command(name = "match", description = "Matching latency, throughput, indexing rate and heap on this machine.")
class BenchMatchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--queries", paramLabel = "QUERIES.jsonl", description = "Demands to match ({\"id\", \"text\"} a line); default: titles of indexed outputs.")
    Path queries;

    @Option(names = "--matches", defaultValue = "500", description = "Matches per measurement (default: 500).")
    int matches;

    @Option(names = "--warmup", defaultValue = "200", description = "Matches run first, on other queries, and not measured (default: 200).")
    int warmup;

    @Option(names = "--clients", defaultValue = "4", description = "Concurrent clients for the throughput (default: 4).")
    int clients;

    @Option(names = "--scale", defaultValue = "1", description = "Copies of the corpus to measure on (default: 1, the corpus itself).")
    int scale;

    @Option(names = "--target", defaultValue = "person", description = "What to match (default: person).")
    String target;

    @Option(names = "--k", defaultValue = "10", description = "Hits per match (default: 10).")
    int k;

    @Option(names = "--keep", paramLabel = "DIR", description = "Build the scaled-up corpus in DIR and keep it; a complete one found there is measured again as it is.")
    Path keep;

    @Override
    public Integer call() throws Exception {
        HelixCommand global = (HelixCommand) spec.root().userObject();
        EntityKind kind = EntityKind.of(target);
        // the queries file is read as `match --batch` reads it (file:line: reason, nothing started), before the platform starts
        List<String> given = queries == null ? null : BatchMatching.read(queries, kind).stream().map(BatchMatching.Query::text).toList();
        try (ConfigurableApplicationContext services = Platform.services(global)) {
            services.getBean(IndexMaintenance.class).catchUp(new IndexCommand.Bar(System.err));
            MatchBenchmark benchmark = services.getBean(MatchBenchmark.class);
            List<String> texts = given != null ? given : services.getBean(IndexMaintenance.class).sampleTitles(matches + warmup);
            MatchBenchmark.Report report = benchmark.run(new MatchBenchmark.Options(scale, texts, matches, warmup, clients,
                    kind, k, 200, keep), new IndexCommand.Bar(System.err));
            print(report);
            return 0;
        }
    }

    private void print(MatchBenchmark.Report r) {
        System.out.printf(Locale.ROOT, "corpus           %s%n", r.documents());
        if (r.lexicalDocsPerSecond() > 0) {
            System.out.printf(Locale.ROOT, "indexing         %.0f documents/s (%.0f outputs/s) lexical only, %.0f documents/s with vectors, then %.0f s merging into one segment%n",
                    r.lexicalDocsPerSecond(), r.outputsLexicalPerSecond(), r.indexedDocsPerSecond(), r.mergeSeconds());
        }
        System.out.printf(Locale.ROOT, "single match     %s one after the other, after %s on other queries%n", Counts.of(matches, "match", "matches"),
                Counts.of(warmup, "warm-up match", "warm-up matches"));
        System.out.printf(Locale.ROOT, "single match     p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms, mean %.1f ms (of which embedding the query %.1f ms); %.1f ms of CPU per match%n",
                r.single().p50(), r.single().p95(), r.single().p99(), r.single().max(), r.single().mean(), r.single().embedding(), r.single().cpu());
        StringBuilder phases = new StringBuilder();
        r.phases().forEach((phase, millis) -> phases.append(String.format(Locale.ROOT, " %s %.1f", phase, millis)));
        System.out.printf(Locale.ROOT, "ranking phases  %s ms (means)%n", phases);
        System.out.printf(Locale.ROOT, "throughput       %.1f matches/s with %s%n", r.matchesPerSecond(), Counts.of(r.clients(), "concurrent client"));
        System.out.printf(Locale.ROOT, "heap             peak %d MB of %d MB (sum of the pools' peaks; %s), %d MB live after a full collection%n",
                r.peakHeapBytes() >> 20, r.maxHeapBytes() >> 20, r.collector(), r.liveHeapBytes() >> 20);
        System.out.printf(Locale.ROOT, "machine          load average %.1f on %d cores after the single matches%n", r.loadAverage(), r.cores());
        System.out.printf(Locale.ROOT, "embedding        %.1f texts/s through the platform, %.1f texts/s the bare model (%.0f%%)%n",
                r.platformRate(), r.modelRate(), r.modelRate() == 0 ? 0 : 100 * r.platformRate() / r.modelRate());
    }
}

package org.triplehelix.cli;

import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import org.triplehelix.matching.BatchMatching;
import org.triplehelix.matching.EntityKind;
import org.triplehelix.matching.IndexMaintenance;
import org.triplehelix.matching.MatchHit;
import org.triplehelix.matching.MatchRequest;
import org.triplehelix.matching.MatchResult;
import org.triplehelix.matching.MatchService;
import org.triplehelix.matching.SearchFilter;
import org.triplehelix.matching.SearchIndex.Highlight;
import org.triplehelix.shared.InvalidInputException;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

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

    @Option(names = "--k", description = "Hits per demand (default: 100; 10 with --text).")
    Integer k;

    @Option(names = "--run", paramLabel = "RUN.txt", description = "Where to write the TREC run (default: standard output).")
    Path run;

    @Option(names = "--tag", defaultValue = "triple-helix", description = "The run tag, last column of the run (default: triple-helix).")
    String tag;

    @Option(names = "--threads", description = "Threads ranking the batch (default: 2).")
    Integer threads;

    @Option(names = "--spread", description = "Spread the hits across organizations.")
    boolean spread;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        // options and the queries are checked before anything starts: a mistake is told at once, not after the index is brought up to date
        EntityKind kind = option("--target", () -> EntityKind.of("target", target));
        int hits = hits();
        checkOptions(hits);
        MatchRequest single = input.text != null
                ? option("--text", () -> new MatchRequest(input.text, kind, hits, SearchFilter.NONE, spread)) : null;
        List<BatchMatching.Query> queries = input.batch != null ? BatchMatching.read(input.batch, kind) : null;
        if (run != null) {
            option("--run", () -> {
                BatchMatching.checkRunPath(run);
                return run;
            });
        }
        try (ConfigurableApplicationContext services = Platform.services(global)) {
            IndexMaintenance maintenance = services.getBean(IndexMaintenance.class);
            maintenance.catchUp(new IndexCommand.Bar(System.err));
            String behind = input.batch != null ? maintenance.behindElsewhere() : null;
            if (behind != null) {
                // a batch ranks over the whole corpus or not at all (INTERCHANGE.md): a run over part of it would be measured as the whole
                throw new IllegalStateException("the search index is held by another process (a running serve on this --data) and is"
                        + " not up to date: " + behind + ". A batch would not rank over the whole corpus: wait until `helix index status`"
                        + " shows the index complete, or stop that process and run this again (the command then brings the index up to date)");
            }
            MatchService matching = services.getBean(MatchService.class);
            if (single != null) {
                print(matching.match(single), System.out);
                return 0;
            }
            BatchMatching batch = services.getBean(BatchMatching.class);
            int workers = threads != null ? threads : 2;
            if (run == null) {
                Writer out = new OutputStreamWriter(System.out, StandardCharsets.UTF_8);
                batch.run(queries, hits, tag, workers, out, new IndexCommand.Bar(System.err));
            } else {
                batch.run(queries, hits, tag, workers, run, new IndexCommand.Bar(System.err));
            }
            return 0;
        }
    }

    /** Refuses, as a usage error naming the option, a value out of range or an option of the other form. */
    private void checkOptions(int hits) {
        if (hits < 1 || hits > MatchRequest.MAX_K) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--k': " + hits + " (hits per demand are 1 to "
                    + MatchRequest.MAX_K + ")");
        }
        if (threads != null && threads < 1) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--threads': " + threads + " (at least 1)");
        }
        if (tag.isBlank() || tag.codePoints().anyMatch(Character::isWhitespace)) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--tag': '" + tag
                    + "' (one word: the run's columns are separated by spaces)");
        }
        boolean text = input.text != null;
        for (String option : text ? List.of("--run", "--tag", "--threads") : List.of("--spread")) {
            if (spec.commandLine().getParseResult().hasMatchedOption(option)) {
                // not dropped unseen: a --run given with --text would leave the user looking for a file never written
                throw new ParameterException(spec.commandLine(), "Option '" + option + "' is for " + (text ? "--batch, not --text"
                        : "--text, not --batch"));
            }
        }
    }

    /** Hits per demand: {@code --k} as given, else 10 for one {@code --text} and 100 for a batch. */
    int hits() {
        return k != null ? k : input.text != null ? 10 : 100;
    }

    /** An option's value, a refusal of it a usage error that names the option. */
    private <T> T option(String name, java.util.function.Supplier<T> value) {
        try {
            return value.get();
        } catch (InvalidInputException e) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '" + name + "': " + e.getMessage());
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

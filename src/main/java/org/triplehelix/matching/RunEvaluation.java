package org.triplehelix.matching;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.triplehelix.shared.InvalidInputException;

/**
 * Scores a TREC run against TREC qrels: nDCG@10 (linear gains), MRR@100, Recall@10 and Recall@100,
 * averaged over the judged queries (a judged query without hits scores 0). A run is read as
 * {@code trec_eval} and the benchmark's {@code expertfind.py eval} read it: hits sorted by score,
 * ties by the run's own rank, a repeated entity counted once.
 */
public final class RunEvaluation {

    /** The averages, and how many judged queries there were and how many the run answered. */
    public record Metrics(double ndcg10, double mrr100, double recall10, double recall100, int queries, int answered) {

        /** One line, as {@code expertfind.py eval} prints it. */
        public String line() {
            return String.format(Locale.ROOT, "ndcg@10=%.4f mrr@100=%.4f recall@10=%.4f recall@100=%.4f queries=%d answered=%d",
                    ndcg10, mrr100, recall10, recall100, queries, answered);
        }
    }

    private RunEvaluation() {
    }

    public static Metrics evaluate(Path qrels, Path run) {
        Map<String, Map<String, Integer>> judged = readQrels(qrels.toString(), lines(qrels));
        if (judged.isEmpty()) {
            // every score would be 0 of 0 queries: an empty or wrong file, not a measurement
            throw new InvalidInputException("file", qrels + ": no judgement with a positive grade, nothing to score against");
        }
        return evaluate(judged, readRun(run.toString(), lines(run)));
    }

    private static List<String> lines(Path file) {
        if (Files.isDirectory(file)) {
            throw new InvalidInputException("file", file + ": is a folder, not a file");
        }
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new InvalidInputException("file", file + ": not UTF-8 text");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Judgements: query → entity → grade, positive grades only. */
    public static Map<String, Map<String, Integer>> readQrels(List<String> lines) {
        return readQrels("qrels", lines);
    }

    /**
     * Judgements of the file {@code file}: query → entity → grade, positive grades only. Blank lines
     * are skipped; a line that is not {@code query iteration entity grade} with a whole-number grade
     * is refused with its file and line (as trec_eval refuses it), not skipped: a judgement lost
     * unseen would change every score.
     */
    public static Map<String, Map<String, Integer>> readQrels(String file, List<String> lines) {
        Map<String, Map<String, Integer>> judged = new LinkedHashMap<>();
        int number = 0;
        for (String line : lines) {
            number++;
            String[] parts = columns(line, number);
            if (parts.length == 0) {
                continue;
            }
            if (parts.length != 4) {
                throw bad(file, number, "a judgement is 4 columns, \"query 0 entity grade\", not " + parts.length);
            }
            int grade = whole(parts[3], "grade", file, number);
            if (grade > 0) {
                judged.computeIfAbsent(parts[0], q -> new HashMap<>()).put(parts[2], grade);
            }
        }
        return judged;
    }

    /** A run: query → entities in ranked order. */
    public static Map<String, List<String>> readRun(List<String> lines) {
        return readRun("run", lines);
    }

    /**
     * The run of the file {@code file}: query → entities in ranked order. Blank lines are skipped; a
     * line of fewer than the 6 columns of {@code query Q0 entity rank score tag}, or whose rank or score
     * is not a number, is refused with its file and line (as trec_eval refuses it).
     */
    public static Map<String, List<String>> readRun(String file, List<String> lines) {
        record Line(double score, int rank, String entity) {
        }
        Map<String, List<Line>> byQuery = new HashMap<>();
        int number = 0;
        for (String line : lines) {
            number++;
            String[] parts = columns(line, number);
            if (parts.length == 0) {
                continue;
            }
            if (parts.length < 6) {
                throw bad(file, number, "a run line is 6 columns, \"query Q0 entity rank score tag\", not " + parts.length);
            }
            int rank = whole(parts[3], "rank", file, number);
            double score;
            try {
                score = Double.parseDouble(parts[4]);
            } catch (NumberFormatException e) {
                throw bad(file, number, "the score \"" + parts[4] + "\" is not a number");
            }
            if (Double.isNaN(score)) {
                throw bad(file, number, "the score is NaN");
            }
            byQuery.computeIfAbsent(parts[0], q -> new ArrayList<>()).add(new Line(score, rank, parts[2]));
        }
        Map<String, List<String>> ranked = new HashMap<>();
        byQuery.forEach((query, hits) -> {
            hits.sort(Comparator.comparingDouble((Line h) -> -h.score()).thenComparingInt(Line::rank));
            LinkedHashSet<String> order = new LinkedHashSet<>();
            hits.forEach(h -> order.add(h.entity()));
            ranked.put(query, List.copyOf(order));
        });
        return ranked;
    }

    private static String[] columns(String line, int number) {
        String trimmed = number == 1 && line.startsWith("\uFEFF") ? line.substring(1).strip() : line.strip();
        return trimmed.isEmpty() ? new String[0] : trimmed.split("\\s+");
    }

    private static int whole(String value, String what, String file, int number) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw bad(file, number, "the " + what + " \"" + value + "\" is not a whole number");
        }
    }

    private static InvalidInputException bad(String file, int number, String reason) {
        return new InvalidInputException("file", file + ":" + number + ": " + reason);
    }

    public static Metrics evaluate(Map<String, Map<String, Integer>> qrels, Map<String, List<String>> run) {
        double ndcg = 0, mrr = 0, r10 = 0, r100 = 0;
        int answered = 0;
        for (Map.Entry<String, Map<String, Integer>> query : qrels.entrySet()) {
            Map<String, Integer> judged = query.getValue();
            List<String> docs = run.getOrDefault(query.getKey(), List.of());
            answered += docs.isEmpty() ? 0 : 1;
            ndcg += ndcg10(judged, docs);
            int first = firstRelevant(judged, docs, 100);
            mrr += first < 0 ? 0 : 1.0 / (first + 1);
            r10 += (double) relevantIn(judged, docs, 10) / judged.size();
            r100 += (double) relevantIn(judged, docs, 100) / judged.size();
        }
        int n = qrels.size();
        return n == 0 ? new Metrics(0, 0, 0, 0, 0, 0) : new Metrics(ndcg / n, mrr / n, r10 / n, r100 / n, n, answered);
    }

    private static double ndcg10(Map<String, Integer> judged, List<String> docs) {
        double dcg = 0;
        for (int i = 0; i < Math.min(10, docs.size()); i++) {
            dcg += judged.getOrDefault(docs.get(i), 0) / log2(i + 2);
        }
        List<Integer> ideal = judged.values().stream().sorted(Comparator.reverseOrder()).limit(10).toList();
        double idcg = 0;
        for (int i = 0; i < ideal.size(); i++) {
            idcg += ideal.get(i) / log2(i + 2);
        }
        return idcg == 0 ? 0 : dcg / idcg;
    }

    private static int firstRelevant(Map<String, Integer> judged, List<String> docs, int depth) {
        for (int i = 0; i < Math.min(depth, docs.size()); i++) {
            if (judged.containsKey(docs.get(i))) {
                return i;
            }
        }
        return -1;
    }

    private static long relevantIn(Map<String, Integer> judged, List<String> docs, int depth) {
        return docs.stream().limit(depth).filter(judged::containsKey).count();
    }

    private static double log2(int x) {
        return Math.log(x) / Math.log(2);
    }
}

package org.triplehelix.matching.ranking;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** Ways to combine rankings and to order scores deterministically. */
final class Fusion {

    private Fusion() {
    }

    /**
     * Reciprocal-rank fusion (Cormack, Clarke and Büttcher, SIGIR 2009): an item scores
     * Σ weight / (k + rank) over the rankings it appears in, ranks from 1. Rank-based, so the scales
     * of BM25 and of cosine similarity never have to agree.
     */
    static Map<String, Double> reciprocalRank(List<List<String>> rankings, List<Double> weights, int k) {
        Map<String, Double> fused = new HashMap<>();
        for (int r = 0; r < rankings.size(); r++) {
            List<String> ranking = rankings.get(r);
            double weight = weights.get(r);
            for (int i = 0; i < ranking.size(); i++) {
                fused.merge(ranking.get(i), weight / (k + i + 1), Double::sum);
            }
        }
        return fused;
    }

    /** Ids by score, highest first, ties by id: runs are the same whatever the order things were found in. */
    static List<String> order(Map<String, Double> scores) {
        return scores.entrySet().stream()
                .sorted(byScore(Map.Entry::getValue, Map.Entry::getKey))
                .map(Map.Entry::getKey)
                .toList();
    }

    static <T> Comparator<T> byScore(ToDoubleFunction<T> score, java.util.function.Function<T, String> id) {
        return Comparator.<T>comparingDouble(t -> -score.applyAsDouble(t)).thenComparing(id);
    }
}

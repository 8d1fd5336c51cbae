package org.triplehelix.matching.ranking;

import java.util.Comparator;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/** The order of a ranking: by score, highest first, ties to the smaller id, so runs are deterministic. */
final class RankOrder {

    private RankOrder() {
    }

    static <T> Comparator<T> byScore(ToDoubleFunction<T> score, Function<T, String> id) {
        return Comparator.<T>comparingDouble(t -> -score.applyAsDouble(t)).thenComparing(id);
    }
}

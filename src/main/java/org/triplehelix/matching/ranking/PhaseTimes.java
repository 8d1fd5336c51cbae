package org.triplehelix.matching.ranking;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** Where a ranking spends its time, summed over calls (for the benchmark's per-phase report). */
public final class PhaseTimes {

    /** The phases of {@link Ranker#rank}. */
    public enum Phase {
        LEXICAL_OUTPUTS, DENSE_OUTPUTS, LEXICAL_PROFILES, DENSE_PROFILES, AGGREGATION
    }

    private final Map<Phase, LongAdder> nanos = new EnumMap<>(Phase.class);
    private final LongAdder rankings = new LongAdder();

    public PhaseTimes() {
        for (Phase phase : Phase.values()) {
            nanos.put(phase, new LongAdder());
        }
    }

    void add(Phase phase, long elapsedNanos) {
        nanos.get(phase).add(elapsedNanos);
    }

    void countRanking() {
        rankings.increment();
    }

    /** Mean milliseconds per ranking in each phase. */
    public Map<Phase, Double> meanMillis() {
        Map<Phase, Double> means = new EnumMap<>(Phase.class);
        long n = Math.max(1, rankings.sum());
        nanos.forEach((phase, sum) -> means.put(phase, sum.sum() / 1e6 / n));
        return means;
    }

    public void reset() {
        nanos.values().forEach(LongAdder::reset);
        rankings.reset();
    }
}

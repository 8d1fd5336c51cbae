package org.triplehelix.matching.ranking;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.triplehelix.matching.EntityKind;
import org.triplehelix.matching.SearchFilter;
import org.triplehelix.matching.SearchHit;
import org.triplehelix.matching.SearchIndex;

/**
 * The ranking. Every document found (by BM25 among the first {@code lexicalDepth}, or by the kNN
 * search among the first {@code denseDepth}) gets one weight from both of its scores, each brought
 * to [0, 1] relative to the query's best match first, so that the scales of BM25 and of cosine
 * similarity never have to agree:
 *
 * <pre>  ℓ(d) = exp(τ_lex · (bm25(d) / max bm25 − 1))      s(d) = exp(τ_dense · (cos(d) − max cos))
 *  w(d) = λ · ℓ(d) / Σ ℓ  +  s(d) / (Σ s)^{denseMassExponent}</pre>
 *
 * (the first term only when d matched lexically, the second when it has a vector). Relative to the
 * best cosine because cosines across languages run lower than within one (0.5 against 0.8 for
 * bge-small-zh), and an English demand over Chinese outputs must still be ranked by meaning, not by
 * the few English titles its words happen to match. The sums make each signal count by how much it
 * singles out: the lexical evidence is one vote of weight λ shared among the lexical matches (all of
 * it to a document that matches the demand's words far better than any other), and the dense weights
 * shrink when many documents lie near the best cosine — bge-small-zh puts English texts within about
 * 0.1 of one another whatever they say, and such uniform similarities must not let an organization
 * with many loosely related outputs outweigh the lab whose one patent is the demand. The exponentials keep the best matches far
 * ahead of the long tail, as a softmax does. A person or an organization
 * then scores the sum of the weights of its outputs among the first {@code supportDepth}
 * (document-centric aggregation: Balog, Azzopardi and de Rijke, SIGIR 2006, model 2; the
 * "expCombSUM" voting of Macdonald and Ounis, CIKM 2006), plus {@code profileWeight} times the weight
 * of its own profile found the same way. Outputs, facilities and demands are ranked by their own weight.
 * Ties go to the smaller id, so a run is the same whatever order things were found in.
 *
 * <p>The alternatives measured on the NSSFC benchmark (docs/matching.md) — reciprocal-rank fusion
 * of documents or of entities, raw BM25 sums, max or top-m aggregation, rank-based votes — all did worse.
 */
public final class Ranker {

    private final SearchIndex index;
    private final RankingProperties properties;
    private final PhaseTimes times;

    public Ranker(SearchIndex index, RankingProperties properties) {
        this(index, properties, null);
    }

    /** A ranker that adds the time of each phase to {@code times} (may be null). */
    public Ranker(SearchIndex index, RankingProperties properties, PhaseTimes times) {
        this.index = index;
        this.properties = properties;
        this.times = times;
    }

    /** One output's contribution to an entity, or one profile's. */
    public record Evidence(String extId, double weight, Float bm25, Float cosine) {
    }

    /** An entity, its score, and what it rests on: its best documents first (its own profile included). */
    public record Candidate(String extId, double score, List<Evidence> outputs, Evidence profile) {
    }

    /**
     * The ranking of {@code target} for a text (and its vector, null for lexical matching only): all
     * candidates, best first, before entity filters and cut-off.
     */
    public List<Candidate> rank(EntityKind target, String text, float[] vector, SearchFilter filter) {
        if (times != null) {
            times.countRanking();
        }
        return switch (target) {
            case PERSON, ORGANIZATION -> aggregated(target, text, vector, filter);
            case OUTPUT, FACILITY, DEMAND -> direct(target, text, vector, filter);
        };
    }

    private List<Candidate> aggregated(EntityKind target, String text, float[] vector, SearchFilter filter) {
        List<Weighted> outputs = weigh(EntityKind.OUTPUT, text, vector, filter.forEvidence(), properties.supportDepth());
        long started = System.nanoTime();
        Map<String, Double> scores = new HashMap<>();
        Map<String, List<Evidence>> support = new HashMap<>();
        for (Weighted output : outputs) {
            for (String owner : target == EntityKind.PERSON ? output.hit().people() : output.hit().organizations()) {
                scores.merge(owner, output.weight(), Double::sum);
                support.computeIfAbsent(owner, o -> new ArrayList<>()).add(output.evidence());
            }
        }
        record(PhaseTimes.Phase.AGGREGATION, started);
        Map<String, Evidence> profiles = new HashMap<>();
        if (properties.profileWeight() > 0) {
            for (Weighted profile : weigh(target, text, vector, filter.forEntity(), properties.profileDepth())) {
                profiles.put(profile.hit().extId(), profile.evidence());
                scores.merge(profile.hit().extId(), properties.profileWeight() * profile.weight(), Double::sum);
            }
        }
        started = System.nanoTime();
        List<Candidate> candidates = new ArrayList<>(scores.size());
        scores.forEach((id, score) -> candidates.add(new Candidate(id, score, support.getOrDefault(id, List.of()), profiles.get(id))));
        candidates.sort(RankOrder.byScore(Candidate::score, Candidate::extId));
        record(PhaseTimes.Phase.AGGREGATION, started);
        return admitted(target, candidates, filter.forEntity());
    }

    private void record(PhaseTimes.Phase phase, long started) {
        if (times != null) {
            times.add(phase, System.nanoTime() - started);
        }
    }

    private List<Candidate> direct(EntityKind target, String text, float[] vector, SearchFilter filter) {
        List<Candidate> candidates = new ArrayList<>();
        for (Weighted hit : weigh(target, text, vector, filter, properties.supportDepth())) {
            candidates.add(new Candidate(hit.hit().extId(), hit.weight(), List.of(), hit.evidence()));
        }
        return candidates;
    }

    /** Entities the entity-level filter (tiers, regions, exclusions) admits, when there is one. */
    private List<Candidate> admitted(EntityKind target, List<Candidate> candidates, SearchFilter filter) {
        if (filter.isEmpty()) {
            return candidates;
        }
        Set<String> admitted = index.admitted(target, candidates.stream().map(Candidate::extId).toList(), filter);
        return candidates.stream().filter(c -> admitted.contains(c.extId())).toList();
    }

    private record Weighted(SearchHit hit, double weight, Float bm25, Float cosine) {

        Evidence evidence() {
            return new Evidence(hit.extId(), weight, bm25, cosine);
        }
    }

    /** The documents of a kind found lexically or by their vector, with their weights, best first. */
    private List<Weighted> weigh(EntityKind kind, String text, float[] vector, SearchFilter filter, int depth) {
        Map<String, SearchHit> found = new LinkedHashMap<>();
        Map<String, Float> bm25 = new HashMap<>();
        Map<String, Float> cosine = new HashMap<>();
        // a person's name (the title of their profile) says nothing about what they work on
        float titleWeight = kind == EntityKind.PERSON ? 0f : 1f;
        boolean evidence = kind == EntityKind.OUTPUT;
        long started = System.nanoTime();
        for (SearchHit hit : index.lexical(kind, text, titleWeight, properties.bodyWeight(), vector, filter, properties.lexicalDepth())) {
            found.put(hit.extId(), hit);
            bm25.put(hit.extId(), hit.score());
            if (hit.similarity() != null) {
                cosine.put(hit.extId(), hit.similarity());
            }
        }
        record(evidence ? PhaseTimes.Phase.LEXICAL_OUTPUTS : PhaseTimes.Phase.LEXICAL_PROFILES, started);
        started = System.nanoTime();
        for (SearchHit hit : index.nearest(kind, vector, filter, properties.denseDepth())) {
            found.putIfAbsent(hit.extId(), hit);
            cosine.put(hit.extId(), hit.score());
        }
        record(evidence ? PhaseTimes.Phase.DENSE_OUTPUTS : PhaseTimes.Phase.DENSE_PROFILES, started);
        double maxBm25 = bm25.values().stream().mapToDouble(Float::doubleValue).max().orElse(1);
        double maxCosine = cosine.values().stream().mapToDouble(Float::doubleValue).max().orElse(1);
        Map<String, Double> lexical = lexicalShares(bm25, maxBm25);
        double denseScale = denseScale(cosine, maxCosine);
        List<Weighted> weighted = new ArrayList<>(found.size());
        for (SearchHit hit : found.values()) {
            Float semantic = cosine.get(hit.extId());
            double weight = lexical.getOrDefault(hit.extId(), 0.0);
            if (semantic != null) {
                weight += denseScale * Math.exp(properties.denseTemperature() * (semantic - maxCosine));
            }
            weighted.add(new Weighted(hit, weight, bm25.get(hit.extId()), semantic));
        }
        weighted.sort(RankOrder.byScore(Weighted::weight, w -> w.hit().extId()));
        return weighted.size() > depth ? weighted.subList(0, depth) : weighted;
    }

    /** λ · ℓ(d) / Σ ℓ for the documents with a positive BM25 score: one lexical vote shared among them. */
    private Map<String, Double> lexicalShares(Map<String, Float> bm25, double maxBm25) {
        Map<String, Double> shares = new HashMap<>();
        double mass = 0;
        for (Map.Entry<String, Float> score : bm25.entrySet()) {
            if (score.getValue() > 0) {
                double relative = Math.exp(properties.lexicalTemperature() * (score.getValue() / maxBm25 - 1));
                shares.put(score.getKey(), relative);
                mass += relative;
            }
        }
        double total = mass;
        shares.replaceAll((id, relative) -> properties.lexicalWeight() * relative / total);
        return shares;
    }

    /** The factor of the dense term: its weight over the sum of s(d) (at least 1, the best document's) to a power. */
    private double denseScale(Map<String, Float> cosine, double maxCosine) {
        double mass = 0;
        for (float semantic : cosine.values()) {
            mass += Math.exp(properties.denseTemperature() * (semantic - maxCosine));
        }
        return properties.denseWeight() / Math.pow(Math.max(mass, 1), properties.denseMassExponent());
    }
}

package org.triplehelix.matching;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.triplehelix.matching.embedding.Embeddings;

/**
 * How close a text is to each of a few candidate texts (a student's background against thesis
 * topics): the platform's embedding model (cosine of bge-small-zh vectors, cached like every
 * other embedding) blended with lexical overlap (Chinese character bigrams and English words),
 * so that a score exists at once even when embeddings are disabled. Scores are in [0, 1].
 */
@Component
public class TextSimilarity {

    /** Weight of the semantic part when embeddings are on; the rest is lexical overlap. */
    static final double SEMANTIC_WEIGHT = 0.7;

    private final Embeddings embeddings;

    TextSimilarity(Embeddings embeddings) {
        this.embeddings = embeddings;
    }

    /** One score per candidate, in the candidates' order, with its parts. */
    public List<Score> score(String text, List<String> candidates) {
        String query = text == null ? "" : text.strip();
        Map<String, float[]> vectors = semantic(query, candidates);
        Set<String> queryTerms = terms(query);
        List<Score> scores = new ArrayList<>(candidates.size());
        for (String candidate : candidates) {
            double lexical = overlap(queryTerms, terms(candidate));
            Double semantic = null;
            if (vectors != null && vectors.get(query) != null && vectors.get(clip(candidate)) != null) {
                semantic = Math.max(0, cosine(vectors.get(query), vectors.get(clip(candidate))));
            }
            double total = semantic == null ? lexical : SEMANTIC_WEIGHT * semantic + (1 - SEMANTIC_WEIGHT) * lexical;
            scores.add(new Score(total, semantic, lexical, shared(queryTerms, terms(candidate))));
        }
        return scores;
    }

    /** A candidate's score: the blend, its semantic part (null without embeddings), its lexical part, the shared terms. */
    public record Score(double total, Double semantic, double lexical, List<String> sharedTerms) {
    }

    private Map<String, float[]> semantic(String query, List<String> candidates) {
        if (!embeddings.enabled() || query.isEmpty()) {
            return null;
        }
        Set<String> texts = new LinkedHashSet<>();
        texts.add(query);
        candidates.stream().map(this::clip).filter(t -> t != null && !t.isBlank()).forEach(texts::add);
        try {
            return embeddings.embed(texts);
        } catch (RuntimeException e) {
            return null;   // the model could not run: lexical overlap alone
        }
    }

    private String clip(String text) {
        return text == null ? "" : embeddings.clip(text);
    }

    static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
    }

    /** Chinese character bigrams and lower-case English words of three letters or more. */
    static Set<String> terms(String text) {
        Set<String> terms = new LinkedHashSet<>();
        if (text == null) {
            return terms;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        for (String word : lower.split("[^a-z0-9]+")) {
            if (word.length() >= 3) {
                terms.add(word);
            }
        }
        StringBuilder han = new StringBuilder();
        for (int i = 0; i <= lower.length(); i++) {
            char c = i < lower.length() ? lower.charAt(i) : ' ';
            if (Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) {
                han.append(c);
            } else {
                for (int j = 0; j + 1 < han.length(); j++) {
                    terms.add(han.substring(j, j + 2));
                }
                han.setLength(0);
            }
        }
        return terms;
    }

    /** Overlap coefficient: shared terms over the smaller set's size. */
    static double overlap(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        Set<String> shared = new HashSet<>(a);
        shared.retainAll(b);
        return (double) shared.size() / Math.min(a.size(), b.size());
    }

    private static List<String> shared(Set<String> a, Set<String> b) {
        return a.stream().filter(b::contains).limit(8).toList();
    }
}

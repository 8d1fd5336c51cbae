package org.triplehelix.facility;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A small lexical ranking of the instrument catalog for {@code GET /api/v1/instruments?q=}, so that
 * a need described in a Chinese sentence ("测量碳化硅晶圆的动态参数") finds the instrument without
 * the search index: Chinese as overlapping character bigrams, other scripts as lower-cased words;
 * a document scores the sum of idf = ln(1 + N/df) over the distinct query terms it holds, a term
 * in the name counting twice. The matching module's index ranks better; this one needs nothing.
 */
final class TextMatch {

    private final List<Set<String>> documents;
    private final List<Set<String>> names;
    private final Map<String, Integer> documentFrequency = new HashMap<>();

    TextMatch(List<String> names, List<String> texts) {
        this.names = names.stream().map(TextMatch::terms).toList();
        this.documents = texts.stream().map(TextMatch::terms).toList();
        for (Set<String> terms : documents) {
            terms.forEach(term -> documentFrequency.merge(term, 1, Integer::sum));
        }
    }

    /** The score of each document for the query, in the documents' order. */
    double[] scores(String query) {
        Set<String> queryTerms = terms(query);
        double[] scores = new double[documents.size()];
        int n = documents.size();
        for (String term : queryTerms) {
            Integer df = documentFrequency.get(term);
            if (df == null) {
                continue;
            }
            double idf = Math.log(1 + (double) n / df);
            for (int i = 0; i < n; i++) {
                if (documents.get(i).contains(term)) {
                    scores[i] += names.get(i).contains(term) ? 2 * idf : idf;
                }
            }
        }
        return scores;
    }

    /** Han bigrams (a lone Han character as itself) and words of letters or digits. */
    static Set<String> terms(String text) {
        Set<String> terms = new LinkedHashSet<>();
        if (text == null) {
            return terms;
        }
        StringBuilder han = new StringBuilder();
        StringBuilder word = new StringBuilder();
        text.codePoints().forEach(c -> {
            if (Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) {
                flushWord(word, terms);
                han.appendCodePoint(c);
            } else if (Character.isLetterOrDigit(c)) {
                flushHan(han, terms);
                word.appendCodePoint(Character.toLowerCase(c));
            } else {
                flushHan(han, terms);
                flushWord(word, terms);
            }
        });
        flushHan(han, terms);
        flushWord(word, terms);
        return terms;
    }

    static String join(Collection<String> parts) {
        return String.join(" ", parts.stream().filter(p -> p != null && !p.isBlank()).toList());
    }

    private static void flushHan(StringBuilder han, Set<String> terms) {
        int[] chars = han.codePoints().toArray();
        if (chars.length == 1) {
            terms.add(new String(chars, 0, 1));
        }
        for (int i = 0; i + 1 < chars.length; i++) {
            terms.add(new String(chars, i, 2));
        }
        han.setLength(0);
    }

    private static void flushWord(StringBuilder word, Set<String> terms) {
        if (word.length() >= 2 || word.length() == 1 && Character.isDigit(word.charAt(0))) {
            terms.add(word.toString().toLowerCase(Locale.ROOT));
        }
        word.setLength(0);
    }
}

package org.triplehelix.matching.lucene;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.triplehelix.matching.SearchIndex.Highlight;
import org.triplehelix.shared.Text;

/**
 * Marks the parts of a text that match a query the way the lexical search matched them: a span of
 * the text is marked when one of its tokens (a word, a character bigram, an English stem) is also a
 * token of the query. Overlapping marked spans merge; the result is plain text pieces, escaped by the
 * template that shows them.
 */
public final class Highlighter {

    private final Analysis analysis;

    public Highlighter(Analysis analysis) {
        this.analysis = analysis;
    }

    public List<Highlight> highlight(String query, String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        boolean[] marked = new boolean[text.length()];
        List<Analysis.Flavor> flavors = Text.containsHan(text)
                ? List.of(Analysis.Flavor.WORDS, Analysis.Flavor.BIGRAMS, Analysis.Flavor.ENGLISH)
                : List.of(Analysis.Flavor.ENGLISH);
        for (Analysis.Flavor flavor : flavors) {
            Set<String> wanted = analysis.terms(flavor, query == null ? "" : query);
            for (Analysis.Token token : analysis.tokens(flavor, text)) {
                if (wanted.contains(token.term()) && !isSingleHan(token.term())) {
                    for (int i = token.start(); i < Math.min(token.end(), text.length()); i++) {
                        marked[i] = true;
                    }
                }
            }
        }
        return pieces(text, marked);
    }

    /** A lone Chinese character says little (是, 的, 与), so it is not shown as a match. */
    public static boolean isSingleHan(String term) {
        return term.codePointCount(0, term.length()) == 1 && Text.containsHan(term);
    }

    /** The text cut into runs of marked and unmarked characters. */
    public static List<Highlight> pieces(String text, boolean[] marked) {
        List<Highlight> pieces = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= text.length(); i++) {
            if (i == text.length() || marked[i] != marked[start]) {
                pieces.add(new Highlight(text.substring(start, i), marked[start]));
                start = i;
            }
        }
        return pieces;
    }
}

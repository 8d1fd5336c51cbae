package org.triplehelix.matching;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.triplehelix.matching.SearchIndex.Highlight;
import org.triplehelix.matching.lucene.Highlighter;

/**
 * Which of the matched pieces a hit shows as its reasons: the marks in its name and its supporting
 * outputs' titles, and so {@code reasons.matchedTerms}. The highlighter marks what the lexical search
 * matched, character bigrams included, so the framing of a Chinese title ("一种…的方法", "基于…的…研究")
 * is marked as readily as its subject: 一种 turned up as a "matched term" of every patent, and a bigram
 * across the particle turned 光电共封装 into "的光电共封装".
 *
 * <p>Only what is shown changes. What is searched and scored stays as it was (the ranking never reads
 * highlights), and so does a demand's evidence ({@code demand.AlertEvidence} asks the highlighter itself).
 * The lists are short on purpose: a word belongs here only when it never says what a text is about.
 */
final class ShownTerms {

    /**
     * Never marked, wherever they stand: 一种 ("a kind of", how nearly every Chinese patent title
     * opens), 及其 ("and its": "…材料及其制备方法"), 基于 ("based on") and the particle 的, except within
     * the few common words that hold 的 as a character of their own ({@link #WORDS_WITH_FRAMING}).
     */
    static final List<String> FRAMING = List.of("一种", "及其", "基于", "的");

    /** Words in which a framing character is part of the word: 目的 (purpose), 的确 (indeed). */
    static final List<String> WORDS_WITH_FRAMING = List.of("目的", "的确");

    /**
     * Boilerplate when it is all that matched: "…的方法", "…研究", "…装置", "…系统", "…应用" say what kind
     * of output a title is, not what it is about. Within a longer match they stay (分割方法, 研究院,
     * 储能系统), as there they are part of the subject.
     */
    static final Set<String> ALONE = Set.of("方法", "研究", "装置", "系统", "应用");

    private ShownTerms() {
    }

    /** The pieces with the framing unmarked, adjacent pieces of the same kind joined. */
    static List<Highlight> shown(List<Highlight> pieces) {
        String text = pieces.stream().map(Highlight::text).collect(Collectors.joining());
        if (text.isEmpty()) {
            return List.copyOf(pieces);
        }
        boolean[] marked = new boolean[text.length()];
        int from = 0;
        for (Highlight piece : pieces) {
            Arrays.fill(marked, from, from + piece.text().length(), piece.matched());
            from += piece.text().length();
        }
        boolean[] word = new boolean[text.length()];
        WORDS_WITH_FRAMING.forEach(w -> mark(text, w, word));
        boolean[] framing = new boolean[text.length()];
        FRAMING.forEach(f -> mark(text, f, framing));
        for (int i = 0; i < marked.length; i++) {
            marked[i] &= !framing[i] || word[i];
        }
        List<Highlight> shown = new ArrayList<>();
        for (Highlight piece : Highlighter.pieces(text, marked)) {
            boolean noise = piece.matched() && (ALONE.contains(piece.text().strip()) || Highlighter.isSingleHan(piece.text().strip()));
            Highlight kept = noise ? new Highlight(piece.text(), false) : piece;
            if (!shown.isEmpty() && shown.getLast().matched() == kept.matched()) {
                shown.set(shown.size() - 1, new Highlight(shown.getLast().text() + kept.text(), kept.matched()));
            } else {
                shown.add(kept);
            }
        }
        return shown;
    }

    /** Sets {@code at} over every occurrence of {@code word} in {@code text}. */
    private static void mark(String text, String word, boolean[] at) {
        for (int i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + word.length())) {
            Arrays.fill(at, i, i + word.length(), true);
        }
    }
}

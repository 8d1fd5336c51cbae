package org.triplehelix.matching.demand;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.triplehelix.matching.Demand;
import org.triplehelix.matching.EntityKind;
import org.triplehelix.matching.MatchHit;
import org.triplehelix.matching.SearchIndex;
import org.triplehelix.matching.SearchIndex.Highlight;
import org.triplehelix.shared.Text;

/**
 * The bar a hit of the ranking must pass before anyone is told that a demand fits them. The ranking
 * always has a first hit, however poorly it matches (its weights are relative to the best document
 * found), so its order alone cannot say "this fits": an alert needs evidence in absolute terms, lexical
 * or semantic, the same evidence the demand's page shows beside the hit.
 *
 * <ul>
 * <li><b>Lexical</b>: the demand's title (Chinese or English, whichever is better covered) is found in
 *     the hit's texts — the titles of its supporting outputs, the keywords it shares with the demand, an
 *     organization's own name; not a person's name, which says nothing about a topic. Found as the
 *     search matches (smartcn words, character bigrams, English stems; a lone Chinese character does not
 *     count), in units of one per Chinese character and two per English word: at least {@link #SHARED}
 *     units (two Chinese words or two English words, not one common word such as 电池 or "water") and
 *     at least {@code coverage} of the title (a quarter by default, so that two generic words of a long
 *     title are not enough).</li>
 * <li><b>Semantic</b>: the best cosine between the demand and one of the hit's texts is at least
 *     {@code similarity} (0.75 by default). Chosen on the fixture (src/test/resources/matching): the
 *     judged experts of Chinese demands lie at 0.70–0.90, unrelated Chinese demands reach at most 0.55,
 *     and bge-small-zh puts English texts close together whatever they say (an unrelated English
 *     output at 0.71 to an English demand), so the bar sits above that; the relevant hits between
 *     0.70 and 0.75 all pass lexically.</li>
 * </ul>
 *
 * While the semantic index is still being computed, a hit without a vector has no similarity and
 * passes on lexical evidence alone. {@code AlertEvidenceTests} pins the bar on the fixture.
 */
final class AlertEvidence {

    /** Units of the demand's title a lexical match needs at least: two words. */
    static final int SHARED = 4;

    private final SearchIndex index;
    private final AlertProperties bar;

    AlertEvidence(SearchIndex index, AlertProperties bar) {
        this.index = index;
        this.bar = bar;
    }

    /** Whether the hit has real evidence for the demand: lexical or semantic, as above. */
    boolean fits(Demand demand, MatchHit hit) {
        Double similarity = hit.reasons().similarity();
        if (similarity != null && similarity >= bar.similarity()) {
            return true;
        }
        String evidence = String.join("\n", texts(hit));
        return !evidence.isBlank() && Stream.of(demand.titleZh(), demand.titleEn()).anyMatch(title -> covered(title, evidence));
    }

    /**
     * The other way round, for a profile's "demands that fit" ({@link DemandFits}): whether a demand hit
     * of a person's or an organization's profile text has the same evidence, its cosine to the profile,
     * or its title found in the profile text (keywords, description, outputs' titles); or one of the
     * keywords its enterprise gave it is in the profile text (抗体药物 for the antibody-drug researcher:
     * a long title shares too small a part with a profile for the coverage bar).
     */
    boolean fitsProfile(String profile, MatchHit demand) {
        Double similarity = demand.reasons().similarity();
        if (similarity != null && similarity >= bar.similarity() || !demand.reasons().sharedKeywords().isEmpty()) {
            return true;
        }
        return profile != null && !profile.isBlank()
                && Stream.of(demand.nameZh(), demand.nameEn()).anyMatch(title -> covered(title, profile));
    }

    /** Whether enough of the title is found in the evidence: at least {@link #SHARED} units and the share {@code coverage}. */
    boolean covered(String title, String evidence) {
        if (title == null || title.isBlank()) {
            return false;
        }
        int found = 0;
        int total = 0;
        for (Highlight piece : index.highlight(evidence, title)) {
            int units = units(piece.text());
            total += units;
            if (piece.matched()) {
                found += units;
            }
        }
        return found >= SHARED && total > 0 && (double) found / total >= bar.coverage();
    }

    /** The hit's texts that may hold the demand's words: its supports' titles, shared keywords, an organization's name. */
    static List<String> texts(MatchHit hit) {
        List<String> texts = new ArrayList<>();
        if (hit.kind() == EntityKind.ORGANIZATION) {
            texts.add(hit.nameZh());
            texts.add(hit.nameEn());
        }
        for (MatchHit.Support support : hit.reasons().supports()) {
            texts.add(support.titleZh());
            texts.add(support.titleEn());
        }
        texts.addAll(hit.reasons().sharedKeywords());
        return texts.stream().filter(t -> t != null && !t.isBlank()).toList();
    }

    /** One unit per Chinese character, two per word of letters or digits (an English word says about as much as a two-character word). */
    static int units(String text) {
        int units = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (Text.containsHan(Character.toString(c))) {
                units++;
                inWord = false;
            } else if (Character.isLetterOrDigit(c)) {
                if (!inWord) {
                    units += 2;
                }
                inWord = true;
            } else {
                inWord = false;
            }
        }
        return units;
    }
}

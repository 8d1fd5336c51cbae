package org.triplehelix.matching;

import java.util.List;
import org.triplehelix.matching.SearchIndex.Highlight;

/**
 * One ranked entity and why it is there.
 *
 * @param name       its name or title, the parts that match the query marked
 * @param score      its score in this ranking (comparable within one match only)
 * @param reasons    the evidence: matched terms, semantic similarity, supporting outputs, organization, keywords
 */
public record MatchHit(EntityKind kind, String extId, int rank, double score, String nameZh, String nameEn,
                       List<Highlight> name, Reasons reasons) {

    /**
     * @param matchedTerms   the query's terms found in the name or the supporting outputs, without a title's framing
     *                       such as 一种 or 基于 ({@link ShownTerms}: shown, never scored)
     * @param similarity     the best cosine similarity between the query and the entity's texts (null: no vector yet)
     * @param supports       the outputs that support the hit most, best first
     * @param organization   the organization behind it (a person's, an output's first, a facility's; an organization itself)
     * @param sharedKeywords its keywords (and its outputs') that the demand shares
     */
    public record Reasons(List<String> matchedTerms, Double similarity, List<Support> supports, Organization organization,
                          List<String> sharedKeywords) {
    }

    /** An output behind a hit: its share of the hit's score and its own lexical and semantic scores. */
    public record Support(String extId, String titleZh, String titleEn, List<Highlight> title, Integer year, String type,
                          double weight, Float bm25, Float similarity) {
    }

    /** An organization and its tier (national laboratory, university, enterprise, …). */
    public record Organization(String extId, String nameZh, String nameEn, String type) {
    }
}

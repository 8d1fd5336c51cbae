package org.triplehelix.matching.ranking;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code helix.matching.*}: how the ranking is put together (see {@link Ranker}). The defaults were
 * chosen by measurement (docs/matching.md); the properties exist to repeat those measurements, not to
 * tune per collection.
 *
 * @param wordsWeight        weight of the smartcn word fields in a lexical match
 * @param bigramsWeight      weight of the character-bigram fields
 * @param englishWeight      weight of the English fields
 * @param bodyWeight         weight of the body (abstract, description) against the title's 1
 * @param lexicalDepth       documents taken from BM25
 * @param denseDepth         documents taken from the kNN search
 * @param lexicalWeight      λ, weight of the lexical term of a document's weight against the dense term's 1
 * @param denseWeight        weight of the dense term
 * @param lexicalTemperature τ_lex, how fast the lexical term falls below the best BM25 score
 * @param denseTemperature   τ_dense, how fast the dense term falls below the best cosine
 * @param supportDepth       how many of the best documents count for the aggregation
 * @param profileWeight      weight of an entity's own profile against the evidence of its outputs
 * @param profileDepth       how many profiles are looked at
 * @param denseMassExponent  the dense weights are divided by their sum (the number of documents near the best
 *                           cosine) to this power: uniform similarities count for less
 */
@ConfigurationProperties("helix.matching")
public record RankingProperties(
        @DefaultValue("1") float wordsWeight,
        @DefaultValue("1") float bigramsWeight,
        @DefaultValue("1") float englishWeight,
        @DefaultValue("0.5") float bodyWeight,
        @DefaultValue("1000") int lexicalDepth,
        @DefaultValue("300") int denseDepth,
        @DefaultValue("3") float lexicalWeight,
        @DefaultValue("1") float denseWeight,
        @DefaultValue("5") float lexicalTemperature,
        @DefaultValue("10") float denseTemperature,
        @DefaultValue("1000") int supportDepth,
        @DefaultValue("0.5") float profileWeight,
        @DefaultValue("300") int profileDepth,
        @DefaultValue("0.5") float denseMassExponent) {
}

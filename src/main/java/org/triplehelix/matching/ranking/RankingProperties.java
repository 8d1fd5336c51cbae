package org.triplehelix.matching.ranking;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code helix.matching.*}: how the ranking is put together. The defaults were chosen by measurement
 * (docs/matching.md); the properties exist to repeat those measurements, not to tune per collection.
 *
 * @param wordsWeight   weight of the smartcn word fields in a lexical match
 * @param bigramsWeight weight of the character-bigram fields
 * @param englishWeight weight of the English fields
 * @param bodyWeight    weight of the body (abstract, description) against the title's 1
 * @param lexicalDepth  outputs taken from BM25 for the aggregation
 * @param denseDepth    outputs taken from the kNN search
 * @param rrfK          the k of reciprocal-rank fusion (60, Cormack, Clarke and Büttcher, SIGIR 2009)
 * @param lexicalWeight weight of the lexical ranking in the fusion
 * @param denseWeight   weight of the dense ranking in the fusion
 * @param profileWeight weight of an entity's own profile against the evidence of its outputs
 * @param supportDepth  how many fused outputs count for an entity
 */
@ConfigurationProperties("helix.matching")
public record RankingProperties(
        @DefaultValue("1") float wordsWeight,
        @DefaultValue("1") float bigramsWeight,
        @DefaultValue("1") float englishWeight,
        @DefaultValue("0.5") float bodyWeight,
        @DefaultValue("1000") int lexicalDepth,
        @DefaultValue("300") int denseDepth,
        @DefaultValue("60") int rrfK,
        @DefaultValue("1") float lexicalWeight,
        @DefaultValue("1") float denseWeight,
        @DefaultValue("1") float profileWeight,
        @DefaultValue("1000") int supportDepth,
        @DefaultValue("rrf") String fusion,
        @DefaultValue("sum") String aggregation,
        @DefaultValue("20") float temperature) {
}

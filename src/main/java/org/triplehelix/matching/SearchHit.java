package org.triplehelix.matching;

import java.util.List;

/**
 * One document a {@link SearchIndex} search returned: its score (BM25 for a lexical search, the
 * cosine for a kNN search), its cosine similarity to the query vector when one was given and the
 * document has a vector (else null), and the entities it is linked to.
 */
public record SearchHit(EntityKind kind, String extId, float score, Float similarity, List<String> people,
                        List<String> organizations) {
}

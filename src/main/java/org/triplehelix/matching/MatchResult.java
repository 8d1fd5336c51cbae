package org.triplehelix.matching;

import java.util.List;

/**
 * The hits of a match, and how complete the semantic side was: {@code semantic} is false when the
 * query could not be embedded (embeddings disabled), {@code semanticPercent} how much of the index
 * has its vectors (lexical matching covers the rest meanwhile).
 */
public record MatchResult(MatchRequest request, List<MatchHit> hits, boolean semantic, int semanticPercent, long millis) {
}

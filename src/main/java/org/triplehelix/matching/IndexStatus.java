package org.triplehelix.matching;

import java.util.Map;

/**
 * The state of the search index for the UI, the API and {@code helix index status}: what it holds,
 * what the database holds, how much of the semantic index is ready, and whether it needs a rebuild.
 */
public record IndexStatus(IndexStats index, Map<EntityKind, Long> database, boolean stale, boolean readOnly,
                          long cachedEmbeddings, String model) {

    /** Percent of the semantic index that is ready, rounded down. */
    public int semanticPercent() {
        return (int) Math.floor(index.semanticReady() * 100);
    }
}

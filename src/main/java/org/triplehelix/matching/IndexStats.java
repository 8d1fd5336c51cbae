package org.triplehelix.matching;

import java.util.Map;

/**
 * What the index holds: documents per kind, how many of those with something to embed have their
 * vector, and the version stamp (analyzers, model, schema) it was built with.
 */
public record IndexStats(Map<EntityKind, Long> documents, long embeddable, long withVector, String stamp) {

    public long total() {
        return documents.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The share of the semantic index that is ready, 0–1 (1 when nothing needs a vector). */
    public double semanticReady() {
        return embeddable == 0 ? 1.0 : (double) withVector / embeddable;
    }

    public long pendingVectors() {
        return embeddable - withVector;
    }
}

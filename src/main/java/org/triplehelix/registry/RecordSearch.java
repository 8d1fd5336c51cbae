package org.triplehelix.registry;

import java.util.List;
import java.util.Optional;

/**
 * The engine behind the header search box: ranks the records of a kind for a query, best first.
 * The matching module provides it over its search index (BM25 over names and texts analyzed for
 * Chinese and English); without it, or while its index is not built, the registry falls back to
 * its own trigram search.
 */
public interface RecordSearch {

    /** At most {@code limit} external ids of records of {@code kind}, best first; empty when the engine cannot answer now. */
    Optional<List<String>> rank(RecordKind kind, String query, int limit);
}

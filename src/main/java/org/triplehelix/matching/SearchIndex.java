package org.triplehelix.matching;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The port to the search engine (ARCHITECTURE.md, Scale): the embedded Lucene index today, a search
 * cluster such as OpenSearch tomorrow. Documents are keyed by kind and external id; writing one that
 * exists replaces it. Writes become visible to searches after {@link #commit()}.
 */
public interface SearchIndex extends AutoCloseable {

    /** The state key marking a complete build: an index without it is {@link #stale()}. */
    String COMPLETE = "complete";

    /** Adds or replaces documents. */
    void index(Collection<IndexDocument> documents);

    void delete(EntityKind kind, Collection<String> extIds);

    /** Removes everything and stamps the empty index with the current version (a rebuild follows). */
    void clear();

    /** Makes the writes so far durable and searchable; {@code state} is kept with the commit. */
    void commit(Map<String, String> state);

    /** Makes the writes so far searchable, without the cost of making them durable. */
    void refresh();

    /** The state saved with the last commit (e.g. how far the registry has been read). */
    Map<String, String> state();

    /** True when the index was built with other analyzers, model or schema, or never: it must be rebuilt. */
    boolean stale();

    /**
     * BM25 over the analyzed title and body, with the weight of each; with {@code vector} (may be
     * null), each hit also carries its exact cosine similarity to it.
     */
    List<SearchHit> lexical(EntityKind kind, String text, float titleWeight, float bodyWeight, float[] vector,
                            SearchFilter filter, int k);

    /** The k nearest by cosine similarity (the hit's score); approximate, ask for more than you show. */
    List<SearchHit> nearest(EntityKind kind, float[] vector, SearchFilter filter, int k);

    /** Those of {@code extIds} that {@code filter} admits. */
    java.util.Set<String> admitted(EntityKind kind, Collection<String> extIds, SearchFilter filter);

    /** The stored documents, in the order of {@code extIds}, skipping unknown ones (vectors included). */
    List<IndexDocument> documents(EntityKind kind, List<String> extIds);

    /** Documents that have something to embed and no vector yet, at most {@code limit}. */
    List<IndexDocument> missingVectors(int limit);

    /** The terms of {@code text} that also occur in {@code query}, as the lexical search analyzes them. */
    List<Highlight> highlight(String query, String text);

    IndexStats stats();

    /** True when another process holds the index for writing: this one only reads it. */
    default boolean readOnly() {
        return false;
    }

    /** A piece of text, and whether it matched the query. */
    record Highlight(String text, boolean matched) {
    }

    @Override
    void close();
}

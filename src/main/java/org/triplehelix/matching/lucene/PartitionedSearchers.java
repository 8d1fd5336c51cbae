package org.triplehelix.matching.lucene;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;

/**
 * Searchers that split a large index into as many slices as there are cores, whole segments or
 * parts of one (Lucene 10's intra-segment concurrency), searched at once: the index is merged into
 * one segment after a rebuild, and a search of a million documents would otherwise run on one core
 * while the other waits. Each slice finds its own top k and the slices' lists are merged, so the
 * result is the same as one sequential search (ties by document). An index smaller than
 * {@link #MIN_DOCS_PER_SLICE} documents a core is searched as before, in one slice a segment group.
 */
final class PartitionedSearchers extends SearcherFactory implements AutoCloseable {

    /** Below this many documents a slice costs more to coordinate than it saves. */
    static final int MIN_DOCS_PER_SLICE = 250_000;

    private final int cores;
    private final int minDocsPerSlice;
    private final ExecutorService executor;

    PartitionedSearchers(int cores) {
        this(cores, MIN_DOCS_PER_SLICE);
    }

    PartitionedSearchers(int cores, int minDocsPerSlice) {
        this.cores = Math.max(1, cores);
        this.minDocsPerSlice = minDocsPerSlice;
        this.executor = this.cores == 1 ? null : Executors.newFixedThreadPool(this.cores,
                Thread.ofPlatform().name("index-search-", 0).daemon().factory());
    }

    @Override
    public IndexSearcher newSearcher(IndexReader reader, IndexReader previousReader) {
        if (executor == null) {
            return new IndexSearcher(reader);
        }
        int perSlice = Math.max(minDocsPerSlice, (reader.maxDoc() + cores - 1) / cores);
        return new IndexSearcher(reader, executor) {
            @Override
            protected LeafSlice[] slices(List<LeafReaderContext> leaves) {
                return slices(leaves, perSlice, Integer.MAX_VALUE, true);
            }
        };
    }

    @Override
    public void close() {
        if (executor != null) {
            executor.shutdown();
            try {
                executor.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}

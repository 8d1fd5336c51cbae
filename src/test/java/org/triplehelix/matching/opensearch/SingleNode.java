package org.triplehelix.matching.opensearch;

import java.time.Duration;
import org.triplehelix.matching.SearchIndex;
import org.triplehelix.matching.lucene.LuceneSearchIndex;

/**
 * The single OpenSearch node the integration tests share: started on first use (127.0.0.1, HTTP and
 * transport on ports free at that moment), stopped when the test JVM ends.
 */
public final class SingleNode {

    private static OpenSearchNodes.Node node;

    private SingleNode() {
    }

    public static synchronized String url() {
        if (node == null || !node.alive()) {
            int[] ports = OpenSearchNodes.freePorts(2);
            node = OpenSearchNodes.single("helix-test-single", ports[0], ports[1]);
        }
        return node.url();
    }

    /** Stops the node (the cluster test frees the machine for its three); the next {@link #url()} starts it again. */
    public static synchronized void stop() {
        if (node != null) {
            node.stop();
            node = null;
        }
    }

    /** An adapter on the node for indices named {@code prefix}, 512-d vectors of bge-small-zh-v1.5, default weights. */
    public static OpenSearchSearchIndex open(String prefix) {
        return open(url(), prefix, "bge-small-zh-v1.5", 512, 1, 0);
    }

    public static OpenSearchSearchIndex open(String url, String prefix, String model, int dimension, int shards, int replicas) {
        return new OpenSearchSearchIndex(new OpenSearchSearchIndex.Settings(url, prefix, shards, replicas, 8, Duration.ofSeconds(30)),
                model, dimension, new LuceneSearchIndex.Weights(1, 1, 1), 300);
    }

    /** Clears, indexes and commits a complete index. */
    public static OpenSearchSearchIndex filled(String prefix, java.util.Collection<org.triplehelix.matching.IndexDocument> documents) {
        OpenSearchSearchIndex index = open(prefix);
        index.clear();
        index.index(documents);
        index.commit(java.util.Map.of(SearchIndex.COMPLETE, "true"));
        return index;
    }
}

package org.triplehelix.matching;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.triplehelix.matching.opensearch.OpenSearchSearchIndex;
import org.triplehelix.matching.opensearch.SingleNode;
import org.triplehelix.matching.ranking.Ranker;

/**
 * The golden rankings of {@link RankerTests}, every one of them, with the fixture in a real OpenSearch
 * node instead of the embedded index: the same order of hits, the same evidence.
 */
class OpenSearchRankerIntegrationTests extends RankerTests {

    static OpenSearchSearchIndex cluster;

    @BeforeAll
    static void indexTheFixture() {
        cluster = SingleNode.filled("helix-ranker", Fixture.documentsWithVectors());
        ranker = new Ranker(cluster, FixtureIndex.DEFAULTS);
    }

    @AfterAll
    static void close() {
        cluster.close();
    }
}

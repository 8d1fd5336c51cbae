package org.triplehelix.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.triplehelix.matching.lucene.LuceneSearchIndex;
import org.triplehelix.matching.opensearch.OpenSearchNodes;
import org.triplehelix.matching.opensearch.OpenSearchSearchIndex;
import org.triplehelix.matching.opensearch.SingleNode;
import org.triplehelix.matching.ranking.Ranker;

/**
 * A three-node cluster on loopback: two data nodes and a small cluster-manager-only node (all three
 * master-eligible, so any one may die), the index in 2 shards with 1 replica. A data node is killed
 * with SIGKILL: matching goes on with the same answers, indexing goes on, the cluster is yellow; the
 * node comes back and the cluster is green again, with every write.
 */
class OpenSearchClusterIntegrationTests {

    private static final String[] DEMANDS = {"固态电解质电池的研发", "AI for medical image segmentation", "水稻育种", "数据中心光模块与硅光芯片"};

    @TempDir
    static Path directory;

    static List<OpenSearchNodes.Node> nodes;
    static OpenSearchSearchIndex cluster;
    static LuceneSearchIndex embedded;
    static final List<String> timings = new ArrayList<>();

    @BeforeAll
    static void startTheCluster() {
        SingleNode.stop(); // if another test started it: 2 cores do not run four nodes well
        long started = System.nanoTime();
        nodes = OpenSearchNodes.cluster("helix-test-cluster", 2);
        lap("3 nodes up and joined", started);
        cluster = SingleNode.open(nodes.get(0).url() + "," + nodes.get(1).url(), "helix-cluster", "bge-small-zh-v1.5", 512, 2, 1);
        long indexing = System.nanoTime();
        cluster.clear();
        cluster.index(Fixture.documentsWithVectors());
        cluster.commit(Map.of(SearchIndex.COMPLETE, "true"));
        OpenSearchNodes.awaitStatus(nodes.getFirst().url(), "green", Duration.ofMinutes(2));
        lap("fixture indexed (2 shards x 1 replica), green", indexing);
        embedded = FixtureIndex.open(directory, true);
    }

    @AfterAll
    static void stopTheCluster() {
        if (cluster != null) {
            cluster.close();
        }
        if (embedded != null) {
            embedded.close();
        }
        if (nodes != null) {
            nodes.forEach(OpenSearchNodes.Node::stop);
        }
        System.out.println("Cluster test timings: " + String.join("; ", timings));
    }

    @Test
    void matchingAndIndexingGoOnWhenADataNodeDiesAndTheClusterHealsWhenItReturns() {
        assertThat(rankings(cluster)).as("2 shards rank as one index").isEqualTo(rankings(embedded));

        OpenSearchNodes.Node victim = nodes.get(1);
        long killed = System.nanoTime();
        victim.kill();
        assertThat(rankings(cluster)).as("answers with a data node dead").isEqualTo(rankings(embedded));
        lap("first full answers after SIGKILL", killed);

        long writing = System.nanoTime();
        List<IndexDocument> added = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            added.add(new IndexDocument(EntityKind.OUTPUT, "out-during-" + i, "钙钛矿太阳能电池稳定性研究 " + i, null, null, null, List.of(),
                    "paper", null, null, null, 2025, List.of("person-li-wei"), List.of("org-battery-lab"), null, null, null, false));
        }
        cluster.index(added);
        cluster.commit(Map.of());
        lap("20 documents written with a data node dead", writing);
        assertThat(written(cluster)).hasSize(20);
        assertThat(OpenSearchNodes.get(nodes.getFirst().url() + "/_cluster/health")).contains("\"status\":\"yellow\"");

        long back = System.nanoTime();
        victim.launch().awaitHttp(Duration.ofMinutes(3));
        OpenSearchNodes.awaitStatus(nodes.getFirst().url(), "green", Duration.ofMinutes(3));
        lap("killed node restarted, cluster green again", back);
        assertThat(cluster.stats().total()).as("no write lost").isEqualTo(Fixture.documents().size() + 20L);
        assertThat(written(cluster)).hasSize(20);
        cluster.delete(EntityKind.OUTPUT, added.stream().map(IndexDocument::extId).toList());
        cluster.commit(Map.of());
        // the deleted documents still count in BM25's statistics until their segments merge (the
        // embedded index never held them), and the recovered copy's segments differ from the
        // primary's: expunge them; the leading hits must then be the embedded index's
        OpenSearchNodes.post(nodes.getFirst().url() + "/helix-cluster*/_forcemerge?only_expunge_deletes=true", null);
        cluster.refresh();
        assertThat(top(rankings(cluster), 3)).as("answers after the node returned").isEqualTo(top(rankings(embedded), 3));
    }

    private static List<String> written(SearchIndex index) {
        return index.lexical(EntityKind.OUTPUT, "钙钛矿太阳能电池", 1, 0.5f, null, SearchFilter.NONE, 100).stream()
                .map(SearchHit::extId).filter(id -> id.startsWith("out-during-")).toList();
    }

    /** The first five people and organizations for each demand, hybrid. */
    private static List<List<String>> rankings(SearchIndex index) {
        Ranker ranker = new Ranker(index, FixtureIndex.DEFAULTS);
        List<List<String>> rankings = new ArrayList<>();
        for (String demand : DEMANDS) {
            float[] vector = Fixture.embedder().embed(demand);
            for (EntityKind target : List.of(EntityKind.PERSON, EntityKind.ORGANIZATION)) {
                rankings.add(ranker.rank(target, demand, vector, SearchFilter.NONE).stream().limit(5).map(Ranker.Candidate::extId).toList());
            }
        }
        return rankings;
    }

    private static void lap(String what, long since) {
        timings.add(what + " " + Duration.ofNanos(System.nanoTime() - since).toMillis() + " ms");
    }

    private static List<List<String>> top(List<List<String>> rankings, int n) {
        return rankings.stream().map(r -> r.subList(0, Math.min(n, r.size()))).toList();
    }
}

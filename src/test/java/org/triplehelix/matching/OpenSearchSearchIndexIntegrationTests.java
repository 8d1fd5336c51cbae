package org.triplehelix.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.triplehelix.matching.lucene.LuceneSearchIndex;
import org.triplehelix.matching.opensearch.OpenSearchNodes;
import org.triplehelix.matching.opensearch.OpenSearchSearchIndex;
import org.triplehelix.matching.opensearch.SearchClusterException;
import org.triplehelix.matching.opensearch.SingleNode;

/**
 * The OpenSearch adapter on a real node: the port's contract as {@link LuceneSearchIndexTests} states
 * it for the embedded index, the same hits and scores as the embedded index, versioned indices with
 * searches going on during a rebuild, the index template, and the errors when the cluster is
 * unreachable or red.
 */
class OpenSearchSearchIndexIntegrationTests {

    @TempDir
    Path directory;

    @Test
    void documentsComeBackAsTheyWentIn() {
        try (OpenSearchSearchIndex index = SingleNode.filled("helix-docs", Fixture.documentsWithVectors())) {
            IndexDocument output = index.documents(EntityKind.OUTPUT, List.of("out-01", "nobody", "out-02")).getFirst();
            assertThat(output.titleEn()).isEqualTo("Interface stability of sulfide solid-state electrolytes");
            assertThat(output.people()).containsExactly("person-li-wei");
            assertThat(output.vector()).hasSize(512);
            assertThat(index.documents(EntityKind.OUTPUT, List.of("out-01", "nobody", "out-02"))).extracting(IndexDocument::extId)
                    .containsExactly("out-01", "out-02");
            assertThat(index.stats().documents()).containsEntry(EntityKind.OUTPUT, 30L).containsEntry(EntityKind.PERSON, 13L);
            assertThat(index.stats().semanticReady()).isEqualTo(1.0);
            assertThat(index.stale()).isFalse();
        }
    }

    @Test
    void documentsWithoutVectorsArePendingUntilTheyGetOne() {
        try (OpenSearchSearchIndex index = SingleNode.filled("helix-pending", Fixture.documents())) {
            assertThat(index.stats().pendingVectors()).isEqualTo(55);
            List<IndexDocument> pending = index.missingVectors(10);
            assertThat(pending).hasSize(10);
            index.index(pending.stream().map(d -> d.withVector(Fixture.embedder().embed(d.embeddingText()))).toList());
            index.refresh();
            assertThat(index.stats().pendingVectors()).isEqualTo(45);
        }
    }

    @Test
    void aWriteReplacesAndADeleteRemoves() {
        try (OpenSearchSearchIndex index = SingleNode.filled("helix-writes", Fixture.documents())) {
            IndexDocument output = index.documents(EntityKind.OUTPUT, List.of("out-08")).getFirst();
            index.index(List.of(new IndexDocument(EntityKind.OUTPUT, "out-08", "量子点发光二极管", null, null, null, List.of(),
                    "paper", null, null, null, 2024, output.people(), output.organizations(), null, null, null, false)));
            index.delete(EntityKind.OUTPUT, List.of("out-09", "never-there"));
            index.commit(Map.of());
            assertThat(index.lexical(EntityKind.OUTPUT, "光纤激光器", 1, 1, null, SearchFilter.NONE, 10)).isEmpty();
            assertThat(index.lexical(EntityKind.OUTPUT, "量子点", 1, 1, null, SearchFilter.NONE, 10))
                    .extracting(SearchHit::extId).containsExactly("out-08");
            assertThat(index.stats().documents()).containsEntry(EntityKind.OUTPUT, 29L);
        }
    }

    @Test
    void theSameHitsAndScoresAsTheEmbeddedIndex() {
        try (LuceneSearchIndex lucene = FixtureIndex.open(directory, true);
             OpenSearchSearchIndex cluster = SingleNode.filled("helix-parity", Fixture.documentsWithVectors())) {
            for (String text : List.of("固态电解质电池的研发", "AI for medical image segmentation", "水稻育种", "桥梁健康监测与拉索损伤")) {
                float[] vector = Fixture.embedder().embed(text);
                for (EntityKind kind : List.of(EntityKind.OUTPUT, EntityKind.PERSON, EntityKind.ORGANIZATION)) {
                    List<SearchHit> embedded = lucene.lexical(kind, text, 1, 0.5f, vector, SearchFilter.NONE, 100);
                    List<SearchHit> remote = cluster.lexical(kind, text, 1, 0.5f, vector, SearchFilter.NONE, 100);
                    assertThat(remote).as("lexical %s %s", kind, text).hasSameSizeAs(embedded);
                    for (int i = 0; i < embedded.size(); i++) {
                        assertThat(remote.get(i).score()).as("BM25 of %s", embedded.get(i).extId()).isCloseTo(embedded.get(i).score(), within(1e-3f));
                        assertThat(remote.get(i).similarity()).isCloseTo(embedded.get(i).similarity(), within(1e-4f));
                        assertThat(remote.get(i).people()).isEqualTo(embedded.get(i).people());
                    }
                    List<SearchHit> near = lucene.nearest(kind, vector, SearchFilter.NONE, 5);
                    assertThat(cluster.nearest(kind, vector, SearchFilter.NONE, 5)).extracting(SearchHit::extId)
                            .as("nearest %s %s", kind, text).isEqualTo(near.stream().map(SearchHit::extId).toList());
                }
            }
        }
    }

    @Test
    void filtersAdmitOnlyWhatTheyDescribe() {
        try (OpenSearchSearchIndex index = SingleNode.filled("helix-filters", Fixture.documents())) {
            SearchFilter hubei = new SearchFilter(null, null, Set.of("420000"), null, null, null, null, null);
            assertThat(index.admitted(EntityKind.PERSON, List.of("person-li-wei", "person-xu-na", "person-wu-qiang"), hubei))
                    .containsExactlyInAnyOrder("person-li-wei", "person-wu-qiang");
            SearchFilter wuhan = new SearchFilter(null, null, Set.of("420100"), null, null, null, null, null);
            assertThat(index.admitted(EntityKind.PERSON, List.of("person-li-wei", "person-wu-qiang"), wuhan)).containsExactly("person-li-wei");
            SearchFilter notLiWei = SearchFilter.NONE.withExcluded(Set.of("person-li-wei"));
            assertThat(index.admitted(EntityKind.PERSON, List.of("person-li-wei", "person-zhang-min"), notLiWei)).containsExactly("person-zhang-min");
            assertThat(index.highlight("固态电解质电池", "硫化物固态电解质的界面稳定性研究")).extracting(SearchIndex.Highlight::text)
                    .containsExactly("硫化物", "固态电解质", "的界面稳定性研究");
        }
    }

    @Test
    void aRebuildGoesIntoANewIndexWhileSearchesGoOnInTheOld() {
        try (OpenSearchSearchIndex index = SingleNode.filled("helix-rebuild", Fixture.documents())) {
            String before = index.searchedIndex();
            index.clear();
            assertThat(index.stale()).isTrue();
            // the old index still answers, whole, while the new one fills
            assertThat(index.lexical(EntityKind.OUTPUT, "光纤激光器", 1, 1, null, SearchFilter.NONE, 10)).extracting(SearchHit::extId)
                    .contains("out-08", "out-09");
            index.index(Fixture.documents().subList(0, 5));
            index.commit(Map.of());
            assertThat(index.searchedIndex()).isEqualTo(before);
            try (OpenSearchSearchIndex reopened = SingleNode.open("helix-rebuild")) {
                assertThat(reopened.stale()).as("an interrupted rebuild is stale").isTrue();
            }
            index.index(Fixture.documents());
            index.commit(Map.of(SearchIndex.COMPLETE, "true"));
            assertThat(index.stale()).isFalse();
            assertThat(index.searchedIndex()).isNotEqualTo(before);
            assertThat(OpenSearchNodes.get(SingleNode.url() + "/" + before)).as("the old index is dropped").isNull();
            assertThat(index.state()).containsEntry(SearchIndex.COMPLETE, "true");
        }
    }

    @Test
    void anotherModelMakesTheIndexStale() {
        SingleNode.filled("helix-model", Fixture.documents()).close();
        try (OpenSearchSearchIndex other = SingleNode.open(SingleNode.url(), "helix-model", "another-model", 384, 1, 0)) {
            assertThat(other.stale()).isTrue();
            other.clear();
            assertThat(other.stats().total()).isZero();
        }
    }

    @Test
    void theTemplateForcesTheLuceneEngine() {
        try (OpenSearchSearchIndex index = SingleNode.open("helix-template")) {
            String mapping = OpenSearchNodes.get(SingleNode.url() + "/helix-template/_mapping");
            assertThat(mapping).contains("\"engine\":\"lucene\"").contains("\"dynamic\":\"strict\"");
            assertThat(OpenSearchNodes.get(SingleNode.url() + "/_index_template/helix-template-template"))
                    .contains("\"engine\":\"lucene\"").contains("helix-template-v*");
            assertThat(index.stale()).isTrue();
        }
    }

    @Test
    void anUnreachableClusterIsAClearError() {
        String nowhere = "http://127.0.0.1:" + OpenSearchNodes.freePorts(1)[0];
        assertThatThrownBy(() -> SingleNode.open(nowhere, "helix-nowhere", "m", 512, 1, 0))
                .isInstanceOf(SearchClusterException.class)
                .hasMessageContaining(nowhere).hasMessageContaining("unreachable");
    }

    @Test
    void aRedClusterIsAClearError() {
        String url = SingleNode.url();
        // an index whose only shard can never be allocated turns the cluster red
        OpenSearchNodes.put(url + "/helix-red-probe?wait_for_active_shards=0",
                "{\"settings\":{\"number_of_shards\":1,\"number_of_replicas\":0,\"index.routing.allocation.require._name\":\"no-such-node\"}}");
        try {
            assertThatThrownBy(() -> new OpenSearchSearchIndex(new OpenSearchSearchIndex.Settings(url, "helix-red", 1, 0, 2, Duration.ofSeconds(2)),
                    "m", 512, new LuceneSearchIndex.Weights(1, 1, 1), 300))
                    .isInstanceOf(SearchClusterException.class).hasMessageContaining("is red").hasMessageContaining("1 unassigned");
        } finally {
            OpenSearchNodes.delete(url + "/helix-red-probe");
        }
    }
}

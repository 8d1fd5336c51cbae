package org.triplehelix.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.triplehelix.matching.lucene.LuceneSearchIndex;
import org.triplehelix.shared.RetriedLater;

/** The Lucene adapter: documents in and out, vectors, version stamps, highlights. */
class LuceneSearchIndexTests {

    @TempDir
    Path directory;

    @Test
    void documentsComeBackAsTheyWentIn() {
        try (LuceneSearchIndex index = FixtureIndex.open(directory, true)) {
            IndexDocument output = index.documents(EntityKind.OUTPUT, List.of("out-01")).getFirst();
            assertThat(output.titleEn()).isEqualTo("Interface stability of sulfide solid-state electrolytes");
            assertThat(output.people()).containsExactly("person-li-wei");
            assertThat(output.vector()).hasSize(512);
            assertThat(index.stats().documents()).containsEntry(EntityKind.OUTPUT, 30L).containsEntry(EntityKind.PERSON, 13L);
            assertThat(index.stats().semanticReady()).isEqualTo(1.0);
        }
    }

    @Test
    void documentsWithoutVectorsArePendingUntilTheyGetOne() {
        try (LuceneSearchIndex index = FixtureIndex.open(directory, false)) {
            assertThat(index.stats().pendingVectors()).isEqualTo(55);
            List<IndexDocument> pending = index.missingVectors(10);
            assertThat(pending).hasSize(10);
            index.index(pending.stream().map(d -> d.withVector(Fixture.embedder().embed(d.embeddingText()))).toList());
            index.refresh();
            assertThat(index.stats().pendingVectors()).isEqualTo(45);
            assertThat(index.stats().semanticReady()).isCloseTo(10.0 / 55, org.assertj.core.api.Assertions.within(1e-9));
        }
    }

    @Test
    void aWriteReplacesAndADeleteRemoves() {
        try (LuceneSearchIndex index = FixtureIndex.open(directory, false)) {
            IndexDocument output = index.documents(EntityKind.OUTPUT, List.of("out-08")).getFirst();
            index.index(List.of(new IndexDocument(EntityKind.OUTPUT, "out-08", "量子点发光二极管", null, null, null, List.of(),
                    "paper", null, null, null, 2024, output.people(), output.organizations(), null, null, null, false)));
            index.delete(EntityKind.OUTPUT, List.of("out-09"));
            index.commit(Map.of());
            assertThat(index.lexical(EntityKind.OUTPUT, "光纤激光器", 1, 1, null, SearchFilter.NONE, 10)).isEmpty();
            assertThat(index.lexical(EntityKind.OUTPUT, "量子点", 1, 1, null, SearchFilter.NONE, 10))
                    .extracting(SearchHit::extId).containsExactly("out-08");
            assertThat(index.stats().documents()).containsEntry(EntityKind.OUTPUT, 29L);
        }
    }

    @Test
    void aWriteToAnIndexThatAnotherProcessHoldsIsLeftToItWithoutAnErrorTrace() {
        try (LuceneSearchIndex holder = FixtureIndex.open(directory, false);
             LuceneSearchIndex command = new LuceneSearchIndex(directory, "bge-small-zh-v1.5", 512, new LuceneSearchIndex.Weights(1, 1, 1))) {
            assertThat(holder.readOnly()).isFalse();
            assertThat(command.readOnly()).isTrue();
            assertThatThrownBy(() -> command.delete(EntityKind.OUTPUT, List.of("out-08")))
                    .isInstanceOf(RetriedLater.class).hasMessageContaining("is in use by another process (a running serve on this --data)");
        }
    }

    @Test
    void anIndexOfAnotherVersionIsStaleAndCleared() {
        try (LuceneSearchIndex index = FixtureIndex.open(directory, false)) {
            assertThat(index.stale()).isFalse();
        }
        try (LuceneSearchIndex sameVersion = new LuceneSearchIndex(directory, "bge-small-zh-v1.5", 512, new LuceneSearchIndex.Weights(1, 1, 1))) {
            assertThat(sameVersion.stale()).isFalse();
            assertThat(sameVersion.stats().total()).isEqualTo(55);
        }
        try (LuceneSearchIndex otherModel = new LuceneSearchIndex(directory, "another-model", 384, new LuceneSearchIndex.Weights(1, 1, 1))) {
            assertThat(otherModel.stale()).isTrue();
            assertThat(otherModel.stats().total()).isZero();
        }
    }

    @Test
    void anIndexWhoseRebuildWasInterruptedIsStale() {
        try (LuceneSearchIndex index = new LuceneSearchIndex(directory, "bge-small-zh-v1.5", 512, new LuceneSearchIndex.Weights(1, 1, 1))) {
            index.clear();
            index.index(Fixture.documents().subList(0, 5));
            index.commit(Map.of());
            assertThat(index.stale()).isTrue();
            index.commit(Map.of(SearchIndex.COMPLETE, "true"));
            assertThat(index.stale()).isFalse();
        }
    }

    @Test
    void filtersAdmitOnlyWhatTheyDescribe() {
        try (LuceneSearchIndex index = FixtureIndex.open(directory, false)) {
            SearchFilter hubei = new SearchFilter(null, null, Set.of("420000"), null, null, null, null, null);
            assertThat(index.admitted(EntityKind.PERSON, List.of("person-li-wei", "person-xu-na", "person-wu-qiang"), hubei))
                    .containsExactlyInAnyOrder("person-li-wei", "person-wu-qiang");
            SearchFilter wuhan = new SearchFilter(null, null, Set.of("420100"), null, null, null, null, null);
            assertThat(index.admitted(EntityKind.PERSON, List.of("person-li-wei", "person-wu-qiang"), wuhan)).containsExactly("person-li-wei");
            SearchFilter notLiWei = SearchFilter.NONE.withExcluded(Set.of("person-li-wei"));
            assertThat(index.admitted(EntityKind.PERSON, List.of("person-li-wei", "person-zhang-min"), notLiWei)).containsExactly("person-zhang-min");
        }
    }

    @Test
    void highlightsMarkWhatMatchedTheQuery() {
        try (LuceneSearchIndex index = FixtureIndex.open(directory, false)) {
            List<SearchIndex.Highlight> pieces = index.highlight("固态电解质电池", "硫化物固态电解质的界面稳定性研究");
            assertThat(pieces).extracting(SearchIndex.Highlight::text).containsExactly("硫化物", "固态电解质", "的界面稳定性研究");
            assertThat(pieces).extracting(SearchIndex.Highlight::matched).containsExactly(false, true, false);
            List<SearchIndex.Highlight> english = index.highlight("segmenting medical images", "Transformer models for medical image segmentation");
            assertThat(english.stream().filter(SearchIndex.Highlight::matched).map(SearchIndex.Highlight::text))
                    .containsExactly("medical", "image", "segmentation");
        }
    }
}

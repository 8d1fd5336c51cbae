package org.triplehelix.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.triplehelix.matching.embedding.Embedder;
import org.triplehelix.matching.lucene.LuceneSearchIndex;
import org.triplehelix.matching.ranking.Ranker;

/**
 * Golden rankings on the fixture: the exact order of the first hits, hybrid (with the precomputed
 * bge-small-zh-v1.5 vectors) and lexical only. A change that moves them must say why.
 */
class RankerTests {

    @TempDir
    static Path directory;

    static LuceneSearchIndex index;
    static Ranker ranker;
    static final Embedder vectors = Fixture.embedder();

    @BeforeAll
    static void indexTheFixture() {
        index = FixtureIndex.open(directory, true);
        ranker = new Ranker(index, FixtureIndex.DEFAULTS);
    }

    @AfterAll
    static void close() {
        index.close();
    }

    static List<String> hybrid(EntityKind target, String text, int k) {
        return ids(ranker.rank(target, text, vectors.embed(text), SearchFilter.NONE), k);
    }

    static List<String> lexical(EntityKind target, String text, int k) {
        return ids(ranker.rank(target, text, null, SearchFilter.NONE), k);
    }

    static List<String> ids(List<Ranker.Candidate> candidates, int k) {
        return candidates.stream().limit(k).map(Ranker.Candidate::extId).toList();
    }

    @Test
    void expertsThroughTheirOutputs() {
        // the PEM electrolyser patent shares 电解 and is electrochemistry too: Zheng Hua comes before Xu Na's lithium-sulfur paper
        assertThat(hybrid(EntityKind.PERSON, "固态电解质电池的研发", 3)).containsExactly("person-li-wei", "person-zhang-min", "person-zheng-hua");
        assertThat(hybrid(EntityKind.PERSON, "钠离子电池储能", 3)).containsExactly("person-zhang-min", "person-li-wei", "person-xu-na");
        assertThat(hybrid(EntityKind.PERSON, "数据中心光模块与硅光芯片", 2)).containsExactly("person-wang-fang", "person-chen-jie");
        assertThat(hybrid(EntityKind.PERSON, "水稻育种", 2)).containsExactly("person-liu-yang", "person-zhao-lei");
        assertThat(hybrid(EntityKind.PERSON, "桥梁健康监测与拉索损伤", 1)).containsExactly("person-sun-hao");
        assertThat(hybrid(EntityKind.PERSON, "楚国简帛文献研究", 1)).containsExactly("person-wu-qiang");
        assertThat(hybrid(EntityKind.PERSON, "农作物病虫害绿色防控", 2)).containsExactly("person-zhao-lei", "person-liu-yang");
    }

    @Test
    void anEnglishDemandFindsChineseAndEnglishExperts() {
        assertThat(hybrid(EntityKind.PERSON, "AI for medical image segmentation", 2)).containsExactly("person-emily-hart", "person-zhou-ting");
        // lexically, only the outputs with English titles match (Zhou Ting's out-17 has one)
        assertThat(lexical(EntityKind.PERSON, "AI for medical image segmentation", 5)).containsExactly("person-emily-hart", "person-zhou-ting");
        // a Chinese demand, and the expert who writes in English: the vectors bridge the languages
        assertThat(hybrid(EntityKind.PERSON, "胸部X光片的自动诊断", 3)).startsWith("person-zhou-ting").contains("person-emily-hart");
    }

    /**
     * bge-small-zh puts English texts close together whatever they say (cosines within about 0.1 of
     * one another), so an English demand finds every English output "similar": an organization with
     * many loosely related outputs must not outweigh the lab whose one patent is what is asked for.
     */
    @Test
    void anEnglishDemandPutsTheMatchingLabBeforeAnOrganizationWithManyLooselyRelatedOutputs() {
        String demand = "We need low-iridium membrane electrode assemblies for PEM water electrolysers that keep their efficiency and life";
        assertThat(hybrid(EntityKind.ORGANIZATION, demand, 1)).containsExactly("org-hydrogen-lab");
        assertThat(hybrid(EntityKind.PERSON, demand, 1)).containsExactly("person-zheng-hua");
        assertThat(hybrid(EntityKind.OUTPUT, demand, 1)).containsExactly("out-23");
    }

    @Test
    void organizationsThroughTheirOutputs() {
        assertThat(hybrid(EntityKind.ORGANIZATION, "固态电解质电池的研发", 3)).containsExactly("org-battery-lab", "org-hydrogen-lab", "org-optics-univ");
        assertThat(hybrid(EntityKind.ORGANIZATION, "AI for medical image segmentation", 2)).containsExactly("org-coast-univ", "org-medical-ai");
        assertThat(hybrid(EntityKind.ORGANIZATION, "农作物病虫害绿色防控", 1)).containsExactly("org-agri-univ");
    }

    @Test
    void outputsAndFacilitiesDirectly() {
        assertThat(hybrid(EntityKind.OUTPUT, "固态电解质电池的研发", 3)).containsExactly("out-01", "out-02", "out-03");
        // then English texts the model cannot tell apart (its English cosines lie within about 0.1 of one another)
        assertThat(hybrid(EntityKind.OUTPUT, "AI for medical image segmentation", 2)).containsExactly("out-21", "out-17");
        assertThat(hybrid(EntityKind.FACILITY, "数据中心光模块与硅光芯片", 1)).containsExactly("fac-photonics-fab");
        assertThat(hybrid(EntityKind.FACILITY, "桥梁健康监测与拉索损伤", 1)).containsExactly("fac-wind-tunnel");
    }

    @Test
    void lexicalMatchingWorksWithoutVectors() {
        // then the weak partial matches (固态 in Zhang Min's all-solid-state battery, 电解 in Zheng Hua's electrolyser)
        assertThat(lexical(EntityKind.PERSON, "固态电解质", 3)).containsExactly("person-li-wei", "person-zheng-hua", "person-zhang-min");
        assertThat(lexical(EntityKind.OUTPUT, "光纤激光器", 2)).containsExactly("out-08", "out-09");
        assertThat(lexical(EntityKind.ORGANIZATION, "水稻", 1)).containsExactly("org-agri-univ");
    }

    @Test
    void filtersRestrictWhatIsFound() {
        SearchFilter universities = new SearchFilter(null, Set.of("university"), null, null, null, null, null, null);
        assertThat(ids(ranker.rank(EntityKind.ORGANIZATION, "固态电解质电池的研发", vectors.embed("固态电解质电池的研发"), universities), 3))
                .startsWith("org-optics-univ").contains("org-coast-univ");
        SearchFilter shanghai = new SearchFilter(null, null, Set.of("310000"), null, null, null, null, null);
        assertThat(ids(ranker.rank(EntityKind.PERSON, "固态电解质电池的研发", vectors.embed("固态电解质电池的研发"), shanghai), 5))
                .containsExactly("person-xu-na", "person-emily-hart");
        SearchFilter patents = new SearchFilter(Set.of("patent"), null, null, null, null, null, null, null);
        assertThat(ids(ranker.rank(EntityKind.OUTPUT, "固态电解质电池的研发", vectors.embed("固态电解质电池的研发"), patents), 2))
                .containsExactly("out-02", "out-23");
        // out-23 (2024) shares 电解
        SearchFilter since2022 = new SearchFilter(null, null, null, null, 2022, null, null, null);
        assertThat(ids(ranker.rank(EntityKind.OUTPUT, "固态电解质", null, since2022), 5)).containsExactly("out-02", "out-23");
    }

    @Test
    void rankingIsDeterministic() {
        String text = "固态电解质电池的研发";
        List<Ranker.Candidate> first = ranker.rank(EntityKind.PERSON, text, vectors.embed(text), SearchFilter.NONE);
        List<Ranker.Candidate> second = ranker.rank(EntityKind.PERSON, text, vectors.embed(text), SearchFilter.NONE);
        assertThat(second).isEqualTo(first);
        for (int i = 1; i < first.size(); i++) {
            Ranker.Candidate before = first.get(i - 1);
            Ranker.Candidate after = first.get(i);
            assertThat(before.score() > after.score() || (before.score() == after.score() && before.extId().compareTo(after.extId()) < 0))
                    .as("order of %s and %s", before.extId(), after.extId()).isTrue();
        }
    }

    @Test
    void evidenceComesWithEveryCandidate() {
        String text = "固态电解质电池的研发";
        Ranker.Candidate best = ranker.rank(EntityKind.PERSON, text, vectors.embed(text), SearchFilter.NONE).getFirst();
        assertThat(best.outputs()).extracting(Ranker.Evidence::extId).startsWith("out-01", "out-02");
        assertThat(best.outputs().getFirst().bm25()).isPositive();
        assertThat(best.outputs().getFirst().cosine()).isBetween(0.5f, 1f);
        assertThat(best.profile()).isNotNull();
    }
}

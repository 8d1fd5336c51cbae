package org.triplehelix.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.Mockito;
import org.triplehelix.matching.SearchIndex.Highlight;
import org.triplehelix.matching.embedding.Embeddings;
import org.triplehelix.matching.lucene.LuceneSearchIndex;
import org.triplehelix.matching.ranking.Ranker;

/** What a hit shows as matched, on the fixture: the framing of a patent title left out, the ranking untouched. */
class ShownTermsTests {

    @TempDir
    static Path directory;

    static LuceneSearchIndex index;

    @BeforeAll
    static void indexTheFixture() {
        index = FixtureIndex.open(directory, false);
    }

    @AfterAll
    static void close() {
        index.close();
    }

    @Test
    void aPatentHitShowsItsSubjectNotItsFramingAndKeepsItsScore() {
        String demand = "一种固态电解质的制备方法";
        String title = "一种高离子电导率固态电解质的制备方法";
        // the highlighter (which the alerts' evidence reads) marks the framing as it matched it
        assertThat(marked(index.highlight(demand, title))).contains("一种");

        // embeddings switched off (a mock's null vector): the lexical ranking alone, as Ranker computes it
        MatchService matching = new MatchService(index, Mockito.mock(Embeddings.class), FixtureIndex.DEFAULTS, null, null);
        MatchResult result = matching.match(new MatchRequest(demand, EntityKind.OUTPUT, 5, SearchFilter.NONE, false));
        List<Ranker.Candidate> ranked = new Ranker(index, FixtureIndex.DEFAULTS).rank(EntityKind.OUTPUT, demand, null, SearchFilter.NONE);
        assertThat(result.hits()).extracting(MatchHit::extId)
                .containsExactlyElementsOf(ranked.stream().limit(5).map(Ranker.Candidate::extId).toList());
        assertThat(result.hits()).extracting(MatchHit::score)
                .containsExactlyElementsOf(ranked.stream().limit(5).map(Ranker.Candidate::score).toList());

        MatchHit patent = result.hits().stream().filter(h -> h.extId().equals("out-02")).findFirst().orElseThrow();
        assertThat(patent.reasons().matchedTerms()).contains("固态电解质", "制备方法")
                .noneMatch(term -> term.contains("一种") || term.contains("的"));
        assertThat(marked(patent.name())).doesNotContain("一种").contains("固态电解质");
        // nothing of the name is lost, only its marks
        assertThat(patent.name().stream().map(Highlight::text).collect(Collectors.joining())).isEqualTo(title);
    }

    @Test
    void framingGoesWhereverItStandsBoilerplateOnlyWhenAlone() {
        List<Highlight> pieces = List.of(new Highlight("800G硅光模块", false), new Highlight("的光电共封装", true),
                new Highlight("工艺及其", false), new Highlight("方法", true));
        assertThat(ShownTerms.shown(pieces)).containsExactly(new Highlight("800G硅光模块的", false),
                new Highlight("光电共封装", true), new Highlight("工艺及其方法", false));
        assertThat(ShownTerms.shown(List.of(new Highlight("基于深度学习的图像分割方法", true))))
                .containsExactly(new Highlight("基于", false), new Highlight("深度学习", true), new Highlight("的", false),
                        new Highlight("图像分割方法", true));
        // a word that holds 的 as its own character keeps it
        assertThat(ShownTerms.shown(List.of(new Highlight("实验目的", true)))).containsExactly(new Highlight("实验目的", true));
        assertThat(ShownTerms.shown(List.of())).isEmpty();
    }

    private static String marked(List<Highlight> pieces) {
        return pieces.stream().filter(Highlight::matched).map(Highlight::text).collect(Collectors.joining("|"));
    }
}

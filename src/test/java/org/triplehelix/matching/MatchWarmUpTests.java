package org.triplehelix.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.Mockito;
import org.triplehelix.matching.embedding.Embeddings;
import org.triplehelix.matching.lucene.LuceneSearchIndex;

/**
 * The start-up warm-up on the fixture (with its precomputed vectors): it runs the matches users run, lexical
 * and by vector, for every target, and keeps nothing, neither in the embedding cache nor in the index.
 */
class MatchWarmUpTests {

    @TempDir
    static Path directory;

    static LuceneSearchIndex index;

    /** The vector the warm-up searches with; the fixture knows no vector of {@link Embeddings#WARM_UP}, so one of its queries'. */
    static final float[] VECTOR = Fixture.embedder().embed("电池材料");

    @BeforeAll
    static void indexTheFixture() {
        index = FixtureIndex.open(directory, true);
    }

    @AfterAll
    static void close() {
        index.close();
    }

    @Test
    void warmingUpRunsTheMatchesOfEveryTargetAndKeepsNothing() {
        Embeddings embeddings = Mockito.mock(Embeddings.class);
        when(embeddings.warmUp()).thenReturn(VECTOR);
        DemandService demands = Mockito.mock(DemandService.class);
        MatchService matching = new MatchService(index, embeddings, FixtureIndex.DEFAULTS, null, demands);
        IndexStats before = index.stats();

        int hits = matching.warmUp(3);

        // the model is loaded once, and no query goes through the cache (which would keep the warm-up's vector)
        verify(embeddings, times(1)).warmUp();
        verify(embeddings, never()).query(anyString());
        assertThat(index.stats()).isEqualTo(before);

        // each round is the same full match, with its reasons, of every target the pages rank
        when(embeddings.query(Embeddings.WARM_UP)).thenReturn(VECTOR);
        int shown = 0;
        for (EntityKind target : List.of(EntityKind.PERSON, EntityKind.ORGANIZATION, EntityKind.OUTPUT, EntityKind.FACILITY)) {
            MatchResult result = matching.match(new MatchRequest(Embeddings.WARM_UP, target, MatchService.WARM_UP_HITS, SearchFilter.NONE, false));
            assertThat(result.hits()).as("warm-up hits of %s", target).isNotEmpty();
            shown += result.hits().size();
        }
        // the fixture holds no demand: the demands' ranking runs and finds none
        assertThat(hits).isEqualTo(3 * shown);
    }
}

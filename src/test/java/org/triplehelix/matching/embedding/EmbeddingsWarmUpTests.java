package org.triplehelix.matching.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Loading the model for queries ahead of the first match: one query run, nothing cached (the cache here is absent). */
class EmbeddingsWarmUpTests {

    /** Records the texts it is asked to embed as queries. */
    static final class Recording implements Embedder {
        final List<String> queries = new ArrayList<>();

        @Override
        public String model() {
            return "recording";
        }

        @Override
        public int dimension() {
            return 1;
        }

        @Override
        public float[] embed(String text) {
            throw new AssertionError("a warm-up embeds no document: " + text);
        }

        @Override
        public float[] embedQuery(String text) {
            queries.add(text);
            return new float[] {1};
        }
    }

    @Test
    void warmingUpRunsOneQueryAndCachesNothing() {
        Recording embedder = new Recording();
        float[] vector = new Embeddings(embedder, null, new EmbeddingProperties(1, true, false, 256)).warmUp();
        assertThat(embedder.queries).containsExactly(Embeddings.WARM_UP);
        // the query's vector, for the warm-up match (MatchService#warmUp)
        assertThat(vector).containsExactly(1f);
    }

    @Test
    void withEmbeddingsSwitchedOffNothingIsLoaded() {
        Recording embedder = new Recording();
        assertThat(new Embeddings(embedder, null, new EmbeddingProperties(1, false, false, 256)).warmUp()).isNull();
        assertThat(embedder.queries).isEmpty();
    }
}

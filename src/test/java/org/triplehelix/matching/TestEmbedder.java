package org.triplehelix.matching;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.triplehelix.matching.embedding.Embedder;

/**
 * For integration tests: the fixture's precomputed vectors, and for any other text a fixed
 * pseudo-random unit vector (no model runs in the tests).
 */
@TestConfiguration(proxyBeanMethods = false)
class TestEmbedder {

    @Bean
    @Primary
    Embedder fixtureEmbedder() {
        Embedder fixture = Fixture.embedder();
        return new Embedder() {
            @Override
            public String model() {
                return fixture.model() + "+test";
            }

            @Override
            public int dimension() {
                return fixture.dimension();
            }

            @Override
            public float[] embed(String text) {
                try {
                    return fixture.embed(text);
                } catch (IllegalArgumentException unknown) {
                    return random(text);
                }
            }
        };
    }

    static float[] random(String text) {
        Random random = new Random(java.util.Arrays.hashCode(text.getBytes(StandardCharsets.UTF_8)));
        float[] vector = new float[512];
        double norm = 0;
        for (int i = 0; i < vector.length; i++) {
            vector[i] = (float) random.nextGaussian();
            norm += vector[i] * vector[i];
        }
        for (int i = 0; i < vector.length; i++) {
            vector[i] /= (float) Math.sqrt(norm);
        }
        return vector;
    }
}

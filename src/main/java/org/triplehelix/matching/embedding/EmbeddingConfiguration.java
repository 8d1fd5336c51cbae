package org.triplehelix.matching.embedding;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EmbeddingProperties.class)
class EmbeddingConfiguration {

    /**
     * One core per document embedding, so that the background threads leave the others to the web
     * pages; every core for a query, since someone waits for it.
     */
    @Bean
    @ConditionalOnMissingBean(Embedder.class)
    Embedder embedder() {
        return new BgeSmallZhEmbedder(1, Runtime.getRuntime().availableProcessors());
    }
}

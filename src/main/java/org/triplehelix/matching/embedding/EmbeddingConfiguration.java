package org.triplehelix.matching.embedding;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EmbeddingProperties.class)
class EmbeddingConfiguration {

    /** One core per embedding: the background threads and the queries share the machine with the web pages. */
    @Bean
    @ConditionalOnMissingBean(Embedder.class)
    Embedder embedder() {
        return new BgeSmallZhEmbedder(1);
    }
}

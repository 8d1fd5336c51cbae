package org.triplehelix.matching.opensearch;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.triplehelix.matching.SearchIndex;
import org.triplehelix.matching.embedding.Embeddings;
import org.triplehelix.matching.lucene.LuceneSearchIndex;
import org.triplehelix.matching.ranking.RankingProperties;

/**
 * The search index in an OpenSearch cluster when {@code helix.search-url} is set ({@code --search-url}),
 * instead of the embedded Lucene index. {@code helix.search-index} names the indices (default
 * {@code helix}: aliases {@code helix} and {@code helix-write}, indices {@code helix-vN}); shards and
 * replicas apply to indices created from then on.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${helix.search-url:}'.isBlank()")
class OpenSearchConfiguration {

    @Bean(destroyMethod = "close")
    SearchIndex searchIndex(Embeddings embeddings, RankingProperties ranking,
                            @Value("${helix.search-url}") String url,
                            @Value("${helix.search-index:helix}") String prefix,
                            @Value("${helix.search-shards:1}") int shards,
                            @Value("${helix.search-replicas:0}") int replicas,
                            @Value("${helix.search-attempts:8}") int attempts,
                            @Value("${helix.search-health-wait:30s}") Duration healthWait) {
        return new OpenSearchSearchIndex(new OpenSearchSearchIndex.Settings(url, prefix, shards, replicas, attempts, healthWait),
                embeddings.model(), embeddings.dimension(),
                new LuceneSearchIndex.Weights(ranking.wordsWeight(), ranking.bigramsWeight(), ranking.englishWeight()),
                ranking.denseDepth());
    }
}

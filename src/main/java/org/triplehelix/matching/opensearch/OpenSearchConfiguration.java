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
 * replicas apply to indices created from then on. A secured cluster: {@code HELIX_SEARCH_USER} and
 * {@code HELIX_SEARCH_PASSWORD} (HTTP basic authentication; use https:// URLs).
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
                            @Value("${helix.search-health-wait:30s}") Duration healthWait,
                            @Value("${HELIX_SEARCH_USER:}") String user,
                            @Value("${HELIX_SEARCH_PASSWORD:}") String password) {
        OpenSearchSearchIndex.Credentials credentials = user.isBlank() && password.isEmpty() ? null
                : new OpenSearchSearchIndex.Credentials(user, password);
        return new OpenSearchSearchIndex(new OpenSearchSearchIndex.Settings(url, prefix, shards, replicas, attempts, healthWait, credentials),
                embeddings.model(), embeddings.dimension(),
                new LuceneSearchIndex.Weights(ranking.wordsWeight(), ranking.bigramsWeight(), ranking.englishWeight()),
                ranking.denseDepth());
    }
}

package org.triplehelix.matching.lucene;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.triplehelix.matching.SearchIndex;
import org.triplehelix.matching.embedding.Embeddings;
import org.triplehelix.matching.ranking.RankingProperties;
import org.triplehelix.shared.HelixProperties;

/** The embedded Lucene index in {@code DATA/index}. */
@Configuration(proxyBeanMethods = false)
class LuceneConfiguration {

    @Bean(destroyMethod = "close")
    SearchIndex searchIndex(HelixProperties helix, Embeddings embeddings, RankingProperties ranking) {
        return new LuceneSearchIndex(helix.indexDirectory(), embeddings.model(), embeddings.dimension(),
                new LuceneSearchIndex.Weights(ranking.wordsWeight(), ranking.bigramsWeight(), ranking.englishWeight()));
    }
}

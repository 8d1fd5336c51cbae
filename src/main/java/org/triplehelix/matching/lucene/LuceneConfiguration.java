package org.triplehelix.matching.lucene;

import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.triplehelix.matching.SearchIndex;
import org.triplehelix.matching.embedding.Embeddings;
import org.triplehelix.matching.ranking.RankingProperties;
import org.triplehelix.shared.HelixProperties;

/** The embedded Lucene index in {@code DATA/index}. */
@Configuration(proxyBeanMethods = false)
class LuceneConfiguration {

    /** In {@code DATA/index}, unless {@code helix.index.directory} says otherwise (tests keep theirs apart). */
    @Bean(destroyMethod = "close")
    @ConditionalOnExpression("'${helix.search-url:}'.isBlank()") // else the cluster's (matching/opensearch)
    SearchIndex searchIndex(HelixProperties helix, Embeddings embeddings, RankingProperties ranking,
                            @Value("${helix.index.directory:}") String directory) {
        Path path = directory.isBlank() ? helix.indexDirectory() : Path.of(directory);
        return new LuceneSearchIndex(path, embeddings.model(), embeddings.dimension(),
                new LuceneSearchIndex.Weights(ranking.wordsWeight(), ranking.bigramsWeight(), ranking.englishWeight()));
    }
}

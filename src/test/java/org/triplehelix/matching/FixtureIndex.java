package org.triplehelix.matching;

import java.nio.file.Path;
import java.util.Map;
import org.triplehelix.matching.lucene.LuceneSearchIndex;
import org.triplehelix.matching.ranking.RankingProperties;

/** The fixture in a Lucene index of its own, with the default ranking settings. */
final class FixtureIndex {

    static final RankingProperties DEFAULTS = new RankingProperties(1, 1, 1, 0.5f, 1000, 300, 3, 1, 5, 10, 1000, 0.5f, 300, 0.5f);

    private FixtureIndex() {
    }

    static LuceneSearchIndex open(Path directory, boolean withVectors) {
        LuceneSearchIndex index = new LuceneSearchIndex(directory, "bge-small-zh-v1.5", 512,
                new LuceneSearchIndex.Weights(DEFAULTS.wordsWeight(), DEFAULTS.bigramsWeight(), DEFAULTS.englishWeight()));
        index.clear();
        index.index(withVectors ? Fixture.documentsWithVectors() : Fixture.documents());
        index.commit(Map.of(SearchIndex.COMPLETE, "true"));
        return index;
    }
}

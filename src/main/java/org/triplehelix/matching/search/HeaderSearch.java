package org.triplehelix.matching.search;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.triplehelix.matching.EntityKind;
import org.triplehelix.matching.SearchFilter;
import org.triplehelix.matching.SearchHit;
import org.triplehelix.matching.SearchIndex;
import org.triplehelix.registry.RecordKind;
import org.triplehelix.registry.RecordSearch;

/**
 * The header search box on the matching engine's index: BM25 over a record's name (weighted twice)
 * and its texts, analyzed as Chinese words, Chinese character bigrams and English. No answer while
 * the index must be rebuilt: the registry's own search stands in.
 */
@Component
class HeaderSearch implements RecordSearch {

    static final float NAME_WEIGHT = 2f;
    static final float TEXT_WEIGHT = 1f;

    private final SearchIndex index;

    HeaderSearch(SearchIndex index) {
        this.index = index;
    }

    @Override
    public Optional<List<String>> rank(RecordKind kind, String query, int limit) {
        if (query == null || query.isBlank() || index.stale()) {
            return Optional.empty();
        }
        List<SearchHit> hits = index.lexical(EntityKind.of(kind.interchangeName()), query, NAME_WEIGHT, TEXT_WEIGHT, null,
                SearchFilter.NONE, limit);
        return Optional.of(hits.stream().map(SearchHit::extId).toList());
    }
}

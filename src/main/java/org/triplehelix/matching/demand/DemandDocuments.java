package org.triplehelix.matching.demand;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;
import org.triplehelix.matching.Demand;
import org.triplehelix.matching.EntityKind;
import org.triplehelix.matching.IndexDocument;
import org.triplehelix.matching.embedding.Embeddings;
import org.triplehelix.matching.indexing.DocumentSource;

/**
 * Demands as index documents, for the reverse match (the open demands that fit a person or an
 * organization): the visibility is the document's type and the industry its discipline, so that
 * the usual filters restrict them.
 */
@Component
class DemandDocuments implements DocumentSource {

    private final DemandRepository demands;
    private final Embeddings embeddings;

    DemandDocuments(DemandRepository demands, Embeddings embeddings) {
        this.demands = demands;
        this.embeddings = embeddings;
    }

    @Override
    public EntityKind kind() {
        return EntityKind.DEMAND;
    }

    @Override
    public long count() {
        return demands.countAll();
    }

    @Override
    public Instant lastUpdate() {
        return demands.lastUpdate();
    }

    @Override
    public void forEach(Instant since, Consumer<IndexDocument> action) {
        demands.forEach(since, d -> action.accept(document(d)));
    }

    @Override
    public List<IndexDocument> find(Collection<String> extIds) {
        return demands.find(extIds).stream().map(this::document).toList();
    }

    IndexDocument document(Demand d) {
        return new IndexDocument(EntityKind.DEMAND, d.extId(), d.titleZh(), d.titleEn(), d.descriptionZh(), d.descriptionEn(),
                d.keywords(), d.visibility().id(), null, d.region(), d.industry(), null, List.of(),
                d.organization() == null ? List.of() : List.of(d.organization()), d.status().id(),
                embeddings.clip(d.matchText()), null, d.illustrative());
    }
}

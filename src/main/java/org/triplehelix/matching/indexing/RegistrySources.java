package org.triplehelix.matching.indexing;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.triplehelix.matching.EntityKind;
import org.triplehelix.matching.IndexDocument;
import org.triplehelix.matching.embedding.Embeddings;
import org.triplehelix.facility.FacilityCatalog;
import org.triplehelix.registry.RegistryCorpus;
import org.triplehelix.shared.NotFoundException;

/** The registry's organizations, people, outputs and facilities as document sources. */
@Configuration(proxyBeanMethods = false)
class RegistrySources {

    @Bean
    CorpusDocuments corpusDocuments(Embeddings embeddings) {
        return new CorpusDocuments(embeddings::clip);
    }

    @Bean
    DocumentSource organizationSource(RegistryCorpus corpus, CorpusDocuments documents) {
        return new Source(EntityKind.ORGANIZATION, corpus) {
            @Override
            public void forEach(Instant since, Consumer<IndexDocument> action) {
                corpus.forEachOrganization(since, o -> action.accept(documents.organization(o)));
            }

            @Override
            public List<IndexDocument> find(Collection<String> extIds) {
                return corpus.organizations(extIds).stream().map(documents::organization).toList();
            }
        };
    }

    @Bean
    DocumentSource personSource(RegistryCorpus corpus, CorpusDocuments documents) {
        return new Source(EntityKind.PERSON, corpus) {
            @Override
            public void forEach(Instant since, Consumer<IndexDocument> action) {
                corpus.forEachPerson(since, p -> action.accept(documents.person(p)));
            }

            @Override
            public List<IndexDocument> find(Collection<String> extIds) {
                return corpus.persons(extIds).stream().map(documents::person).toList();
            }
        };
    }

    @Bean
    DocumentSource outputSource(RegistryCorpus corpus, CorpusDocuments documents) {
        return new Source(EntityKind.OUTPUT, corpus) {
            @Override
            public void forEach(Instant since, Consumer<IndexDocument> action) {
                corpus.forEachOutput(since, o -> action.accept(documents.output(o)));
            }

            @Override
            public List<IndexDocument> find(Collection<String> extIds) {
                return corpus.outputs(extIds).stream().map(documents::output).toList();
            }
        };
    }

    @Bean
    DocumentSource facilitySource(RegistryCorpus corpus, CorpusDocuments documents, FacilityCatalog catalog) {
        return new Source(EntityKind.FACILITY, corpus) {
            @Override
            public void forEach(Instant since, Consumer<IndexDocument> action) {
                corpus.forEachFacility(since, f -> action.accept(documents.facility(f, capabilities(catalog, f.extId()))));
            }

            @Override
            public List<IndexDocument> find(Collection<String> extIds) {
                return corpus.facilities(extIds).stream().map(f -> documents.facility(f, capabilities(catalog, f.extId()))).toList();
            }
        };
    }

    /** What the facilities module's profile says the facility can do, or null when it keeps no profile of it. */
    private static String capabilities(FacilityCatalog catalog, String extId) {
        try {
            String text = catalog.searchText(extId);
            return text == null || text.isBlank() ? null : text;
        } catch (NotFoundException e) {
            return null;
        }
    }

    private abstract static class Source implements DocumentSource {

        private final EntityKind kind;
        private final RegistryCorpus corpus;

        Source(EntityKind kind, RegistryCorpus corpus) {
            this.kind = kind;
            this.corpus = corpus;
        }

        @Override
        public EntityKind kind() {
            return kind;
        }

        @Override
        public long count() {
            return corpus.counts().get(kind.id());
        }

        @Override
        public Instant lastUpdate() {
            return corpus.lastUpdate();
        }
    }
}

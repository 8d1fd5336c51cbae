package org.triplehelix.matching;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;
import org.triplehelix.matching.SearchIndex.Highlight;
import org.triplehelix.matching.embedding.Embeddings;
import org.triplehelix.matching.ranking.Ranker;
import org.triplehelix.matching.ranking.RankingProperties;
import org.triplehelix.registry.RegistryCorpus;
import org.triplehelix.shared.NotFoundException;

/**
 * Matching: from a demand's text to the people, organizations, outputs and facilities that can
 * answer it (and from a person or an organization to the open demands that fit them), each hit with
 * its reasons. The ranking itself is {@link Ranker}'s.
 */
@Service
public class MatchService {

    /** Supporting outputs shown with a hit. */
    static final int SUPPORTS = 3;
    /** Outputs of a person or an organization that describe them, for "similar" and "fits". */
    static final int PROFILE_OUTPUTS = 20;
    /** Hits of each warm-up match: as many as a page shows. */
    static final int WARM_UP_HITS = 20;

    private final SearchIndex index;
    private final Embeddings embeddings;
    private final Ranker ranker;
    private final RegistryCorpus corpus;
    private final DemandService demands;

    MatchService(SearchIndex index, Embeddings embeddings, RankingProperties properties, RegistryCorpus corpus, DemandService demands) {
        this.index = index;
        this.embeddings = embeddings;
        this.ranker = new Ranker(index, properties);
        this.corpus = corpus;
        this.demands = demands;
    }

    /** An entity and its score, without reasons: what a batch run writes. */
    public record Ranked(String extId, double score) {
    }

    /** The ranking alone, for batch runs: the query's vector from the cache or the model. */
    public List<Ranked> rank(MatchRequest request) {
        return rank(request, embeddings.query(request.text()));
    }

    /** The ranking alone, with the query's vector given (null: lexical only). */
    public List<Ranked> rank(MatchRequest request, float[] vector) {
        List<Ranker.Candidate> candidates = ordered(request, vector);
        return candidates.stream().limit(request.k()).map(c -> new Ranked(c.extId(), c.score())).toList();
    }

    /** The hits with their reasons. */
    public MatchResult match(MatchRequest request) {
        long started = System.nanoTime();
        float[] vector = embeddings.query(request.text());
        List<Ranker.Candidate> candidates = ordered(request, vector).stream().limit(request.k()).toList();
        List<MatchHit> hits = explain(request, candidates);
        double ready = index.stats().semanticReady();
        return new MatchResult(request, hits, vector != null, ready >= 1 ? 100 : (int) Math.floor(ready * 100),
                (System.nanoTime() - started) / 1_000_000);
    }

    /** People (or organizations, outputs, facilities) like this person or organization, leaving it out. */
    public MatchResult similarTo(EntityKind kind, String extId, EntityKind target, int k) {
        String text = describe(kind, extId);
        SearchFilter filter = kind == target ? SearchFilter.NONE.withExcluded(Set.of(extId)) : SearchFilter.NONE;
        return match(new MatchRequest(text, target, k, filter, false));
    }

    /** The open demands that fit a person or an organization, among those the viewer may see. */
    public MatchResult fits(EntityKind kind, String extId, int k, boolean signedIn) {
        String text = describe(kind, extId);
        return match(new MatchRequest(text, EntityKind.DEMAND, k, openDemands(signedIn), false));
    }

    /** The demands a profile's "fits" may show: open, and visible to everyone (or to signed-in users too). */
    private static SearchFilter openDemands(boolean signedIn) {
        return new SearchFilter(signedIn ? Set.of("public", "signed_in") : Set.of("public"), null, null, null,
                null, null, Set.of("open"), null);
    }

    /**
     * Matches {@link Embeddings#WARM_UP} against every target, with the reasons, {@code rounds} times, and
     * forgets the results (nothing is cached or written): called once the server answers
     * ({@code EmbeddingWorker}), so that the first users' matches after a restart do not pay for what the
     * first matches of a process do once. Those ran Lucene's vector search before the JIT had compiled its
     * SIMD code (the incubator Vector API is many times slower until then, and an HNSW search computes
     * thousands of dot products) and loaded smartcn's dictionaries: a profile's first "demands that fit"
     * panel took seconds on two cores, the next a tenth of that (docs/matching.md, First match after a restart).
     *
     * @return the hits found, all rounds together (none on an empty index)
     */
    public int warmUp(int rounds) {
        float[] vector = embeddings.warmUp();
        int hits = 0;
        for (int round = 0; round < rounds; round++) {
            for (EntityKind target : EntityKind.values()) {
                SearchFilter filter = target == EntityKind.DEMAND ? openDemands(false) : SearchFilter.NONE;
                MatchRequest request = new MatchRequest(Embeddings.WARM_UP, target, WARM_UP_HITS, filter, false);
                hits += explain(request, ordered(request, vector).stream().limit(request.k()).toList()).size();
            }
        }
        return hits;
    }

    /**
     * A person or an organization in words: its profile and the titles of its latest outputs, as the
     * index analyzes them (an illustrative record's without the demo's label).
     */
    String describe(EntityKind kind, String extId) {
        if (kind != EntityKind.PERSON && kind != EntityKind.ORGANIZATION) {
            throw new org.triplehelix.shared.InvalidInputException("kind", "person or organization", "matching.error.profileKind", kind.id());
        }
        IndexDocument found = index.documents(kind, List.of(extId)).stream().findFirst()
                .orElseThrow(() -> new NotFoundException(kind.id(), extId));
        IndexDocument self = found.analyzed();
        List<String> outputs = corpus.outputsOf(kind.id(), extId, PROFILE_OUTPUTS);
        String titles = index.documents(EntityKind.OUTPUT, outputs).stream().map(IndexDocument::analyzed)
                .map(o -> Stream.of(o.titleZh(), o.titleEn()).filter(Objects::nonNull).collect(Collectors.joining(" ")))
                .collect(Collectors.joining("\n"));
        String profile = Stream.of(kind == EntityKind.ORGANIZATION ? self.title() : null, String.join("；", self.keywords()),
                        self.bodyZh(), self.bodyEn(), titles)
                .filter(s -> s != null && !s.isBlank()).collect(Collectors.joining("\n"));
        return profile.isBlank() ? found.title() : profile;
    }

    private List<Ranker.Candidate> ordered(MatchRequest request, float[] vector) {
        List<Ranker.Candidate> candidates = visible(request.target(), ranker.rank(request.target(), request.text(), vector, request.filter()));
        return request.spread() ? spread(request, candidates) : candidates;
    }

    /**
     * The candidates the caller may see. The index holds every demand, whatever its visibility; a demand shown only
     * to its parties (or to signed-in users) is left out of the ranking of anyone it is hidden from, before the
     * first k are taken, as {@link DemandService} decides for one demand. The registry's records are public.
     */
    private List<Ranker.Candidate> visible(EntityKind target, List<Ranker.Candidate> candidates) {
        if (target != EntityKind.DEMAND || candidates.isEmpty()) {
            return candidates;
        }
        Set<String> visible = demands.visibleAmong(candidates.stream().map(Ranker.Candidate::extId).toList());
        return candidates.stream().filter(c -> visible.contains(c.extId())).toList();
    }

    /**
     * Spreads the first hits across organizations: each next hit is the best after dividing every
     * candidate's score by one more than the hits its organization already has.
     */
    private List<Ranker.Candidate> spread(MatchRequest request, List<Ranker.Candidate> candidates) {
        if (request.target() == EntityKind.ORGANIZATION) {
            return candidates;
        }
        List<Ranker.Candidate> window = new ArrayList<>(candidates.subList(0, Math.min(candidates.size(), request.k() * 10)));
        Map<String, String> organizationOf = new HashMap<>();
        index.documents(request.target(), window.stream().map(Ranker.Candidate::extId).toList())
                .forEach(d -> organizationOf.put(d.extId(), d.organizations().isEmpty() ? "" : d.organizations().getFirst()));
        Map<String, Integer> taken = new HashMap<>();
        List<Ranker.Candidate> spread = new ArrayList<>();
        while (!window.isEmpty() && spread.size() < request.k()) {
            Ranker.Candidate best = null;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (Ranker.Candidate candidate : window) {
                String organization = organizationOf.getOrDefault(candidate.extId(), "");
                double score = candidate.score() / (1 + (organization.isEmpty() ? 0 : taken.getOrDefault(organization, 0)));
                if (score > bestScore) {
                    best = candidate;
                    bestScore = score;
                }
            }
            window.remove(best);
            spread.add(best);
            taken.merge(organizationOf.getOrDefault(best.extId(), ""), 1, Integer::sum);
        }
        return spread;
    }

    private List<MatchHit> explain(MatchRequest request, List<Ranker.Candidate> candidates) {
        Map<String, IndexDocument> entities = byId(index.documents(request.target(), candidates.stream().map(Ranker.Candidate::extId).toList()));
        Set<String> supportIds = new LinkedHashSet<>();
        candidates.forEach(c -> c.outputs().stream().limit(SUPPORTS).forEach(e -> supportIds.add(e.extId())));
        Map<String, IndexDocument> supports = byId(index.documents(EntityKind.OUTPUT, List.copyOf(supportIds)));
        Set<String> organizationIds = new LinkedHashSet<>();
        entities.values().forEach(d -> organizationIds.addAll(d.organizations().stream().limit(1).toList()));
        Map<String, IndexDocument> organizations = byId(index.documents(EntityKind.ORGANIZATION, List.copyOf(organizationIds)));
        List<MatchHit> hits = new ArrayList<>();
        int rank = 0;
        for (Ranker.Candidate candidate : candidates) {
            IndexDocument entity = entities.get(candidate.extId());
            if (entity != null) {
                hits.add(hit(request, ++rank, candidate, entity, supports, organizations));
            }
        }
        return hits;
    }

    private MatchHit hit(MatchRequest request, int rank, Ranker.Candidate candidate, IndexDocument entity,
                         Map<String, IndexDocument> supportDocuments, Map<String, IndexDocument> organizations) {
        // what is shown as matched leaves a title's framing out (ShownTerms); the candidate's score is the ranker's, untouched
        List<Highlight> name = ShownTerms.shown(index.highlight(request.text(), entity.title()));
        List<MatchHit.Support> supports = new ArrayList<>();
        for (Ranker.Evidence evidence : candidate.outputs().stream().limit(SUPPORTS).toList()) {
            IndexDocument output = supportDocuments.get(evidence.extId());
            if (output != null) {
                supports.add(new MatchHit.Support(output.extId(), output.titleZh(), output.titleEn(),
                        ShownTerms.shown(index.highlight(request.text(), output.title())), output.year(), output.type(), evidence.weight(),
                        evidence.bm25(), evidence.cosine()));
            }
        }
        Set<String> matched = new LinkedHashSet<>();
        Stream.concat(Stream.of(name), supports.stream().map(MatchHit.Support::title))
                .flatMap(List::stream).filter(Highlight::matched).map(h -> h.text().strip()).filter(t -> !t.isEmpty())
                .forEach(matched::add);
        Double similarity = Stream.concat(Stream.ofNullable(candidate.profile()), candidate.outputs().stream().limit(SUPPORTS))
                .map(Ranker.Evidence::cosine).filter(Objects::nonNull).map(Float::doubleValue).max(Double::compare).orElse(null);
        MatchHit.Organization organization = organization(entity, organizations);
        List<String> keywords = sharedKeywords(request.text(), entity, supports, supportDocuments);
        return new MatchHit(entity.kind(), entity.extId(), rank, candidate.score(), entity.titleZh(), entity.titleEn(), name,
                new MatchHit.Reasons(List.copyOf(matched), similarity, supports, organization, keywords));
    }

    private static MatchHit.Organization organization(IndexDocument entity, Map<String, IndexDocument> organizations) {
        if (entity.kind() == EntityKind.ORGANIZATION) {
            return new MatchHit.Organization(entity.extId(), entity.titleZh(), entity.titleEn(), entity.type());
        }
        return entity.organizations().stream().findFirst().map(organizations::get)
                .map(o -> new MatchHit.Organization(o.extId(), o.titleZh(), o.titleEn(), o.type())).orElse(null);
    }

    /** The entity's keywords, and its supporting outputs', that the demand's text contains. */
    private static List<String> sharedKeywords(String text, IndexDocument entity, List<MatchHit.Support> supports,
                                               Map<String, IndexDocument> supportDocuments) {
        String haystack = text.toLowerCase(Locale.ROOT);
        return Stream.concat(entity.keywords().stream(),
                        supports.stream().map(s -> supportDocuments.get(s.extId())).filter(Objects::nonNull).flatMap(d -> d.keywords().stream()))
                .filter(k -> k.length() >= 2 && haystack.contains(k.toLowerCase(Locale.ROOT)))
                .distinct().toList();
    }

    private static Map<String, IndexDocument> byId(List<IndexDocument> documents) {
        return documents.stream().collect(Collectors.toMap(IndexDocument::extId, Function.identity(), (a, b) -> a, LinkedHashMap::new));
    }
}

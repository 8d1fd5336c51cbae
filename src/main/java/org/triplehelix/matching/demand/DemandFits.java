package org.triplehelix.matching.demand;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import org.triplehelix.matching.EntityKind;
import org.triplehelix.matching.MatchHit;
import org.triplehelix.matching.MatchResult;
import org.triplehelix.matching.MatchService;
import org.triplehelix.matching.SearchIndex;

/**
 * The open demands that fit a person or an organization, as their profile page shows them: the
 * reverse ranking ({@link MatchService#fits}) always has hits, however far they are (its weights are
 * relative to the best demand found), so a historian's page listed a factory's digital twin as a
 * demand that "fits" on the one word 数字. A demand is shown only with the evidence an alert needs
 * ({@link AlertEvidence#fitsProfile}): its cosine to the profile, or its title found in the profile's
 * text. None left: the page says none fits yet.
 */
@Component
public class DemandFits {

    /** Demands ranked for each one shown: enough that the evidence bar still leaves the first k. */
    static final int CANDIDATES_PER_HIT = 4;

    private final MatchService matching;
    private final AlertEvidence evidence;

    DemandFits(MatchService matching, SearchIndex index, AlertProperties bar) {
        this.matching = matching;
        this.evidence = new AlertEvidence(index, bar);
    }

    /** The first {@code k} open demands the reader may see that fit, with evidence, ranked again from 1. */
    public MatchResult of(EntityKind kind, String extId, int k, boolean signedIn) {
        MatchResult ranked = matching.fits(kind, extId, Math.min(50, k * CANDIDATES_PER_HIT), signedIn);
        String profile = ranked.request().text();
        List<MatchHit> kept = new ArrayList<>();
        for (MatchHit hit : ranked.hits()) {
            if (kept.size() < k && evidence.fitsProfile(profile, hit)) {
                kept.add(new MatchHit(hit.kind(), hit.extId(), kept.size() + 1, hit.score(), hit.nameZh(), hit.nameEn(), hit.name(),
                        hit.reasons()));
            }
        }
        return new MatchResult(ranked.request(), List.copyOf(kept), ranked.semantic(), ranked.semanticPercent(), ranked.millis());
    }
}

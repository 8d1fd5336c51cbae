package org.triplehelix.matching.web;

import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.triplehelix.matching.Demand;
import org.triplehelix.matching.DemandService;
import org.triplehelix.matching.EntityKind;
import org.triplehelix.matching.MatchRequest;
import org.triplehelix.matching.MatchResult;
import org.triplehelix.matching.MatchService;
import org.triplehelix.matching.SearchFilter;
import org.triplehelix.matching.demand.DemandFits;
import org.triplehelix.shared.NotFoundException;

/**
 * The "find partners" page ({@code /match?q=…&target=person}), and the fragments other pages embed
 * with htmx: similar experts, and the demands that fit a person or an organization. The registry's
 * profile pages load them by URL (they know nothing of this module's classes); a record the index
 * does not hold yet (just created, or while the index is rebuilt) gets the fragment's empty state,
 * not an error the page would never show.
 */
@Controller
class MatchPages {

    static final int HITS = 20;

    private final MatchService matching;
    private final DemandService demands;
    private final DemandFits fits;

    MatchPages(MatchService matching, DemandService demands, DemandFits fits) {
        this.matching = matching;
        this.demands = demands;
        this.fits = fits;
    }

    /**
     * "Find partners": the hits of one tab for the text typed. The demands tab ranks demands as {@code POST
     * /api/v1/match} does ({@link MatchService#match}: only those the viewer may read), open ones only unless
     * {@code closed} is ticked (a closed demand takes no more offers), filtered by region and industry only (a demand
     * has no tier, output type or year). A page opened with a
     * demand ({@code demand=ID}, the link on a demand's page) starts from its text and leaves it out of the demands.
     */
    @GetMapping("/match")
    String match(@RequestParam(required = false) String q, @RequestParam(defaultValue = "person") String target,
                 @RequestParam(required = false) String region, @RequestParam(required = false) String tier,
                 @RequestParam(required = false) String type, @RequestParam(required = false) String discipline,
                 @RequestParam(required = false) Integer yearFrom, @RequestParam(required = false) Integer yearTo,
                 @RequestParam(defaultValue = "false") boolean spread, @RequestParam(required = false) String industry,
                 @RequestParam(required = false) String demand, @RequestParam(defaultValue = "false") boolean closed,
                 Authentication viewer, Model model) {
        boolean canSave = !DemandService.signedIn(viewer) || demands.canPost();
        Demand from = demand == null || demand.isBlank() ? null : demands.get(demand.strip());
        String picked = from == null ? null : from.extId();
        String text = (q == null || q.isBlank()) && from != null ? from.matchText() : q;
        MatchView blank = new MatchView(text, target, region, tier, type, discipline, yearFrom, yearTo, spread, industry, picked,
                closed, null, canSave, null, null);
        MatchResult result = null;
        java.util.Map<String, Demand> found = java.util.Map.of();
        if (!blank.q().isBlank()) {
            SearchFilter filter = blank.ofDemands()
                    ? new SearchFilter(null, null, set(region), set(industry), null, null,
                            closed ? null : Set.of(Demand.Status.OPEN.id()), picked == null ? null : Set.of(picked))
                    : new SearchFilter(set(type), set(tier), set(region), set(discipline), yearFrom, yearTo, null, null);
            result = matching.match(new MatchRequest(blank.q(), EntityKind.of(blank.target()), HITS, filter, spread));
            if (blank.ofDemands()) {
                found = demands.readable(result.hits().stream().map(org.triplehelix.matching.MatchHit::extId).toList());
            }
        }
        model.addAttribute("view", new MatchView(blank.q(), blank.target(), region, tier, type, discipline, yearFrom, yearTo, spread,
                industry, picked, closed, result, canSave, found, blank.ofDemands() ? demands.industries() : null));
        model.addAttribute("picked", from);
        return "matching/match";
    }

    /** Experts (or organizations) like a person or an organization: a fragment for its page. */
    @GetMapping("/match/similar")
    String similar(@RequestParam String kind, @RequestParam String id, @RequestParam(defaultValue = "person") String target,
                   @RequestParam(defaultValue = "5") int k, Model model) {
        EntityKind of = EntityKind.of(kind);
        EntityKind like = EntityKind.of(target);
        model.addAttribute("result", orNone(() -> matching.similarTo(of, id, like, Math.clamp(k, 1, 50))));
        model.addAttribute("empty", "matching.similar.empty." + like.id());
        return "matching/fragment";
    }

    /** The open demands that fit a person or an organization, with evidence ({@link DemandFits}): a fragment for its page. */
    @GetMapping("/match/fits")
    String fits(@RequestParam String kind, @RequestParam String id, @RequestParam(defaultValue = "5") int k,
                Authentication viewer, Model model) {
        EntityKind of = EntityKind.of(kind);
        boolean signedIn = DemandService.signedIn(viewer);
        model.addAttribute("result", orNone(() -> fits.of(of, id, Math.clamp(k, 1, 50), signedIn)));
        model.addAttribute("empty", "matching.fits.empty");
        if (!signedIn) {
            model.addAttribute("note", "matching.fits.signInForMore");
        }
        return "matching/fragment";
    }

    /** The result, or none when the record is not (yet) in the index. */
    private static MatchResult orNone(java.util.function.Supplier<MatchResult> result) {
        try {
            return result.get();
        } catch (NotFoundException e) {
            return null;
        }
    }

    private static Set<String> set(String value) {
        return value == null || value.isBlank() ? Set.of() : Set.of(value.strip());
    }
}

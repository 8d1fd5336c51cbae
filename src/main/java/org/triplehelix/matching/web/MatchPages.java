package org.triplehelix.matching.web;

import jakarta.servlet.http.HttpServletResponse;
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
import org.triplehelix.shared.web.FormErrors;

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
    private final RegionFilter regions;
    private final DisciplineFilter disciplines;

    MatchPages(MatchService matching, DemandService demands, DemandFits fits, RegionFilter regions, DisciplineFilter disciplines) {
        this.matching = matching;
        this.demands = demands;
        this.fits = fits;
        this.regions = regions;
        this.disciplines = disciplines;
    }

    /**
     * "Find partners": the hits of one tab for the text typed. The demands tab ranks demands as {@code POST
     * /api/v1/match} does ({@link MatchService#match}: only those the viewer may read), open ones only unless
     * {@code closed} is ticked (a closed demand takes no more offers), filtered by region and industry only (a demand
     * has no tier, output type or year). A page opened with a
     * demand ({@code demand=ID}, the link on a demand's page) starts from its text and leaves it out of the demands;
     * the text stays on the server (the box shows only what was typed, and the tabs carry the demand's id), as a long
     * demand's text does not fit in an address. A year that is not a whole number, a first year after the last, or a
     * text too long comes back in the form with its message beside the field (400), nothing ranked.
     */
    @GetMapping("/match")
    String match(@RequestParam(required = false) String q, @RequestParam(defaultValue = "person") String target,
                 @RequestParam(required = false) String region, @RequestParam(required = false) String tier,
                 @RequestParam(required = false) String type, @RequestParam(required = false) String discipline,
                 @RequestParam(required = false) String yearFrom, @RequestParam(required = false) String yearTo,
                 @RequestParam(required = false) String spread, @RequestParam(required = false) String industry,
                 @RequestParam(required = false) String demand, @RequestParam(required = false) String closed,
                 Authentication viewer, java.util.Locale locale, Model model, HttpServletResponse response) {
        boolean canSave = !DemandService.signedIn(viewer) || demands.canPost();
        Demand from = demand == null || demand.isBlank() ? null : demands.get(demand.strip());
        String picked = from == null ? null : from.extId();
        String typed = q == null ? "" : q;
        String text = typed.isBlank() && from != null ? from.matchText() : typed;
        FormErrors errors = FormErrors.none();
        // the tabs that offer the years (not facilities, not demands) read them; the others leave them out
        boolean years = !"facility".equals(target) && !"demand".equals(target);
        Integer first = years ? errors.wholeNumber("yearFrom", yearFrom) : null;
        Integer last = years ? errors.wholeNumber("yearTo", yearTo) : null;
        if (first != null && last != null && first > last) {
            errors.add("yearTo", "matching.error.yearOrder", first, last);
        }
        if (text.strip().length() > MatchRequest.MAX_TEXT) {
            // worded for the box (on the demands tab it holds what the reader can do), the number as the page's language writes it
            errors.add("q", "demand".equals(target) ? "matching.error.abilityLong" : "matching.error.textLong",
                    java.text.NumberFormat.getIntegerInstance(locale).format(MatchRequest.MAX_TEXT));
        }
        MatchView blank = new MatchView(typed, target, region, tier, type, discipline, yearFrom, yearTo, flag(spread), industry, picked,
                flag(closed), null, canSave, null, null, errors, regions.choices(region), years ? disciplines.choices() : null);
        MatchResult result = null;
        java.util.Map<String, Demand> found = java.util.Map.of();
        if (errors.any()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        } else if (!text.isBlank()) {
            Set<String> where = regions.scope(region);
            SearchFilter filter = blank.ofDemands()
                    ? new SearchFilter(null, null, where, set(industry), null, null,
                            blank.closed() ? null : Set.of(Demand.Status.OPEN.id()), picked == null ? null : Set.of(picked))
                    : new SearchFilter(set(type), set(tier), where, disciplines.scope(discipline), first, last, null, null);
            result = matching.match(new MatchRequest(text, EntityKind.of(blank.target()), HITS, filter, blank.spread()));
            if (blank.ofDemands()) {
                found = demands.readable(result.hits().stream().map(org.triplehelix.matching.MatchHit::extId).toList());
            }
        }
        model.addAttribute("view", blank.with(result, found, blank.ofDemands() ? demands.industries() : null));
        model.addAttribute("picked", from);
        return "matching/match";
    }

    /** Experts (or organizations) like a person or an organization: a fragment for its page. */
    @GetMapping("/match/similar")
    String similar(@RequestParam(required = false) String kind, @RequestParam(required = false) String id,
                   @RequestParam(defaultValue = "person") String target, @RequestParam(required = false) String k, Model model) {
        EntityKind of = EntityKind.of(kind);
        EntityKind like = EntityKind.of(target);
        model.addAttribute("result", orNone(id, () -> matching.similarTo(of, id.strip(), like, count(k))));
        model.addAttribute("empty", "matching.similar.empty." + like.id());
        return "matching/fragment";
    }

    /** The open demands that fit a person or an organization, with evidence ({@link DemandFits}): a fragment for its page. */
    @GetMapping("/match/fits")
    String fits(@RequestParam(required = false) String kind, @RequestParam(required = false) String id,
                @RequestParam(required = false) String k, Authentication viewer, Model model) {
        EntityKind of = EntityKind.of(kind);
        boolean signedIn = DemandService.signedIn(viewer);
        model.addAttribute("result", orNone(id, () -> fits.of(of, id.strip(), count(k), signedIn)));
        model.addAttribute("empty", "matching.fits.empty");
        if (!signedIn) {
            model.addAttribute("note", "matching.fits.signInForMore");
        }
        return "matching/fragment";
    }

    /**
     * How many hits a fragment shows: 1 to 50, 5 when not given or not a number. The profile pages ask for 5; an address
     * typed by hand gets the fragment, not a JSON problem (a missing kind is the error page, as an unknown one).
     */
    static int count(String k) {
        try {
            return k == null || k.isBlank() ? 5 : Math.clamp(Long.parseLong(k.strip()), 1, 50);
        } catch (NumberFormatException e) {
            return 5;
        }
    }

    /** The result, or none when no record is named or the record is not (yet) in the index. */
    private static MatchResult orNone(String id, java.util.function.Supplier<MatchResult> result) {
        if (id == null || id.isBlank()) {
            return null;
        }
        try {
            return result.get();
        } catch (NotFoundException e) {
            return null;
        }
    }

    /** A year as typed: null when blank, else a whole number, or an error on its field. */
    /** A ticked box: {@code true} as the form sends it (or on, yes, 1); anything else, as an unticked box, false. */
    private static boolean flag(String value) {
        return value != null && Set.of("true", "on", "yes", "1").contains(value.strip().toLowerCase(java.util.Locale.ROOT));
    }

    private static Set<String> set(String value) {
        return value == null || value.isBlank() ? Set.of() : Set.of(value.strip());
    }
}

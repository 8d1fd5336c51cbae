package org.triplehelix.matching.web;

import java.util.List;
import java.util.Map;
import org.springframework.web.util.UriComponentsBuilder;
import org.triplehelix.matching.Demand;
import org.triplehelix.matching.MatchResult;
import org.triplehelix.matching.demand.DemandRepository.Industry;
import org.triplehelix.registry.RegistryQueries.Discipline;
import org.triplehelix.registry.RegistryQueries.Region;
import org.triplehelix.shared.web.FormErrors;

/**
 * What the "find partners" page shows: the query as typed (blank when the page starts from a demand's text), its
 * filters as typed (the years too, so that a year that is not a number comes back as it was), the hits (null before a
 * search), and whether to offer saving the query as a demand (not to a signed-in user who may not post one). On the demands tab,
 * {@code industry} filters the demands, {@code demand} is the demand the page was opened with (left out of the
 * demands found: its text is the query), {@code closed} whether closed demands are ranked too, {@code demands} the details of the demands found (deadline, budget,
 * readiness) and {@code industries} what the industry filter offers. {@code errors} are the refused fields (nothing is
 * ranked then), {@code regions} what the region filter offers, {@code disciplines} what the discipline box suggests.
 */
public record MatchView(String q, String target, String region, String tier, String type, String discipline, String yearFrom,
                        String yearTo, boolean spread, String industry, String demand, boolean closed, MatchResult result,
                        boolean canSaveDemand,
                        Map<String, Demand> demands, List<Industry> industries, FormErrors errors, List<Region> regions,
                        List<Discipline> disciplines) {

    /** The tabs of "find partners": who and what can solve a demand, and the demands that fit what was typed. */
    public static final List<String> TARGETS = List.of("person", "organization", "output", "facility", "demand");
    /** The tabs of a demand's page: who and what can solve it. */
    public static final List<String> PARTNERS = List.of("person", "organization", "output", "facility");
    public static final List<String> TIERS = List.of("national_laboratory", "provincial_laboratory", "national_key_laboratory",
            "major_facility", "new_rd_institution", "university", "research_institute", "enterprise", "government", "other");
    public static final List<String> OUTPUT_TYPES = List.of("project", "paper", "patent", "achievement", "standard", "software");

    public MatchView {
        q = q == null ? "" : q;
        target = target == null || !TARGETS.contains(target) ? "person" : target;
        demands = demands == null ? Map.of() : Map.copyOf(demands);
        industries = industries == null ? List.of() : List.copyOf(industries);
        errors = errors == null ? FormErrors.none() : errors;
        regions = regions == null ? List.of() : List.copyOf(regions);
        disciplines = disciplines == null ? List.of() : List.copyOf(disciplines);
    }

    /** This page with its hits. */
    public MatchView with(MatchResult hits, Map<String, Demand> found, List<Industry> offered) {
        return new MatchView(q, target, region, tier, type, discipline, yearFrom, yearTo, spread, industry, demand, closed, hits,
                canSaveDemand, found, offered, errors, regions, disciplines);
    }

    /** Whether the region filter's value is one it offers (else it is shown as typed). */
    public boolean regionOffered() {
        return !notBlank(region) || regions.stream().anyMatch(r -> r.code().equals(region.strip()));
    }

    /** Whether the demands are shown: ranked by what the viewer can do, filtered by region and industry only. */
    public boolean ofDemands() {
        return target.equals("demand");
    }

    public boolean filtered() {
        if (ofDemands()) {
            return notBlank(region) || notBlank(industry) || spread || closed;
        }
        return notBlank(region) || notBlank(tier) || notBlank(type) || notBlank(discipline) || notBlank(yearFrom) || notBlank(yearTo) || spread || errors.any();
    }

    /**
     * The same search for another target, with every filter the other tab offers (the region and "spread" on every
     * tab; the tier on the experts' and organizations'; the type, discipline and years on those and the
     * achievements'; the industry and "closed too" on the demands'), the others left out: a filter the other tab
     * does not show would narrow it unseen. A page started from a demand carries the demand, not its text: a long
     * demand's text would not fit in an address.
     */
    public String linkTo(String other) {
        UriComponentsBuilder link = UriComponentsBuilder.fromPath("/match");
        if (!q.isBlank() || !notBlank(demand)) {
            link.queryParam("q", q);
        }
        link.queryParam("target", other);
        carry(link, "region", region);
        if (offersTier(other)) {
            carry(link, "tier", tier);
        }
        if (offersOutputFilters(other)) {
            carry(link, "type", type);
            carry(link, "discipline", discipline);
            carry(link, "yearFrom", yearFrom);
            carry(link, "yearTo", yearTo);
        }
        if (other.equals("demand")) {
            carry(link, "industry", industry);
        }
        if (spread) {
            link.queryParam("spread", "true");
        }
        if (closed && other.equals("demand")) {
            link.queryParam("closed", "true");
        }
        if (notBlank(demand)) {
            link.queryParam("demand", demand);
        }
        return link.encode().build().toUriString();
    }

    private static void carry(UriComponentsBuilder link, String name, String value) {
        if (notBlank(value)) {
            link.queryParam(name, value);
        }
    }

    /** Whether a tab offers the organization tier filter: the experts' and the organizations'. */
    public static boolean offersTier(String target) {
        return target.equals("person") || target.equals("organization");
    }

    /** Whether a tab offers the type, discipline and years filters (of the outputs): all but the facilities' and the demands'. */
    public static boolean offersOutputFilters(String target) {
        return !target.equals("facility") && !target.equals("demand");
    }

    /**
     * The demand form, filled with this query: its title, or, for a text longer than a title may be, its
     * beginning as the title and the whole text as the description, so that nothing typed is lost.
     */
    public String saveAsDemand() {
        UriComponentsBuilder link = UriComponentsBuilder.fromPath("/demands/new");
        String text = q.strip();
        if (text.length() <= TITLE_MAX) {
            link.queryParam("title", text);
        } else {
            int cut = Character.isHighSurrogate(text.charAt(TITLE_MAX - 1)) ? TITLE_MAX - 1 : TITLE_MAX;
            link.queryParam("title", text.substring(0, cut)).queryParam("description", text);
        }
        return link.encode().build().toUriString();
    }

    /** The longest title a demand may have (DemandService). */
    static final int TITLE_MAX = 200;

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }
}

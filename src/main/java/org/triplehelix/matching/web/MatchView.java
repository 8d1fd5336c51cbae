package org.triplehelix.matching.web;

import java.util.List;
import org.springframework.web.util.UriComponentsBuilder;
import org.triplehelix.matching.MatchResult;

/**
 * What the "find partners" page shows: the query, its filters, the hits (null before a search), and whether
 * to offer saving the query as a demand (not to a signed-in user who may not post one).
 */
public record MatchView(String q, String target, String region, String tier, String type, String discipline, Integer yearFrom,
                        Integer yearTo, boolean spread, MatchResult result, boolean canSaveDemand) {

    public static final List<String> TARGETS = List.of("person", "organization", "output", "facility");
    public static final List<String> TIERS = List.of("national_laboratory", "provincial_laboratory", "national_key_laboratory",
            "major_facility", "new_rd_institution", "university", "research_institute", "enterprise", "government", "other");
    public static final List<String> OUTPUT_TYPES = List.of("project", "paper", "patent", "achievement", "standard", "software");

    public MatchView {
        q = q == null ? "" : q;
        target = target == null || !TARGETS.contains(target) ? "person" : target;
    }

    public boolean filtered() {
        return notBlank(region) || notBlank(tier) || notBlank(type) || notBlank(discipline) || yearFrom != null || yearTo != null || spread;
    }

    /** The same search for another target. */
    public String linkTo(String other) {
        UriComponentsBuilder link = UriComponentsBuilder.fromPath("/match").queryParam("q", q).queryParam("target", other);
        if (notBlank(region)) {
            link.queryParam("region", region);
        }
        if (spread) {
            link.queryParam("spread", "true");
        }
        return link.encode().build().toUriString();
    }

    /** The demand form, filled with this query. */
    public String saveAsDemand() {
        return UriComponentsBuilder.fromPath("/demands/new").queryParam("title", q.length() > 200 ? q.substring(0, 200) : q)
                .encode().build().toUriString();
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }
}

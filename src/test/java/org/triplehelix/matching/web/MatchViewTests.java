package org.triplehelix.matching.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.web.util.UriComponents;
import org.springframework.web.util.UriComponentsBuilder;

/** The tabs of "find partners" carry every filter the other tab offers, and only those. */
class MatchViewTests {

    /** A page of {@code target} with every filter set, the demands' ones too. */
    private static MatchView filtered(String target) {
        return new MatchView("电池", target, "420100", "university", "patent", "材料科学", "2015", "2024", true, "C38", null, true,
                null, true, null, null, null, null, null);
    }

    private static UriComponents link(MatchView view, String other) {
        return UriComponentsBuilder.fromUriString(view.linkTo(other)).build();
    }

    @Test
    void aTabCarriesTheFiltersItOffers() {
        UriComponents organizations = link(filtered("person"), "organization");
        assertThat(organizations.getQueryParams().toSingleValueMap()).containsEntry("target", "organization")
                .containsEntry("region", "420100").containsEntry("tier", "university").containsEntry("type", "patent")
                .containsEntry("yearFrom", "2015").containsEntry("yearTo", "2024").containsEntry("spread", "true")
                .containsKey("discipline").doesNotContainKeys("industry", "closed");
        // the achievements' tab has no tier; the facilities' no type, discipline or years
        assertThat(link(filtered("person"), "output").getQueryParams()).containsKeys("region", "type", "discipline", "yearFrom", "yearTo")
                .doesNotContainKeys("tier", "industry", "closed");
        assertThat(link(filtered("organization"), "facility").getQueryParams()).containsKeys("region", "spread")
                .doesNotContainKeys("tier", "type", "discipline", "yearFrom", "yearTo", "industry", "closed");
        // the demands' tab filters by region and industry (and closed ones too), not by tier, type, discipline or years
        assertThat(link(filtered("person"), "demand").getQueryParams().toSingleValueMap()).containsEntry("region", "420100")
                .containsEntry("industry", "C38").containsEntry("closed", "true")
                .doesNotContainKeys("tier", "type", "discipline", "yearFrom", "yearTo");
        // and back from the demands: its region kept, its industry dropped
        assertThat(link(filtered("demand"), "person").getQueryParams()).containsKeys("region", "tier", "yearFrom")
                .doesNotContainKeys("industry", "closed");
    }

    @Test
    void aFilterNotSetIsNotCarried() {
        MatchView plain = new MatchView("电池", "person", " ", null, "", null, null, null, false, null, null, false, null, true, null,
                null, null, null, null);
        assertThat(plain.linkTo("output")).isEqualTo("/match?q=%E7%94%B5%E6%B1%A0&target=output");
    }
}

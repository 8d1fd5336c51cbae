package org.triplehelix.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.triplehelix.access.AccessFixtures;
import org.triplehelix.access.Account;
import org.triplehelix.access.HelixClient;
import org.triplehelix.access.Role;
import org.triplehelix.facility.FacilityFixtures;

/**
 * A sweep of bad address-bar parameters over every page and htmx fragment: the GET handlers of
 * the {@code @Controller}s (not the API) are read from the application context, their path
 * variables filled with a record that exists, one that does not and a malformed id, and each
 * query parameter sent, one at a time, with values that do not fit its type, signed out and
 * signed in as an administrator. Whatever comes back is the page (with its message beside the
 * field), the platform's error page in the language asked for, a redirect, or the download the
 * page is: never a server error, JSON, a stack trace or Spring Boot's own page, never the typed
 * script unescaped. The machinery is {@link BadInputSweep}'s; {@link BadInputRolesIntegrationTests} sweeps every other
 * role with the records it owns.
 */
class BadInputPagesIntegrationTests extends BadInputSweep {

    HelixClient visitor;
    HelixClient administrator;

    @BeforeAll
    void world() {
        FacilityFixtures facilities = FacilityFixtures.of(context);
        AccessFixtures access = facilities.access();
        Account admin = access.user(null, Role.ADMIN);
        long organization = access.organization("Bad Page Enterprise", null);
        String organizationExtId = access.organizationExtId(organization);
        Account enterprise = access.user(organization, Role.ENTERPRISE);
        known.put("organizations", organizationExtId);
        known.put("persons", access.personExtId(access.person("Bad Page Person", organization)));
        String instrument = facilities.openFacility(organization, false, false);
        known.put("facilities", instrument);
        known.put("admin/users", String.valueOf(admin.id()));
        known.put("insight/indicators", "organization.all");

        HelixClient enterpriseApi = HelixClient.basic(port, enterprise.email(), AccessFixtures.PASSWORD);
        HelixClient adminApi = HelixClient.basic(port, admin.email(), AccessFixtures.PASSWORD);
        HelixClient.Response demand = enterpriseApi.json("POST", "/api/v1/demands", """
                {"extId": "%s", "titleZh": "坏参数需求", "organization": "%s"}
                """.formatted(AccessFixtures.unique("bad-page-demand"), organizationExtId));
        assertThat(demand.status()).as(demand.body()).isEqualTo(201);
        known.put("demands", JSON.readTree(demand.body()).path("extId").asString());
        HelixClient.Response challenge = adminApi.json("POST", "/api/v1/challenges", """
                {"titleZh": "%s", "problemZh": "问题", "technologyCode": "kct-17", "budget": 1000, "durationMonths": 12,
                 "deadline": "2099-06-01T00:00:00Z",
                 "targets": [{"position": 1, "indicator": "强度", "unit": "MPa", "threshold": 100, "higherIsBetter": true}]}
                """.formatted(AccessFixtures.unique("坏参数挑战")));
        assertThat(challenge.status()).as(challenge.body()).isEqualTo(201);
        known.put("challenges", JSON.readTree(challenge.body()).path("extId").asString());
        String program = AccessFixtures.unique("bad-page-program");
        HelixClient.Response enrolled = adminApi.json("POST", "/api/v1/talent/programs", """
                {"id": "%s", "name": "坏参数项目", "university": "%s", "enterprises": ["%s"], "discipline": "0802",
                 "industry": "ind-auto", "degree_level": "master", "cohort_year": 2024, "capacity": 10}
                """.formatted(program, organizationExtId, organizationExtId));
        assertThat(enrolled.status()).as(enrolled.body()).isEqualTo(201);
        known.put("talent/programs", program);

        visitor = HelixClient.browser(port);
        administrator = HelixClient.signedIn(port, admin);
        listen();
    }

    @Test
    void theSweepFindsThePagesAndTheirParameters() {
        List<Page> pages = pages();
        assertThat(pages).extracting(Page::pattern).contains("/talent/gap", "/organizations", "/facilities/{id}/calendar",
                "/insight/indicators/{code}", "/challenges/applications/{id}", "/admin/users/{id}", "/notifications");
        assertThat(pages).extracting(Page::pattern).doesNotContain("/api/v1/organizations");
        Page gap = pages.stream().filter(p -> p.pattern().equals("/talent/gap")).findFirst().orElseThrow();
        assertThat(gap.parameters().get("year")).containsAll(NUMBERS);
        Page organizations = pages.stream().filter(p -> p.pattern().equals("/organizations")).findFirst().orElseThrow();
        assertThat(organizations.parameters()).containsKeys("q", "yearFrom", "page");
        assertThat(pages.stream().mapToInt(page -> requests(page).size() * 2).sum()).isBetween(1000, CAP);
    }

    /**
     * A download is checked before it is begun: a filter its page refuses gets the same error page, not a 200 CSV cut
     * off after its header row (the sweep cannot tell a cut-off file from a whole one).
     */
    @Test
    void aCsvWithAFilterItsPageRefusesGetsTheErrorPageNotACutOffFile() {
        for (String query : List.of("year=abc", "year=99999999999999999999", "year=" + encode(SCRIPT))) {
            for (String page : List.of("/insight/indicators/organization.all/records", "/insight/indicators/organization.all")) {
                HelixClient.Response shown = administrator.get(page + "?" + query + "&lang=en");
                HelixClient.Response csv = administrator.send("GET", page + ".csv?" + query + "&lang=zh",
                        Map.of("Accept", "text/html,*/*;q=0.8"), new byte[0]);
                assertThat(shown.status()).as(page + "?" + query).isEqualTo(400);
                assertThat(csv.status()).as(page + ".csv?" + query + " " + snippet(csv.body())).isEqualTo(400);
                assertThat(csv.header("Content-Type")).startsWith("text/html");
                assertThat(csv.header("Content-Disposition")).isNull();
                assertThat(csv.body()).contains("class=\"error-page\"").contains("<html lang=\"zh-CN\"").doesNotContain(SCRIPT);
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> everyPageAnswersBadParametersWithAPageInTheLanguageAsked() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Page page : pages()) {
            tests.add(DynamicTest.dynamicTest(page.toString(), () -> {
                List<String> failures = new ArrayList<>();
                List<String> requests = requests(page);
                int before = logged.list.size();
                for (String request : requests) {
                    for (boolean signedIn : new boolean[] {false, true}) {
                        boolean badLanguage = request.contains("lang=");
                        String lang = badLanguage ? null : sent % 2 == 0 ? "zh" : "en";
                        String address = badLanguage ? request : request + (request.contains("?") ? "&" : "?") + "lang=" + lang;
                        sent++;
                        check(page, signedIn ? administrator : visitor, address, lang)
                                .ifPresent(failure -> failures.add((signedIn ? "admin " : "visitor ") + address + ": " + failure));
                    }
                }
                errorsLoggedSince(before).stream().distinct().forEach(error -> failures.add("logged " + error));
                assertThat(failures).as(page + ": " + failures.size() + " of " + requests.size() * 2).isEmpty();
            }));
        }
        return tests.stream();
    }

}

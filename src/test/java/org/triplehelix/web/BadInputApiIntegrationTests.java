package org.triplehelix.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import java.util.stream.Stream;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import org.triplehelix.access.AccessFixtures;
import org.triplehelix.access.Account;
import org.triplehelix.access.HelixClient;
import org.triplehelix.access.Role;
import org.triplehelix.facility.FacilityFixtures;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bad input through the JSON API, across the modules: each request answers 4xx with a problem
 * detail naming the field at fault and writes nothing; a good request whose id holds a character
 * that an address must escape is answered 201, not 500 after the write.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputApiIntegrationTests {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;

    FacilityFixtures facilities;
    AccessFixtures access;
    Account admin;
    Account enterprise;
    String enterpriseOrganization;

    @BeforeAll
    void world() {
        facilities = FacilityFixtures.of(context);
        access = facilities.access();
        admin = access.user(null, Role.ADMIN);
        long organization = access.organization("Bad Input Enterprise", null);
        enterpriseOrganization = access.organizationExtId(organization);
        enterprise = access.user(organization, Role.ENTERPRISE);
    }

    HelixClient as(Account account) {
        return HelixClient.basic(port, account.email(), AccessFixtures.PASSWORD);
    }

    static JsonNode json(HelixClient.Response response) {
        return JSON.readTree(response.body());
    }

    static void assertRefused(HelixClient.Response response, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(json(response).path("field").asString()).as(response.body()).isEqualTo(field);
    }

    long count(String sql, Object... params) {
        return facilities.count(sql, params);
    }

    @Test
    void aManagersBodyWithoutManagersKeepsThemInsteadOfRemovingThemAll() {
        long owner = access.organization("Bad Input Lab", null);
        String instrument = facilities.openFacility(owner, false, false);
        Account manager = access.user(owner, Role.RESEARCHER);
        facilities.managers(instrument, manager);

        assertRefused(as(admin).json("PUT", "/api/v1/facilities/" + instrument + "/managers",
                "{\"manager\": [\"" + manager.email() + "\"]}"), "managers");
        assertRefused(as(admin).json("PUT", "/api/v1/facilities/" + instrument + "/managers", "{}"), "managers");

        assertThat(count("select count(*) from facility_manager where facility_id = ?", facilities.facilityId(instrument))).isEqualTo(1);
        HelixClient.Response read = as(admin).json("GET", "/api/v1/instruments/" + instrument, null);
        assertThat(json(read).path("managers").get(0).path("userId").asLong()).isEqualTo(manager.id());
        // an explicit empty list still removes them: that is what it says
        assertThat(as(admin).json("PUT", "/api/v1/facilities/" + instrument + "/managers", "{\"managers\": []}").status()).isEqualTo(200);
    }

    @Test
    void openingHoursNamingOneDayChangeThatDayAndKeepTheWeek() {
        long owner = access.organization("Bad Input Hours Lab", null);
        String instrument = facilities.openFacility(owner, false, false); // open every day, around the clock

        HelixClient.Response changed = as(admin).json("PUT", "/api/v1/facilities/" + instrument + "/profile",
                "{\"openingHours\": {\"monday\": null, \"saturday\": {\"opens\": \"09:00\", \"closes\": \"12:00\"}}}");
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        JsonNode week = json(as(admin).json("GET", "/api/v1/instruments/" + instrument, null)).path("openingHours");
        assertThat(week.has("monday")).as(week.toString()).isFalse();
        for (String kept : new String[] {"tuesday", "wednesday", "thursday", "friday", "sunday"}) {
            assertThat(week.path(kept).path("opens").asString()).as(kept).isEqualTo("00:00");
            assertThat(week.path(kept).path("closes").asString()).as(kept).isEqualTo("24:00");
        }
        assertThat(week.path("saturday").path("opens").asString()).isEqualTo("09:00");
        assertThat(week.path("saturday").path("closes").asString()).isEqualTo("12:00");
        // a misspelt day is refused and changes nothing
        assertRefused(as(admin).json("PUT", "/api/v1/facilities/" + instrument + "/profile",
                "{\"openingHours\": {\"mon\": null}}"), "openingHours");
        assertThat(json(as(admin).json("GET", "/api/v1/instruments/" + instrument, null)).path("openingHours")).isEqualTo(week);
    }

    /** An id is kept as given: one an address must escape is created, its address escaped (not a 500 after the write). */
    @Test
    void aRecordWhoseIdAnAddressMustEscapeIsCreatedWithItsAddressEscapedNot500AfterTheWrite() {
        String id = AccessFixtures.unique("bad?input#é");
        String path = org.springframework.web.util.UriUtils.encodePathSegment(id, java.nio.charset.StandardCharsets.UTF_8);
        HelixClient.Response created = as(admin).json("POST", "/api/v1/organizations/" + path, "{\"name\": \"Bad Input Organization\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.location()).isEqualTo("/api/v1/organizations/" + path);
        assertThat(as(admin).json("GET", created.location(), null).status()).isEqualTo(200);

        String program = AccessFixtures.unique("bad?input#program");
        HelixClient.Response enrolled = as(admin).json("POST", "/api/v1/talent/programs", """
                {"id": "%s", "name": "坏输入项目", "university": "%s", "enterprises": ["%s"], "discipline": "0802",
                 "industry": "ind-auto", "degree_level": "master", "cohort_year": 2024, "capacity": 10}
                """.formatted(program, enterpriseOrganization, enterpriseOrganization));
        assertThat(enrolled.status()).as(enrolled.body()).isEqualTo(201);
        assertThat(enrolled.location()).isEqualTo("/api/v1/talent/programs/"
                + org.springframework.web.util.UriUtils.encodePathSegment(program, java.nio.charset.StandardCharsets.UTF_8));
        assertThat(as(admin).json("GET", enrolled.location(), null).status()).isEqualTo(200);
    }

    /** A new id holding a space is refused at the id (ids are written in space-separated TREC runs), nothing written. */
    @Test
    void aNewRecordWhoseIdHoldsASpaceIsRefused() {
        String id = AccessFixtures.unique("bad input");
        assertRefused(as(admin).json("POST", "/api/v1/organizations/" + id.replace(" ", "%20"), "{\"name\": \"Bad Input Organization\"}"), "id");
        assertThat(count("select count(*) from organization where ext_id = ?", id)).isZero();

        String program = AccessFixtures.unique("bad input program");
        assertRefused(as(admin).json("POST", "/api/v1/talent/programs", """
                {"id": "%s", "name": "坏输入项目", "university": "%s", "enterprises": ["%s"], "discipline": "0802",
                 "industry": "ind-auto", "degree_level": "master", "cohort_year": 2024, "capacity": 10}
                """.formatted(program, enterpriseOrganization, enterpriseOrganization)), "id");
        assertThat(count("select count(*) from talent_program where ext_id = ?", program)).isZero();
    }

    @Test
    void aListOrObjectWhereATextBelongsNamesItsFieldAndWritesNothing() {
        String program = AccessFixtures.unique("bad-input-program");
        assertRefused(as(admin).json("POST", "/api/v1/talent/programs", """
                {"id": "%s", "name": {"zh": {"a": 1}}, "university": "%s", "enterprises": ["%s"]}
                """.formatted(program, enterpriseOrganization, enterpriseOrganization)), "name");
        assertRefused(as(admin).json("POST", "/api/v1/talent/programs", """
                {"id": "%s", "name": "坏输入项目", "university": "%s", "enterprises": [["%s"]]}
                """.formatted(program, enterpriseOrganization, enterpriseOrganization)), "enterprises");
        assertThat(count("select count(*) from talent_program where ext_id = ?", program)).isZero();

        String organization = AccessFixtures.unique("bad-input-org");
        assertRefused(as(admin).json("POST", "/api/v1/organizations/" + organization, "{\"name\": \"x\", \"id\": {\"a\": 1}}"), "id");
        assertRefused(as(admin).json("POST", "/api/v1/organizations/" + organization, "{\"name\": \"x\", \"kind\": [1]}"), "kind");
        assertThat(count("select count(*) from organization where ext_id = ?", organization)).isZero();
    }

    @Test
    void anAmountBeyondWhatTheDatabaseHoldsIsRefusedWithItsField() {
        String demand = AccessFixtures.unique("bad-input-demand");
        assertRefused(as(enterprise).json("POST", "/api/v1/demands", """
                {"extId": "%s", "titleZh": "坏输入需求", "organization": "%s", "budgetMin": 1e20}
                """.formatted(demand, enterpriseOrganization)), "budgetMin");
        assertRefused(as(enterprise).json("POST", "/api/v1/demands", """
                {"extId": "%s", "titleZh": "坏输入需求", "organization": "%s", "budgetMax": 100000000000000}
                """.formatted(demand, enterpriseOrganization)), "budgetMax");
        assertThat(count("select count(*) from demand where ext_id = ?", demand)).isZero();

        String title = AccessFixtures.unique("坏输入挑战");
        assertRefused(as(admin).json("POST", "/api/v1/challenges", """
                {"titleZh": "%s", "problemZh": "问题", "technologyCode": "kct-17", "budget": 1e14, "durationMonths": 12,
                 "deadline": "2099-06-01T00:00:00Z",
                 "targets": [{"position": 1, "indicator": "强度", "unit": "MPa", "threshold": 100, "higherIsBetter": true}]}
                """.formatted(title)), "budget");
        assertThat(count("select count(*) from challenge where title_zh = ?", title)).isZero();
    }

    /** Every JSON list of every module, with the largest page size it allows. */
    static Stream<Arguments> lists() {
        return Stream.of("/api/v1/organizations", "/api/v1/persons", "/api/v1/outputs", "/api/v1/facilities",
                "/api/v1/demands", "/api/v1/challenges", "/api/v1/challenges/archive", "/api/v1/challenges/invitations",
                "/api/v1/talent/programs", "/api/v1/talent/topics", "/api/v1/talent/needs", "/api/v1/notifications",
                "/api/v1/users", "/api/v1/instruments", "/api/v1/bookings/mine", "/api/v1/bookings/managed",
                "/api/v1/audit", "/api/v1/indicators/organization.all/records"
        ).map(list -> Arguments.of(list, list.equals("/api/v1/audit") || list.startsWith("/api/v1/indicators/") ? 200 : 100));
    }

    static Stream<Arguments> badPaging() {
        return lists().flatMap(arguments -> {
            String list = (String) arguments.get()[0];
            int largest = (int) arguments.get()[1];
            String sizes = "size must be a whole number between 1 and " + largest;
            String pages = "page must be a whole number between 0 and " + Integer.MAX_VALUE;
            return Stream.of(Arguments.of(list, "page=-1", "page", pages), Arguments.of(list, "page=first", "page", pages),
                    Arguments.of(list, "size=0", "size", sizes), Arguments.of(list, "size=" + (largest + 1), "size", sizes),
                    Arguments.of(list, "size=100000", "size", sizes), Arguments.of(list, "size=ten", "size", sizes));
        });
    }

    /** A session, not Basic credentials: a password is checked once, not once a request. */
    HelixClient signedInAdmin;

    HelixClient signedInAdmin() {
        if (signedInAdmin == null) {
            signedInAdmin = HelixClient.signedIn(port, admin);
        }
        return signedInAdmin;
    }

    @ParameterizedTest(name = "{0}?{1}")
    @MethodSource("badPaging")
    void aListRefusesPagingOutOfRangeNamingTheParameterAndItsRange(String list, String query, String parameter, String detail) {
        HelixClient.Response refused = signedInAdmin().json("GET", list + "?" + query, null);
        assertRefused(refused, parameter);
        assertThat(json(refused).path("detail").asString()).isEqualTo(detail);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lists")
    void aListAnswersPagingAtTheEdgesOfItsRange(String list, int largest) {
        for (String fine : new String[] {list, list + "?page=0&size=" + largest, list + "?page=2147483647&size=1"}) {
            HelixClient.Response listed = signedInAdmin().json("GET", fine, null);
            assertThat(listed.status()).as(fine + " " + listed.body()).isEqualTo(200);
            assertThat(json(listed).path("items").isArray()).as(fine).isTrue();
        }
    }

    @Test
    void aPageForATypedAddressStaysForgivingOfPaging() {
        for (String page : new String[] {"/demands", "/challenges", "/instruments", "/talent/topics", "/talent/needs",
                "/notifications", "/organizations"}) {
            for (String query : new String[] {"?page=-1", "?page=first", "?page=2147483647"}) {
                HelixClient.Response shown = signedInAdmin().get(page + query);
                assertThat(shown.status()).as(page + query).isEqualTo(200);
            }
        }
    }

    /** Refused by Tomcat as it decodes the address (%2F, %00, %5C) or by Spring Security's firewall (%25, a path parameter). */
    static Stream<String> refusedPaths() {
        return Stream.of("a%2Fb", "a%2fb", "a%00b", "a%5Cb", "a%25b", "a;b=c");
    }

    @ParameterizedTest
    @MethodSource("refusedPaths")
    void anAddressWithARefusedCharacterGetsAProblemDetailFromTheApi(String id) {
        HelixClient.Response refused = as(admin).send("GET", "/api/v1/organizations/" + id, java.util.Map.of("Accept", "application/json"),
                new byte[0]);
        assertRefused(refused, "path");
        assertThat(json(refused).path("status").asInt()).isEqualTo(400);
        assertThat(json(refused).path("detail").asString()).startsWith("the address is refused");
        assertThat(refused.body()).doesNotContain("Tomcat").doesNotContain(id);
        // a visitor, and a write, are refused the same way before anything else is looked at
        assertRefused(HelixClient.browser(port).json("GET", "/api/v1/organizations/" + id, null), "path");
        assertRefused(as(admin).json("POST", "/api/v1/organizations/" + id, "{\"name\": \"x\"}"), "path");
        assertThat(count("select count(*) from organization where ext_id in ('a/b', 'a\\b', 'a%b', 'a', 'b')")).isZero();
    }

    @ParameterizedTest
    @MethodSource("refusedPaths")
    void anAddressWithARefusedCharacterGetsThePlatformsErrorPageOutsideTheApi(String id) {
        HelixClient.Response refused = HelixClient.browser(port).send("GET", "/organizations/" + id,
                java.util.Map.of("Accept", "text/html"), new byte[0]);
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.header("Content-Type")).startsWith("text/html");
        assertThat(refused.body()).contains("class=\"error-page\"").contains("Bad request")
                .contains("The address holds a character that is not allowed").doesNotContain("Tomcat");
    }

    /** Curl's default: the refused page address gets the platform's page and headers, not Spring Boot's error JSON. */
    @ParameterizedTest
    @MethodSource("refusedPaths")
    void anAddressWithARefusedCharacterGetsThePlatformsErrorPageWhateverItAccepts(String id) {
        for (String accept : new String[] {"*/*", "application/json"}) {
            HelixClient.Response refused = HelixClient.browser(port).send("GET", "/demands/" + id,
                    java.util.Map.of("Accept", accept), new byte[0]);
            assertThat(refused.status()).as(accept + ": " + refused.body()).isEqualTo(400);
            assertThat(refused.header("Content-Type")).as(accept).startsWith("text/html");
            assertThat(refused.header("Content-Security-Policy")).as(accept).contains("frame-ancestors 'none'");
            assertThat(refused.header("X-Content-Type-Options")).as(accept).isEqualTo("nosniff");
            assertThat(refused.body()).as(accept).contains("class=\"error-page\"").contains("Bad request")
                    .contains("The address holds a character that is not allowed")
                    .doesNotContain("\"timestamp\"").doesNotContain("Tomcat");
        }
    }

    @Test
    void aPageFarBeyondTheEndIsEmptyNotAnOverflow() {
        HelixClient.Response page = as(enterprise).json("GET", "/api/v1/demands?page=2147483647&size=100", null);
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        assertThat(json(page).path("items").size()).isZero();
    }

    @Test
    void aValueOfTheWrongTypeNamesItsPlaceInTheBody() {
        HelixClient.Response k = as(admin).json("POST", "/api/v1/match", "{\"text\": \"电池\", \"k\": \"ten\"}");
        assertRefused(k, "k");
        assertThat(json(k).path("detail").asString()).isEqualTo("k must be a whole number");
        assertRefused(as(admin).json("POST", "/api/v1/match", "{\"text\": \"电池\", \"k\": 1000000000000}"), "k");
        HelixClient.Response year = as(admin).json("POST", "/api/v1/match", "{\"text\": \"电池\", \"filters\": {\"yearFrom\": \"x\"}}");
        assertRefused(year, "filters.yearFrom");

        String title = AccessFixtures.unique("坏输入挑战");
        HelixClient.Response threshold = as(admin).json("POST", "/api/v1/challenges", """
                {"titleZh": "%s", "problemZh": "问题", "technologyCode": "kct-17", "budget": 1, "durationMonths": 12,
                 "deadline": "2099-06-01T00:00:00Z",
                 "targets": [{"position": 1, "indicator": "强度", "unit": "MPa", "threshold": "high", "higherIsBetter": true}]}
                """.formatted(title));
        assertRefused(threshold, "targets[0].threshold");
        assertThat(json(threshold).path("detail").asString()).isEqualTo("targets[0].threshold must be a number");
        // a value its record's own checks refuse still names the field those checks give
        assertRefused(as(admin).json("POST", "/api/v1/challenges", "{\"problemZh\": \"问题\"}"), "title");
        assertThat(count("select count(*) from challenge where title_zh = ?", title)).isZero();
    }

    @Test
    void anEditWithAValueOfTheWrongTypeNamesItsPlaceAndChangesNothing() {
        String title = AccessFixtures.unique("坏输入挑战");
        String body = """
                {"titleZh": "%s", "problemZh": "问题", "technologyCode": "kct-17", "budget": %s, "durationMonths": 12,
                 "deadline": "2099-06-01T00:00:00Z", "version": 0,
                 "targets": [{"position": 1, "indicator": "强度", "unit": "MPa", "threshold": 100, "higherIsBetter": true}]}
                """;
        HelixClient.Response created = as(admin).json("POST", "/api/v1/challenges", body.formatted(title, "1000"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String extId = json(created).path("extId").asString();

        HelixClient.Response edit = as(admin).json("PUT", "/api/v1/challenges/" + extId, body.formatted(title, "\"lots\""));
        assertRefused(edit, "budget");
        assertThat(json(edit).path("detail").asString()).isEqualTo("budget must be a number");
        HelixClient.Response read = as(admin).json("GET", "/api/v1/challenges/" + extId, null);
        assertThat(json(read).path("budget").decimalValue()).isEqualByComparingTo("1000");
        assertThat(json(read).path("version").asInt()).isZero();
    }

    @Test
    void jsonThatDoesNotParseSaysWhereAndAMissingParameterNamesItself() {
        HelixClient.Response broken = as(admin).json("POST", "/api/v1/match", "{\"text\": \"电池\",\n \"k\": }");
        assertRefused(broken, "body");
        assertThat(json(broken).path("detail").asString()).isEqualTo("the request body is not valid JSON (line 2, column 7)");

        HelixClient.Response missing = as(admin).json("GET", "/api/v1/match", null);
        assertRefused(missing, "q");
        assertThat(json(missing).path("detail").asString()).isEqualTo("q is required");
    }
}

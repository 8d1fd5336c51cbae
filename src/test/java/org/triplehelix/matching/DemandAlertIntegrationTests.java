package org.triplehelix.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.test.context.ActiveProfiles;
import org.triplehelix.access.AccessFixtures;
import org.triplehelix.access.Account;
import org.triplehelix.access.HelixClient;
import org.triplehelix.access.Role;
import org.triplehelix.shared.UserNotice;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Demand alerts end to end on the fixture, the real index and the real model: a demand posted through
 * the API reaches the inbox of the users of the experts and labs that fit it, after its commit and its
 * indexing (the tests wait for the demand's event and the notice to be completed in the event publication
 * registry, not for a fixed time) — not the author, not the author's colleagues, not the users nothing
 * ties to it; once, whatever is edited afterwards; and a demand for its parties only tells nobody.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemandAlertIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    IndexMaintenance maintenance;
    @Autowired
    ApplicationContext context;
    @Autowired
    EventPublicationRegistry publications;

    AccessFixtures fixtures;
    Account author;      // ENTERPRISE of the enterprise org-medical-ai
    Account colleague;   // ENTERPRISE of org-medical-ai, linked to Zhou Ting (medical imaging), who fits the author's English demand
    Account newcomer;    // ENTERPRISE of org-medical-ai, linked to Emily Hart, whom the registry still lists at org-coast-univ
    Account liWei;       // RESEARCHER linked to Li Wei of org-battery-lab (solid electrolytes)
    Account labMember;   // RESEARCHER of org-battery-lab, no person of their own
    Account emilyHart;   // RESEARCHER linked to Emily Hart of org-coast-univ (medical image segmentation)
    Account wangFang;    // RESEARCHER linked to Wang Fang of org-optics-univ (silicon photonics)
    Account wuQiang;     // RESEARCHER linked to Wu Qiang of org-history-inst (Chu bamboo manuscripts): nothing ties him to batteries

    @BeforeAll
    void theFixtureAndAccounts() {
        FixtureLoader.load(jdbc);
        maintenance.rebuild(Progress.NONE);
        maintenance.embedMissing(Progress.NONE, 1);
        fixtures = AccessFixtures.of(context);
        author = fixtures.user(organization("org-medical-ai"), Role.ENTERPRISE);
        colleague = fixtures.user(organization("org-medical-ai"), person("person-zhou-ting"), Role.ENTERPRISE);
        newcomer = fixtures.user(organization("org-medical-ai"), person("person-emily-hart"), Role.ENTERPRISE);
        liWei = fixtures.user(organization("org-battery-lab"), person("person-li-wei"), Role.RESEARCHER);
        labMember = fixtures.user(organization("org-battery-lab"), Role.RESEARCHER);
        emilyHart = fixtures.user(organization("org-coast-univ"), person("person-emily-hart"), Role.RESEARCHER);
        wangFang = fixtures.user(organization("org-optics-univ"), person("person-wang-fang"), Role.RESEARCHER);
        wuQiang = fixtures.user(organization("org-history-inst"), person("person-wu-qiang"), Role.RESEARCHER);
    }

    @Test
    void aPublicDemandReachesTheFittingExpertAndLabInTheirInboxButNotTheAuthorNorOutsiders() {
        String id = post("""
                {"titleZh": "固态电解质电池的研发", "descriptionZh": "寻找固态电解质与电池界面的合作团队", "visibility": "public"}""");
        String link = "/demands/" + id;
        awaitHandled(id);

        JsonNode english = only(mine(liWei, ""), link);
        assertThat(english.get("key").asString()).isEqualTo("notification.demand.fits");
        assertThat(english.get("message").asString())
                .isEqualTo("A technology demand open for solutions fits your expertise or your organization: \"固态电解质电池的研发\"");
        assertThat(english.get("read").asBoolean()).isFalse();
        assertThat(only(mine(liWei, "lang=zh"), link).get("message").asString())
                .isEqualTo("技术需求“固态电解质电池的研发”正在征集解决方案，与您或贵单位的专长相符");
        assertThat(notices(labMember, link)).as("a user of the laboratory that fits").isEqualTo(1);
        assertThat(notices(wuQiang, link)).as("an expert on something else").isZero();
        assertThat(notices(wangFang, link)).isZero();
        assertThat(notices(author, link)).as("the author").isZero();
        assertThat(notices(colleague, link)).isZero();
        assertThat(fixtures.auditRows("demand", id, "alert")).isEqualTo(1);
        assertThat(signedIn(liWei).get("/notifications?lang=zh").body()).contains("技术需求“固态电解质电池的研发”正在征集解决方案");
    }

    @Test
    void theAuthorsColleaguesAreNotToldEvenWhenTheyFit() {
        String id = post("""
                {"titleEn": "AI for medical image segmentation", "visibility": "signed_in"}""");
        String link = "/demands/" + id;
        awaitHandled(id);

        assertThat(only(mine(emilyHart, ""), link).get("message").asString()).endsWith(": \"AI for medical image segmentation\"");
        assertThat(notices(colleague, link)).as("Zhou Ting fits, but she works for the enterprise that posted it").isZero();
        assertThat(notices(newcomer, link)).as("Emily Hart fits, but this account of hers acts for the enterprise that posted it").isZero();
        assertThat(notices(author, link)).isZero();
        assertThat(notices(liWei, link) + notices(labMember, link) + notices(wuQiang, link)).isZero();
    }

    @Test
    void aDemandForItsPartiesOnlyTellsNobodyUntilItIsOpenToEveryone() {
        String id = post("""
                {"titleZh": "数据中心光模块与硅光芯片", "visibility": "parties", "parties": ["org-optics-univ"]}""");
        String link = "/demands/" + id;
        awaitHandled(id);
        assertThat(notices(wangFang, link)).isZero();
        assertThat(alerted(id)).isFalse();

        edit(id, """
                {"titleZh": "数据中心光模块与硅光芯片", "visibility": "signed_in"}""");
        awaitHandled(id);
        assertThat(notices(wangFang, link)).as("now every signed-in user may see it").isEqualTo(1);
        assertThat(notices(author, link) + notices(liWei, link) + notices(wuQiang, link)).isZero();
    }

    @Test
    void anEditOrAReopeningDoesNotTellThemTwice() {
        String id = post("""
                {"titleZh": "固态电解质电池的量产", "descriptionZh": "固态电解质电池", "visibility": "public"}""");
        String link = "/demands/" + id;
        awaitHandled(id);
        assertThat(notices(liWei, link)).isEqualTo(1);
        assertThat(alerted(id)).isTrue();

        edit(id, """
                {"titleZh": "固态电解质电池的量产", "descriptionZh": "固态电解质电池，年产一万套", "visibility": "public"}""");
        awaitHandled(id);
        HelixClient api = api(author);
        assertThat(api.json("POST", "/api/v1/demands/" + id + "/close", null).status()).isEqualTo(200);
        awaitHandled(id);
        assertThat(api.json("POST", "/api/v1/demands/" + id + "/reopen", null).status()).isEqualTo(200);
        awaitHandled(id);
        assertThat(notices(liWei, link)).isEqualTo(1);
        assertThat(notices(labMember, link)).isEqualTo(1);
        assertThat(fixtures.auditRows("demand", id, "alert")).isEqualTo(1);
    }

    private String post(String json) {
        HelixClient.Response response = api(author).json("POST", "/api/v1/demands", json);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body()).get("extId").asString();
    }

    private void edit(String id, String json) {
        HelixClient.Response response = api(author).json("PUT", "/api/v1/demands/" + id, json);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    /** Waits until the demand's change events were handled (indexed, alerted) and any notice they published was delivered. */
    private void awaitHandled(String id) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() ->
                publications.findIncompletePublications().stream().noneMatch(p ->
                        p.getEvent() instanceof DemandService.DemandChanged changed && changed.extId().equals(id)
                                || p.getEvent() instanceof UserNotice notice && notice.link().equals("/demands/" + id)));
    }

    private boolean alerted(String id) {
        return jdbc.sql("select alerted_at is not null from demand where ext_id = :id").param("id", id).query(Boolean.class).single();
    }

    private long organization(String extId) {
        return jdbc.sql("select id from organization where ext_id = :id").param("id", extId).query(Long.class).single();
    }

    private long person(String extId) {
        return jdbc.sql("select id from person where ext_id = :id").param("id", extId).query(Long.class).single();
    }

    private long notices(Account account, String link) {
        return jdbc.sql("select count(*) from notification where user_id = :u and link = :l").param("u", account.id()).param("l", link)
                .query(Long.class).single();
    }

    private HelixClient api(Account account) {
        return HelixClient.basic(port, account.email(), AccessFixtures.PASSWORD);
    }

    private HelixClient signedIn(Account account) {
        return HelixClient.signedIn(port, account);
    }

    private JsonNode mine(Account account, String query) {
        HelixClient.Response response = api(account).get("/api/v1/notifications" + (query.isEmpty() ? "" : "?" + query));
        assertThat(response.status()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** The one notice of the page with this link. */
    private static JsonNode only(JsonNode page, String link) {
        List<JsonNode> found = new ArrayList<>();
        page.get("items").forEach(item -> {
            if (link.equals(item.get("link").asString())) {
                found.add(item);
            }
        });
        assertThat(found).as("notices linking to " + link + " in " + page).hasSize(1);
        return found.getFirst();
    }
}

package org.triplehelix.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/** Self-registration, held until the organization's administrator (or an ADMIN) approves it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class RegistrationIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    AccessFixtures fixtures;
    long enterprise;
    String enterpriseName;

    @BeforeEach
    void enterprise() {
        fixtures = AccessFixtures.of(context);
        enterprise = fixtures.organization("Optics Enterprise", null);
        enterpriseName = jdbc.sql("select name_en from organization where id = :id").param("id", enterprise).query(String.class).single();
    }

    @Test
    void aRegistrationWaitsForTheOrganizationsAdministrator() {
        String email = AccessFixtures.unique("applicant") + "@example.org";
        HelixClient visitor = HelixClient.browser(port);
        assertThat(visitor.get("/register").body()).contains("name=\"_csrf\"");
        HelixClient.Response registered = visitor.postForm("/register", Map.of("email", email, "name", "Zhang San", "role", "ENTERPRISE",
                "organization", enterpriseName, "password", AccessFixtures.PASSWORD, "confirmation", AccessFixtures.PASSWORD));
        assertThat(registered.status()).isEqualTo(302);
        assertThat(registered.location()).endsWith("/register/done");
        assertThat(visitor.get("/register/done").body()).contains("id=\"registered\"");

        Map<String, Object> account = jdbc.sql("select id, status, organization_id from app_user where email = :email").param("email", email).query().singleRow();
        assertThat(account.get("status")).isEqualTo("pending");
        assertThat(account.get("organization_id")).isEqualTo(enterprise);
        long id = (Long) account.get("id");
        Map<String, Object> audit = jdbc.sql("select actor, remote_address, after::text as after from audit_log where entity_kind = 'user' and entity_id = :id and action = 'register'")
                .param("id", String.valueOf(id)).query().singleRow();
        assertThat(audit.get("actor")).isEqualTo("anonymous");
        assertThat(audit.get("remote_address")).isEqualTo("127.0.0.1");
        assertThat((String) audit.get("after")).contains("\"status\": \"pending\"").doesNotContain("bcrypt");

        assertThat(HelixClient.browser(port).signIn(email, AccessFixtures.PASSWORD)).as("pending").isFalse();

        // another organization's administrator may not approve it; this one's may
        HelixClient elsewhere = signedIn(fixtures.user(fixtures.organization("Elsewhere", null), Role.ORG_ADMIN));
        assertThat(elsewhere.get("/admin/users/" + id).status()).isEqualTo(403);
        assertThat(elsewhere.postForm("/admin/users/" + id + "/approve", Map.of()).status()).isEqualTo(403);
        assertThat(elsewhere.get("/admin/users?status=pending").body()).doesNotContain(email);

        HelixClient orgAdmin = signedIn(fixtures.user(enterprise, Role.ORG_ADMIN));
        assertThat(orgAdmin.get("/admin/users?status=pending").body()).contains(email);
        HelixClient.Response approved = orgAdmin.postForm("/admin/users/" + id + "/approve", Map.of());
        assertThat(approved.status()).isEqualTo(302);
        assertThat(orgAdmin.get(approved.location().replaceFirst("^https?://[^/]+", "")).body()).contains("The account is approved");

        assertThat(HelixClient.browser(port).signIn(email, AccessFixtures.PASSWORD)).isTrue();
        assertThat(fixtures.auditRows("user", String.valueOf(id), "approve")).isEqualTo(1);
    }

    @Test
    void aWaitingRegistrationIsCountedOnTheApproversUsersLinkUntilDecided() {
        HelixClient orgAdmin = signedIn(fixtures.user(enterprise, Role.ORG_ADMIN));
        HelixClient researcher = signedIn(fixtures.user(enterprise, Role.RESEARCHER));
        HelixClient elsewhere = signedIn(fixtures.user(fixtures.organization("Elsewhere", null), Role.ORG_ADMIN));
        assertThat(orgAdmin.get("/?lang=en").body()).contains("id=\"menu-users\"").doesNotContain("nav-count-users");

        long id = fixtures.pendingUser(enterprise, Role.ENTERPRISE);
        String zh = orgAdmin.get("/?lang=zh").body();
        assertThat(zh).contains("<a href=\"/admin/users?status=pending\" id=\"menu-users\">用户管理")
                .containsPattern("id=\"nav-count-users\"[^>]*><span aria-hidden=\"true\">1</span><span class=\"visually-hidden\">待您审核的注册申请：1 个</span>");
        assertThat(orgAdmin.get("/?lang=en").body()).contains("Registrations waiting for your approval: 1");
        // neither another organization's administrator nor a user who approves nothing sees it
        assertThat(elsewhere.get("/").body()).doesNotContain("nav-count-users");
        assertThat(researcher.get("/").body()).doesNotContain("nav-count-users").doesNotContain("id=\"menu-users\"");
        // an ADMIN sees every waiting registration
        HelixClient admin = signedIn(fixtures.user(null, Role.ADMIN));
        assertThat(admin.get("/").body()).contains("href=\"/admin/users?status=pending\"").contains("id=\"nav-count-users\"");

        assertThat(orgAdmin.postForm("/admin/users/" + id + "/approve", Map.of()).status()).isEqualTo(302);
        assertThat(orgAdmin.get("/").body()).contains("<a href=\"/admin/users\" id=\"menu-users\">").doesNotContain("nav-count-users");
    }

    @Test
    void anApprovedRegistrantFindsTheNewsInTheirInboxInTheirLanguage() {
        long id = fixtures.pendingUser(enterprise, Role.ENTERPRISE);
        String email = jdbc.sql("select email from app_user where id = :id").param("id", id).query(String.class).single();
        HelixClient orgAdmin = signedIn(fixtures.user(enterprise, Role.ORG_ADMIN));
        assertThat(orgAdmin.postForm("/admin/users/" + id + "/approve", Map.of()).status()).isEqualTo(302);

        // delivered after the commit, to the registrant alone (not to the administrator who approved)
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("select count(*) from notification where user_id = :id")
                .param("id", id).query(Long.class).single() == 1);
        HelixClient registrant = HelixClient.browser(port);
        assertThat(registrant.signIn(email, AccessFixtures.PASSWORD)).isTrue();
        assertThat(registrant.get("/notifications?lang=zh").body()).contains("您注册的账号已通过审核，现在可以登录使用平台了。");
        assertThat(registrant.get("/notifications?lang=en").body()).contains("Your registration was approved: you can now sign in");
        assertThat(orgAdmin.get("/notifications?lang=en").body()).doesNotContain("Your registration was approved");
    }

    @Test
    void theUsersPageAndTheApiShowTheLanguageTheRegistrantsEmailsAreWrittenIn() {
        long chinese = registerFrom("zh");
        long english = registerFrom("en");
        long notRecorded = fixtures.pendingUser(enterprise, Role.ENTERPRISE);
        HelixClient orgAdmin = signedIn(fixtures.user(enterprise, Role.ORG_ADMIN));

        assertThat(orgAdmin.get("/admin/users/" + chinese + "?lang=en").body())
                .contains("<dt>E-mail language</dt>").contains("<dd id=\"language\">中文</dd>");
        assertThat(orgAdmin.get("/admin/users/" + english + "?lang=zh").body())
                .contains("<dt>邮件语言</dt>").contains("<dd id=\"language\">English</dd>");
        assertThat(orgAdmin.get("/admin/users/" + notRecorded + "?lang=en").body())
                .contains("<dd id=\"language\">both languages (not recorded)</dd>");
        assertThat(orgAdmin.get("/admin/users/" + notRecorded + "?lang=zh").body())
                .contains("<dd id=\"language\">中英文两种语言（未记录）</dd>");

        assertThat(orgAdmin.json("GET", "/api/v1/users/" + chinese, null).body()).contains("\"language\":\"zh\"");
        assertThat(orgAdmin.json("GET", "/api/v1/users/" + english, null).body()).contains("\"language\":\"en\"");
        HelixClient.Response none = orgAdmin.json("GET", "/api/v1/users/" + notRecorded, null);
        assertThat(none.status()).as(none.body()).isEqualTo(200);
        assertThat(none.body()).contains("\"language\":null");
    }

    /** A visitor's registration sent from the pages in this language; the pending account's id. */
    private long registerFrom(String lang) {
        String email = AccessFixtures.unique("registrant-" + lang) + "@example.org";
        HelixClient.Response registered = HelixClient.browser(port).postForm("/register?lang=" + lang, Map.of("email", email,
                "name", "Applicant", "role", "ENTERPRISE", "organization", enterpriseName,
                "password", AccessFixtures.PASSWORD, "confirmation", AccessFixtures.PASSWORD));
        assertThat(registered.status()).as(registered.body()).isEqualTo(302);
        return jdbc.sql("select id from app_user where email = :email").param("email", email).query(Long.class).single();
    }

    @Test
    void aRegistrationTurnedDownWithoutAMailServerSaysTheRegistrantCouldNotBeToldAndKeepsTheReason() {
        long id = fixtures.pendingUser(enterprise, Role.ENTERPRISE);
        String email = jdbc.sql("select email from app_user where id = :id").param("id", id).query(String.class).single();
        HelixClient orgAdmin = signedIn(fixtures.user(enterprise, Role.ORG_ADMIN));
        assertThat(orgAdmin.get("/admin/users/" + id + "?lang=en").body()).contains("action=\"/admin/users/" + id + "/reject\"")
                .contains("id=\"reason\"").contains("Reason for turning down (optional)").doesNotContain("id=\"disable\"");

        // a reason too long is refused on its field, kept as typed, and nothing changes
        String tooLong = "理".repeat(1001);
        HelixClient.Response refused = orgAdmin.postForm("/admin/users/" + id + "/reject?lang=en", Map.of("reason", tooLong, "confirm", "yes"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"f-reason-error\"").contains("The reason is at most 1,000 characters of text.")
                .contains(">" + tooLong + "</textarea>");
        assertThat(status(id)).isEqualTo("pending");

        // a reason of 1,000 characters with line breaks, which the browser's maxlength counts one each but sends as CR LF
        String lines = ("理".repeat(99) + "\r\n").repeat(10).strip();
        assertThat(lines.replace("\r\n", "\n")).hasSize(999);
        HelixClient.Response multiline = orgAdmin.postForm("/admin/users/" + fixtures.pendingUser(enterprise, Role.ENTERPRISE) + "/reject?lang=en",
                Map.of("reason", lines, "confirm", "yes"));
        assertThat(multiline.status()).as(multiline.body()).isEqualTo(302);

        // the box not ticked: refused on it, in the page's language, the reason kept, nothing changed
        HelixClient.Response unconfirmed = orgAdmin.postForm("/admin/users/" + id + "/reject?lang=zh", Map.of("reason", "不是本单位员工"));
        assertThat(unconfirmed.status()).isEqualTo(400);
        assertThat(unconfirmed.body()).contains("id=\"f-confirm-error\"").contains("请勾选确认框以确认不予通过。")
                .contains(">不是本单位员工</textarea>").contains("id=\"reject-confirm\"");
        assertThat(status(id)).isEqualTo("pending");

        HelixClient.Response turnedDown = orgAdmin.postForm("/admin/users/" + id + "/reject?lang=en", Map.of("reason", "不是本单位员工", "confirm", "yes"));
        assertThat(turnedDown.status()).isEqualTo(302);
        assertThat(orgAdmin.get(turnedDown.location().replaceFirst("^https?://[^/]+", "") + "?lang=en").body())
                .contains("The registration is turned down. The platform sends no e-mail (no mail server is configured), so the registrant could not be told");
        assertThat(status(id)).isEqualTo("disabled");
        assertThat(HelixClient.browser(port).signIn(email, AccessFixtures.PASSWORD)).isFalse();
        assertThat(jdbc.sql("select after ->> 'reason' from audit_log where entity_kind = 'user' and entity_id = :id and action = 'reject'")
                .param("id", String.valueOf(id)).query(String.class).single()).isEqualTo("不是本单位员工");

        HelixClient.Response again = orgAdmin.postForm("/admin/users/" + id + "/reject?lang=en", Map.of("reason", "", "confirm", "yes"));
        assertThat(again.status()).isEqualTo(409);
        // the reason box is gone with the pending status: the page must not claim that what was typed is still in it
        assertThat(again.body()).contains("This registration was turned down or the account disabled already.")
                .doesNotContain("id=\"reject-form\"").doesNotContain("what you typed is still in the form");
        assertThat(fixtures.auditRows("user", String.valueOf(id), "reject")).isEqualTo(1);
    }

    private String status(long id) {
        return jdbc.sql("select status from app_user where id = :id").param("id", id).query(String.class).single();
    }

    @Test
    void theOrganizationIsPickedByNameWithItsIdInAHiddenField() {
        String extId = fixtures.organizationExtId(enterprise);
        HelixClient visitor = HelixClient.browser(port);
        assertThat(visitor.get("/register?lang=zh").body()).contains("id=\"organization\" name=\"organizationName\"")
                .contains("<input type=\"hidden\" id=\"organization-id\" name=\"organization\" value=\"\">");
        assertThat(visitor.get("/register/organizations?organizationName="
                + java.net.URLEncoder.encode(enterpriseName.substring(0, enterpriseName.length() - 2), java.nio.charset.StandardCharsets.UTF_8)).body())
                .contains("<option value=\"" + extId + "\" data-name=\"" + enterpriseName + "\">" + enterpriseName + "</option>");

        // refused for another field: the box shows the organization's name, the id stays hidden
        String email = AccessFixtures.unique("picker") + "@example.org";
        Map<String, String> picked = new java.util.HashMap<>(Map.of("email", email, "name", "Wang Wu", "role", "RESEARCHER",
                "organizationName", enterpriseName, "organization", extId, "password", AccessFixtures.PASSWORD, "confirmation", "different"));
        HelixClient.Response refused = visitor.postForm("/register?lang=en", picked);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).containsPattern("id=\"organization\" name=\"organizationName\"[^>]*value=\"" + enterpriseName + "\"")
                .contains("<input type=\"hidden\" id=\"organization-id\" name=\"organization\" value=\"" + extId + "\">");

        picked.put("confirmation", AccessFixtures.PASSWORD);
        assertThat(visitor.postForm("/register", picked).status()).isEqualTo(302);
        assertThat(jdbc.sql("select organization_id from app_user where email = :email").param("email", email).query(Long.class).single())
                .isEqualTo(enterprise);
    }

    @Test
    void aTakenEmailIsAnsweredLikeANewOneAndNothingIsStored() {
        Account existing = fixtures.user(enterprise, Role.ENTERPRISE);
        long rows = fixtures.auditRows();
        HelixClient.Response response = HelixClient.browser(port).postForm("/register", Map.of("email", existing.email(), "name", "Someone",
                "role", "RESEARCHER", "organization", "", "password", "another-long-phrase-77", "confirmation", "another-long-phrase-77"));
        assertThat(response.status()).isEqualTo(302);
        assertThat(response.location()).endsWith("/register/done");
        assertThat(fixtures.auditRows()).isEqualTo(rows);
        assertThat(jdbc.sql("select name from app_user where email = :email").param("email", existing.email()).query(String.class).single())
                .isEqualTo(existing.name());
    }

    @Test
    void refusesWeakPasswordsPrivilegedRolesAndUnknownOrganizationsWithTheReason() {
        HelixClient visitor = HelixClient.browser(port);
        Map<String, String> base = Map.of("email", AccessFixtures.unique("x") + "@example.org", "name", "Li Si", "role", "RESEARCHER",
                "organization", "", "password", AccessFixtures.PASSWORD, "confirmation", AccessFixtures.PASSWORD);
        assertThat(register(visitor, base, "password", "qwertyuiop123", "confirmation", "qwertyuiop123").body())
                .containsPattern("id=\"f-password-error\">[^<]*too common").contains("value=\"Li Si\"")
                .contains("aria-invalid=\"true\">").doesNotContain("qwertyuiop123");
        assertThat(register(visitor, base, "confirmation", "something-else-entirely").body())
                .contains("id=\"f-confirmation-error\">The two passwords differ.</span>");
        assertThat(register(visitor, base, "role", "ADMIN").body())
                .contains("id=\"f-role-error\">Choose enterprise user or researcher.</span>");
        assertThat(register(visitor, base, "organization", "No Such Organization").body())
                .contains("id=\"f-organization-error\">No organization has this id or name")
                .containsPattern("value=\"No Such Organization\"[^>]*aria-invalid=\"true\"");
        assertThat(register(visitor, base, "email", "not-an-email").body())
                .contains("id=\"f-email-error\">This is not a valid email address.</span>").contains("value=\"not-an-email\"")
                .contains("<a href=\"#email\">Email</a>");
        assertThat(jdbc.sql("select count(*) from app_user where email = :e").param("e", base.get("email")).query(Long.class).single()).isZero();
    }

    @Test
    void everyFieldAtFaultIsMarkedAtOnceNotOnePerAttempt() {
        HelixClient visitor = HelixClient.browser(port);
        String email = AccessFixtures.unique("y") + "@example.org";
        Map<String, String> base = Map.of("email", "not-an-email", "name", "Wang Wu", "role", "RESEARCHER",
                "organization", "No Such Organization", "password", "short", "confirmation", "shirt");
        String page = register(visitor, base).body();
        assertThat(page).contains("There are 4 problems to fix in the form:", "id=\"f-email-error\"", "id=\"f-organization-error\"",
                        "id=\"f-password-error\"", "id=\"f-confirmation-error\">The two passwords differ.</span>",
                        "value=\"Wang Wu\"", "value=\"No Such Organization\"")
                .doesNotContain("id=\"f-name-error\"").doesNotContain("value=\"short\"");
        // the same in Chinese
        assertThat(register(HelixClient.browser(port), base, "lang", "zh").body()).contains("表单有 4 处需要修改");
        // fixed, it is taken
        Map<String, String> fixed = Map.of("email", email, "name", "Wang Wu", "role", "RESEARCHER", "organization", "",
                "password", AccessFixtures.PASSWORD, "confirmation", AccessFixtures.PASSWORD);
        assertThat(visitor.postForm("/register", fixed).status()).isEqualTo(302);
        assertThat(jdbc.sql("select status from app_user where email = :e").param("e", email).query(String.class).single()).isEqualTo("pending");
    }

    @Test
    void suggestsOrganizationsByName() {
        String part = enterpriseName.substring(0, enterpriseName.length() - 2);
        HelixClient.Response options = HelixClient.browser(port).get("/register/organizations?organization="
                + java.net.URLEncoder.encode(part, java.nio.charset.StandardCharsets.UTF_8));
        assertThat(options.status()).isEqualTo(200);
        // data-name: what the box shows once the option is picked (the value, the id, goes to a hidden field)
        assertThat(options.body()).contains("<option value=\"" + fixtures.organizationExtId(enterprise) + "\" data-name=\"" + enterpriseName
                + "\">" + enterpriseName + "</option>");
        assertThat(HelixClient.browser(port).get("/register/organizations?organization=%25%25").body()).doesNotContain("<option");
    }

    private HelixClient.Response register(HelixClient visitor, Map<String, String> base, String... overrides) {
        Map<String, String> form = new java.util.HashMap<>(base);
        for (int i = 0; i < overrides.length; i += 2) {
            form.put(overrides[i], overrides[i + 1]);
        }
        HelixClient.Response response = visitor.postForm("/register", form);
        assertThat(response.status()).isEqualTo(400);
        return response;
    }

    private HelixClient signedIn(Account account) {
        return HelixClient.signedIn(port, account);
    }
}

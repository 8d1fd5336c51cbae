package org.triplehelix.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/** The user page's roles and links forms: refused, the page again as ticked and typed, 400, the field marked, nothing written. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class UserAdminPagesIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;

    private HelixClient admin() {
        Account admin = AccessFixtures.of(context).user(null, Role.ADMIN);
        HelixClient client = HelixClient.browser(port);
        assertThat(client.signIn(admin.email(), AccessFixtures.PASSWORD)).isTrue();
        return client;
    }

    private List<String> roles(long userId) {
        return jdbc.sql("select role from user_role where user_id = :u order by role").param("u", userId).query(String.class).list();
    }

    @Test
    void refusedRolesComeBackAsTickedWithTheChoiceMarked() {
        Account user = AccessFixtures.of(context).user(null, Role.RESEARCHER);
        HelixClient client = admin();

        HelixClient.Response refused = client.postForm("/admin/users/" + user.id() + "/roles?lang=zh", Map.of("role", "ORG_ADMIN", "confirm", "yes"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("<fieldset id=\"f-roles\" aria-invalid=\"true\">")
                .contains("id=\"f-roles-error\">单位管理员必须属于某个单位。</span>")
                .contains("value=\"ORG_ADMIN\" checked>")
                .doesNotContain("value=\"RESEARCHER\" checked>");
        assertThat(roles(user.id())).containsExactly("RESEARCHER");

        HelixClient.Response none = client.postForm("/admin/users/" + user.id() + "/roles?lang=en", Map.of());
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.body()).contains("id=\"f-roles-error\">Choose at least one role.</span>").doesNotContain("checked>");
        assertThat(roles(user.id())).containsExactly("RESEARCHER");
    }

    @Test
    void disablingAnAccountNeedsTheBoxTickedCheckedOnTheServer() {
        Account user = AccessFixtures.of(context).user(null, Role.RESEARCHER);
        HelixClient client = admin();
        assertThat(client.get("/admin/users/" + user.id() + "?lang=en").body())
                .contains("<input type=\"checkbox\" id=\"disable-confirm\" name=\"confirm\" value=\"yes\" required");

        // a client that skips the browser's check (or an old page) is refused by the server: 400, the box marked, nothing written
        HelixClient.Response unticked = client.postForm("/admin/users/" + user.id() + "/disable?lang=zh", Map.of());
        assertThat(unticked.status()).isEqualTo(400);
        assertThat(unticked.body()).contains("id=\"f-disableConfirm-error\">请勾选确认框以确认停用账号。</span>")
                .containsPattern("id=\"disable-confirm\"[^>]*aria-invalid=\"true\"")
                .contains("<dd id=\"status\">正常</dd>");
        assertThat(client.postForm("/admin/users/" + user.id() + "/disable?lang=en", Map.of("confirm", "no")).body())
                .contains("id=\"f-disableConfirm-error\">Tick the box to confirm disabling the account.</span>");
        assertThat(status(user.id())).isEqualTo("active");

        HelixClient.Response ticked = client.postForm("/admin/users/" + user.id() + "/disable?lang=en", Map.of("confirm", "yes"));
        assertThat(ticked.status()).isEqualTo(302);
        assertThat(status(user.id())).isEqualTo("disabled");
        assertThat(client.get("/admin/users/" + user.id() + "?lang=en").body()).contains("id=\"notice\">The account is disabled.</p>");
    }

    @Test
    void takingARoleAwayNeedsTheBoxTickedWhileAddingOneDoesNot() {
        Account user = AccessFixtures.of(context).user(null, Role.RESEARCHER);
        HelixClient client = admin();

        // adding a role takes nothing away: no box needed
        assertThat(roles(client, user.id(), "", "RESEARCHER", "REVIEWER").status())
                .isEqualTo(302);
        assertThat(roles(user.id())).containsExactly("RESEARCHER", "REVIEWER");

        // taking one away unticked: 400, the roles as ticked, the box marked and the roles taken away named
        HelixClient.Response unticked = client.postForm("/admin/users/" + user.id() + "/roles?lang=zh", Map.of("role", "STUDENT"));
        assertThat(unticked.status()).isEqualTo(400);
        assertThat(unticked.body()).contains("id=\"f-rolesConfirm-error\">您将取消该用户的角色：科研人员、评审专家。请勾选角色下方的确认框。</span>")
                .containsPattern("id=\"roles-confirm\"[^>]*aria-invalid=\"true\"")
                .contains("value=\"STUDENT\" checked>").doesNotContain("value=\"RESEARCHER\" checked>")
                .contains("尚未保存任何内容");
        assertThat(roles(client, user.id(), "?lang=en", "RESEARCHER", "STUDENT").body())
                .contains("id=\"f-rolesConfirm-error\">You are taking away Reviewer: tick the box below the roles to confirm.</span>");
        assertThat(roles(user.id())).containsExactly("RESEARCHER", "REVIEWER");

        assertThat(client.postForm("/admin/users/" + user.id() + "/roles", Map.of("role", "STUDENT", "confirm", "yes")).status()).isEqualTo(302);
        assertThat(roles(user.id())).containsExactly("STUDENT");
    }

    /** The roles form as a browser sends several ticked boxes: the name once per box. */
    private static HelixClient.Response roles(HelixClient client, long userId, String query, String... roles) {
        String body = "_csrf=" + java.net.URLEncoder.encode(client.csrfToken(), java.nio.charset.StandardCharsets.UTF_8) + java.util.Arrays.stream(roles).map(role -> "&role=" + role).collect(java.util.stream.Collectors.joining());
        return client.send("POST", "/admin/users/" + userId + "/roles" + query, Map.of("Content-Type", "application/x-www-form-urlencoded"),
                body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private String status(long userId) {
        return jdbc.sql("select status from app_user where id = :u").param("u", userId).query(String.class).single();
    }

    @Test
    void refusedLinksComeBackAsTypedWithTheIdMarked() {
        AccessFixtures fixtures = AccessFixtures.of(context);
        long person = fixtures.person("Linked Person", null);
        Account user = fixtures.user(null, Role.RESEARCHER);
        HelixClient client = admin();

        HelixClient.Response refused = client.postForm("/admin/users/" + user.id() + "/links?lang=en",
                Map.of("organization", "org-nowhere-at-all", "person", fixtures.personExtId(person)));

        // the boxes now hold names (name="organizationName", "personName"); a client that sends ids alone typed ids,
        // and they come back in the boxes
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body())
                .contains("id=\"organization\" name=\"organizationName\" aria-invalid=\"true\" type=\"text\" maxlength=\"300\" value=\"org-nowhere-at-all\"")
                .contains("id=\"f-organization-error\">No organization has this id or name; pick one from the list.</span>")
                .contains("id=\"person\" name=\"personName\" type=\"text\" maxlength=\"300\" value=\"" + fixtures.personExtId(person) + "\"");
        assertThat(jdbc.sql("select count(*) from app_user where id = :u and person_id is not null").param("u", user.id())
                .query(Long.class).single()).isZero();
    }

    @Test
    void linksArePickedAndShownByNameWithTheIdsInHiddenFields() {
        AccessFixtures fixtures = AccessFixtures.of(context);
        long organization = fixtures.organization("Picked Institute", null);
        long person = fixtures.person("Picked Person", organization);
        String organizationName = jdbc.sql("select name_en from organization where id = :id").param("id", organization).query(String.class).single();
        String personName = jdbc.sql("select name_en from person where id = :id").param("id", person).query(String.class).single();
        Account user = fixtures.user(null, Role.RESEARCHER);
        HelixClient client = admin();

        // what the page sends once a suggestion is picked: the name in the box, the id in the hidden field
        HelixClient.Response saved = client.postForm("/admin/users/" + user.id() + "/links", Map.of(
                "organizationName", organizationName, "organization", fixtures.organizationExtId(organization),
                "personName", personName, "person", fixtures.personExtId(person)));
        assertThat(saved.status()).isEqualTo(302);
        String page = client.get("/admin/users/" + user.id() + "?lang=zh").body();
        // the fixture's names are English only: on the Chinese page they are marked as English (WCAG 3.1.2)
        assertThat(page).contains("<dd id=\"person-link\"><a href=\"/persons/" + fixtures.personExtId(person) + "\"><span lang=\"en\">" + personName + "</span></a></dd>")
                .contains("<a href=\"/organizations/" + fixtures.organizationExtId(organization) + "\"><span lang=\"en\">" + organizationName + "</span></a>")
                .containsPattern("id=\"organization\" name=\"organizationName\"[^>]*value=\"" + organizationName + "\"")
                .containsPattern("id=\"person\" name=\"personName\"[^>]*value=\"" + personName + "\"")
                .contains("<input type=\"hidden\" id=\"person-id\" name=\"person\" value=\"" + fixtures.personExtId(person) + "\">")
                .contains("输入名称中的几个字（中文或英文），从列表中选择").doesNotContain("<code>" + fixtures.personExtId(person));

        // a name typed without picking (no JavaScript) is found by its exact name; a box emptied unlinks, whatever the hidden id
        assertThat(client.postForm("/admin/users/" + user.id() + "/links", Map.of("organizationName", "", "organization",
                fixtures.organizationExtId(organization), "personName", personName, "person", "")).status()).isEqualTo(302);
        assertThat(jdbc.sql("select organization_id is null and person_id = :p from app_user where id = :u").param("u", user.id())
                .param("p", person).query(Boolean.class).single()).isTrue();
        // a name typed over a picked one is the one that counts
        HelixClient.Response refused = client.postForm("/admin/users/" + user.id() + "/links?lang=en", Map.of("organizationName", "No Such Place",
                "organization", fixtures.organizationExtId(organization), "personName", personName, "person", fixtures.personExtId(person)));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).containsPattern("id=\"organization\" name=\"organizationName\"[^>]*value=\"No Such Place\"");
    }
    @Test
    void aRefusedButtonSaysOnlyWhyWhileARefusedFormAlsoSaysItKeptTheInput() {
        AccessFixtures fixtures = AccessFixtures.of(context);
        Account admin = fixtures.user(null, Role.ADMIN);
        Account active = fixtures.user(null, Role.RESEARCHER);
        HelixClient client = HelixClient.browser(port);
        assertThat(client.signIn(admin.email(), AccessFixtures.PASSWORD)).isTrue();

        // buttons: approving an active account, disabling one's own; nothing was typed, so nothing is said to be kept
        client.postForm("/admin/users/" + active.id() + "/approve?lang=zh", Map.of());
        assertThat(client.get("/admin/users/" + active.id() + "?lang=zh").body())
                .contains("<p class=\"error\" role=\"alert\" id=\"problem\">该账号已审核通过，现为正常状态，无需再审核。</p>")
                .doesNotContain("尚未保存任何内容");
        client.postForm("/admin/users/" + admin.id() + "/disable?lang=en", Map.of("confirm", "yes"));
        assertThat(client.get("/admin/users/" + admin.id() + "?lang=en").body())
                .contains("<p class=\"error\" role=\"alert\" id=\"problem\">You cannot disable your own account.</p>")
                .doesNotContain("Nothing was saved");

        // forms: the roles as ticked and the links as typed come back, and the refusal says so
        assertThat(client.postForm("/admin/users/" + active.id() + "/roles?lang=zh", Map.of("role", "ORG_ADMIN", "confirm", "yes")).body())
                .contains("id=\"problem\">单位管理员必须属于某个单位。 尚未保存任何内容，您填写的内容仍保留在表单中。</p>");
        assertThat(client.postForm("/admin/users/" + active.id() + "/links?lang=en", Map.of("organization", "org-nowhere-at-all", "person", ""))
                .body()).contains("id=\"problem\">No organization has this id or name; pick one from the list. "
                        + "Nothing was saved; what you typed is still in the form.</p>");
        assertThat(jdbc.sql("select status from app_user where id in (:a, :b) order by id").param("a", admin.id()).param("b", active.id())
                .query(String.class).list()).containsExactly("active", "active");
        assertThat(roles(active.id())).containsExactly("RESEARCHER");
    }

    @Test
    void aRefusedActionSaysTheConflictInThePagesLanguage() {
        AccessFixtures fixtures = AccessFixtures.of(context);
        Account admin = fixtures.user(null, Role.ADMIN);
        HelixClient client = HelixClient.browser(port);
        assertThat(client.signIn(admin.email(), AccessFixtures.PASSWORD)).isTrue();

        // disabling one's own account: refused after the redirect, in the page's language
        assertThat(client.postForm("/admin/users/" + admin.id() + "/disable?lang=zh", Map.of("confirm", "yes")).status()).isEqualTo(302);
        assertThat(client.get("/admin/users/" + admin.id()).body()).contains("不能停用您自己的账号。").doesNotContain("you cannot disable");
        client.postForm("/admin/users/" + admin.id() + "/disable?lang=en", Map.of("confirm", "yes"));
        assertThat(client.get("/admin/users/" + admin.id()).body()).contains("You cannot disable your own account.");

        // approving an account that is active already names its status
        Account active = fixtures.user(null, Role.RESEARCHER);
        client.postForm("/admin/users/" + active.id() + "/approve?lang=zh", Map.of());
        assertThat(client.get("/admin/users/" + active.id()).body()).contains("该账号已审核通过，现为正常状态，无需再审核。")
                .doesNotContain("only a pending account");
        client.postForm("/admin/users/" + active.id() + "/approve?lang=en", Map.of());
        assertThat(client.get("/admin/users/" + active.id()).body()).contains("This account is active already: there is nothing to approve.");
        assertThat(jdbc.sql("select status from app_user where id in (:a, :b) order by id").param("a", admin.id()).param("b", active.id())
                .query(String.class).list()).containsExactly("active", "active");

        // an unknown role in the list's filter: the error page says it
        HelixClient.Response role = client.get("/admin/users?role=KING&lang=zh");
        assertThat(role.status()).isEqualTo(400);
        assertThat(role.body()).contains("没有“KING”这个角色。").doesNotContain("unknown role");
        assertThat(client.get("/admin/users?role=KING&lang=en").body()).contains("There is no role “KING”.");

        // a page number that is none is the first page, one past the end the last, as on every list page: the search kept
        for (String page : new String[] {"abc", "-1", "99999999999", "2147483647"}) {
            HelixClient.Response listed = client.get("/admin/users?q=" + java.net.URLEncoder.encode(active.email(), java.nio.charset.StandardCharsets.UTF_8) + "&page=" + page + "&lang=en");
            assertThat(listed.status()).as(page).isEqualTo(200);
            assertThat(listed.body()).as(page).contains(active.email()).doesNotContain("class=\"error-page\"");
        }
    }
}

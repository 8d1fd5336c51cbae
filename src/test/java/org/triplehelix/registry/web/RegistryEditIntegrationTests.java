package org.triplehelix.registry.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.triplehelix.access.AccessFixtures;
import org.triplehelix.access.Role;

/**
 * The registry's edit pages through Spring MVC and Spring Security: create, update, a stale
 * version, field errors with the input kept, delete with its confirmation, the buttons shown by
 * scope, the pickers' suggestions, and the upload page for administrators only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegistryEditIntegrationTests {

    /** A code with a bad check character (the last one should be 4). */
    static final String BAD_USCC = "91350100M000100Y44";

    @Autowired
    WebApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService accounts;

    MockMvc mvc;
    AccessFixtures fixtures;
    UserDetails admin;
    /** Administers {@link #home} and everything under it. */
    UserDetails orgAdmin;
    long home;
    long unit;
    long elsewhere;

    @BeforeAll
    void world() {
        fixtures = AccessFixtures.of(context);
        home = organization("Edit Home University", null);
        unit = organization("Edit Home Laboratory", home);
        elsewhere = organization("Edit Elsewhere Enterprise", null);
        admin = accounts.loadUserByUsername(fixtures.user(null, Role.ADMIN).email());
        orgAdmin = accounts.loadUserByUsername(fixtures.user(home, Role.ORG_ADMIN).email());
    }

    /** Records the tests created ({@code table:ext_id}), removed afterwards: the test database is shared. */
    final java.util.List<String> created = new java.util.ArrayList<>();

    @org.junit.jupiter.api.AfterAll
    void removeWhatWasCreated() {
        for (String record : created.reversed()) {
            String[] parts = record.split(":", 2);
            jdbc.sql("delete from " + parts[0] + " where ext_id = :id").param("id", parts[1]).update();
        }
    }

    /** A fixture organization, removed after the tests. */
    private long organization(String name, Long parent) {
        long id = fixtures.organization(name, parent);
        created.add("organization:" + fixtures.organizationExtId(id));
        return id;
    }

    private long person(String name, Long organization) {
        long id = fixtures.person(name, organization);
        created.add("person:" + fixtures.personExtId(id));
        return id;
    }

    /** Remembers the record a redirect after a create points to; its id. */
    private String created(String location) {
        String[] parts = location.split("/");
        String table = switch (parts[1]) {
            case "persons" -> "person";
            case "outputs" -> "output";
            case "facilities" -> "facility";
            default -> "organization";
        };
        created.add(table + ":" + parts[2]);
        return parts[2];
    }

    @BeforeEach
    void mvc() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
    }

    private static MockHttpServletRequestBuilder form(MockHttpServletRequestBuilder request, UserDetails as, Map<String, String> fields) {
        request.with(user(as)).with(csrf()).param("lang", "en");
        fields.forEach(request::param);
        return request;
    }

    private int version(String table, String extId) {
        return jdbc.sql("select version from " + table + " where ext_id = :id").param("id", extId).query(Integer.class).single();
    }

    private String ext(long organization) {
        return fixtures.organizationExtId(organization);
    }

    @Test
    void createsAnOrganizationAndShowsTheNoticeOnItsPage() throws Exception {
        String id = AccessFixtures.unique("edit-org");
        created.add("organization:" + id);
        MvcResult result = mvc.perform(form(post("/organizations/new"), admin, Map.of("id", id, "nameZh", "光谷实验室",
                        "nameEn", "Optics Valley Laboratory", "type", "provincial_laboratory", "region", "420100",
                        "established", "2021", "uscc", "12100000400000624D", "descriptionZh", "第一行\n第二行")))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/organizations/" + id))
                .andExpect(flash().attribute("notice", new EditNotice("registry.edit.created", "光谷实验室 Optics Valley Laboratory")))
                .andReturn();

        mvc.perform(get("/organizations/" + id).param("lang", "en").with(user(admin)).flashAttrs(result.getFlashMap()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"edit-notice\"")))
                .andExpect(content().string(containsString("“光谷实验室 Optics Valley Laboratory” was created.")))
                .andExpect(content().string(containsString("12100000400000624D")))
                .andExpect(content().string(containsString("href=\"/organizations/" + id + "/edit\"")));
        assertThat(jdbc.sql("select type || ' ' || region_code || ' ' || established from organization where ext_id = :id")
                .param("id", id).query(String.class).single()).isEqualTo("provincial_laboratory 420100 2021");
        assertThat(fixtures.auditRows("organization", id, "create")).isEqualTo(1);
    }

    @Test
    void makesAnIdWhenNoneIsTypedAndRefusesOneTaken() throws Exception {
        String location = mvc.perform(form(post("/organizations/new"), admin, Map.of("nameEn", "Unnamed Institute")))
                .andExpect(status().isFound()).andReturn().getResponse().getRedirectedUrl();
        created(location);
        assertThat(location).matches("/organizations/organization-[0-9a-f]{12}");

        mvc.perform(form(post("/organizations/new"), admin, Map.of("id", ext(home), "nameEn", "Twin")))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("id=\"f-id-error\"")))
                .andExpect(content().string(containsString("value=\"Twin\"")));
        mvc.perform(form(post("/organizations/new"), admin, Map.of("id", "has space", "nameEn", "Spaced")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"f-id-error\"")));
    }

    @Test
    void updatesTheVersionThatWasOpened() throws Exception {
        long target = organization("Edit Target", home);
        String id = ext(target);
        mvc.perform(get("/organizations/" + id + "/edit").param("lang", "en").with(user(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("name=\"version\" value=\"0\"")))
                .andExpect(content().string(containsString("name=\"parent\" type=\"text\" value=\"" + ext(home) + "\"")));

        mvc.perform(form(post("/organizations/" + id + "/edit"), admin, Map.of("version", "0", "nameZh", "改名单位",
                        "nameEn", "Renamed Unit", "parent", ext(home), "type", "research_institute")))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/organizations/" + id))
                .andExpect(flash().attribute("notice", new EditNotice("registry.edit.saved", "改名单位 Renamed Unit")));
        assertThat(version("organization", id)).isEqualTo(1);
        assertThat(jdbc.sql("select name_zh from organization where ext_id = :id").param("id", id).query(String.class).single())
                .isEqualTo("改名单位");
        assertThat(fixtures.auditRows("organization", id, "update")).isEqualTo(1);
    }

    @Test
    void aStaleVersionKeepsTheInputAndSaysSomeoneChangedTheRecord() throws Exception {
        String id = ext(organization("Edit Stale", home));
        // someone else saves first
        mvc.perform(form(post("/organizations/" + id + "/edit"), admin, Map.of("version", "0", "nameEn", "Their Name", "parent", ext(home))))
                .andExpect(status().isFound());

        mvc.perform(form(post("/organizations/" + id + "/edit"), admin, Map.of("version", "0", "nameEn", "My Name", "parent", ext(home))))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("id=\"edit-conflict\"")))
                .andExpect(content().string(containsString("Someone changed this record since you opened it")))
                .andExpect(content().string(containsString("value=\"My Name\"")))
                .andExpect(content().string(containsString("href=\"/organizations/" + id + "\" target=\"_blank\"")));
        assertThat(jdbc.sql("select name_en from organization where ext_id = :id").param("id", id).query(String.class).single())
                .isEqualTo("Their Name");

        mvc.perform(post("/organizations/" + id + "/edit").with(user(admin)).with(csrf()).param("lang", "zh")
                        .param("version", "0").param("nameEn", "My Name").param("parent", ext(home)))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("有人在您打开此表单后修改了这条记录")));
    }

    @Test
    void aBadUsccIsAnErrorOnItsFieldWithTheInputKept() throws Exception {
        String id = AccessFixtures.unique("edit-bad");
        mvc.perform(form(post("/organizations/new"), admin, Map.of("id", id, "nameZh", "坏代码公司", "uscc", BAD_USCC,
                        "established", "nineteen", "website", "https://example.org")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"f-uscc-error\"")))
                .andExpect(content().string(containsString("This is not a valid unified social credit code")))
                .andExpect(content().string(containsString("value=\"" + BAD_USCC + "\"")))
                .andExpect(content().string(containsString("aria-describedby=\"f-uscc-hint f-uscc-error\" aria-invalid=\"true\"")))
                .andExpect(content().string(containsString("id=\"f-established-error\"")))
                .andExpect(content().string(containsString("value=\"坏代码公司\"")))
                .andExpect(content().string(containsString("value=\"https://example.org\"")))
                .andExpect(content().string(containsString("id=\"form-problems\"")))
                .andExpect(content().string(containsString("<a href=\"#f-uscc\">Unified social credit code</a>")));
        assertThat(jdbc.sql("select count(*) from organization where ext_id = :id").param("id", id).query(Integer.class).single()).isZero();

        mvc.perform(form(post("/organizations/new"), admin, Map.of("id", id, "type", "castle")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"f-nameZh-error\"")))
                .andExpect(content().string(containsString("id=\"f-type-error\"")));
    }

    @Test
    void aBadOrcidIsAnErrorOnItsField() throws Exception {
        mvc.perform(form(post("/persons/new"), admin, Map.of("nameZh", "李明", "orcid", "0000-0002-1825-0098", "keywords", "光学；激光")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"f-orcid-error\"")))
                .andExpect(content().string(containsString("value=\"0000-0002-1825-0098\"")))
                .andExpect(content().string(containsString(">光学；激光</textarea>")));
        String location = mvc.perform(form(post("/persons/new"), admin, Map.of("nameZh", "李明", "orcid", "https://orcid.org/0000-0002-1825-0097",
                        "organization", ext(unit), "keywords", "光学；激光")))
                .andExpect(status().isFound()).andReturn().getResponse().getRedirectedUrl();
        String id = created(location);
        assertThat(jdbc.sql("select orcid || ' ' || array_to_string(keywords, '|') from person where ext_id = :id")
                .param("id", id).query(String.class).single()).isEqualTo("0000-0002-1825-0097 光学|激光");
    }

    @Test
    void aLinkToNothingIsAnErrorOnThePicker() throws Exception {
        mvc.perform(form(post("/facilities/new"), admin, Map.of("nameZh", "谱仪", "organization", "no-such-organization")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"f-organization-error\"")))
                .andExpect(content().string(containsString("There is no record with this identifier")));
    }

    @Test
    void anOrganizationCannotGoUnderItsOwnUnit() throws Exception {
        String id = ext(home);
        mvc.perform(form(post("/organizations/" + id + "/edit"), admin, Map.of("version", String.valueOf(version("organization", id)),
                        "nameEn", "Home", "parent", ext(unit))))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"f-parent-error\"")))
                .andExpect(content().string(containsString("cannot be placed under itself")));
    }

    @Test
    void createsAnOutputWithItsPeopleInOrder() throws Exception {
        String first = fixtures.personExtId(person("Edit First Author", home));
        String second = fixtures.personExtId(person("Edit Second Author", unit));
        // without JavaScript, "Add" posts the form: the person joins the list, nothing is saved
        mvc.perform(form(post("/outputs/new"), admin, Map.of("titleZh", "新型激光器", "people", first, "peopleAdd", second, "action", "add")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("name=\"people\" value=\"" + first + "\" checked")))
                .andExpect(content().string(containsString("name=\"people\" value=\"" + second + "\" checked")));

        MockHttpServletRequestBuilder request = form(post("/outputs/new"), admin, Map.of("titleZh", "新型激光器", "type", "patent",
                "year", "2024", "organizationsAdd", ext(home), "action", "save"));
        request.param("people", first, second);
        String location = mvc.perform(request).andExpect(status().isFound()).andReturn().getResponse().getRedirectedUrl();
        String id = created(location);
        assertThat(jdbc.sql("""
                select string_agg(p.ext_id, ',' order by op.position) from output_person op join person p on p.id = op.person_id
                join output u on u.id = op.output_id where u.ext_id = :id""").param("id", id).query(String.class).single())
                .isEqualTo(first + "," + second);
    }

    @Test
    void deletesAfterConfirmingTheVersionShown() throws Exception {
        long doomed = organization("Edit Doomed", elsewhere);
        String id = ext(doomed);
        person("Edit Doomed Staff", doomed);
        mvc.perform(get("/organizations/" + id + "/delete").param("lang", "en").with(user(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Do you want to delete this record?")))
                .andExpect(content().string(containsString("1 people")))
                .andExpect(content().string(containsString("name=\"version\" value=\"0\"")));

        // changed in between: the confirmation comes back, nothing is deleted
        mvc.perform(form(post("/organizations/" + id + "/edit"), admin, Map.of("version", "0", "nameEn", "Edit Doomed Renamed", "parent", ext(elsewhere))))
                .andExpect(status().isFound());
        mvc.perform(form(post("/organizations/" + id + "/delete"), admin, Map.of("version", "0")))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("Someone changed this record since you opened this page")))
                .andExpect(content().string(containsString("name=\"version\" value=\"1\"")));
        assertThat(refused(post("/organizations/" + id + "/delete"), "zh", Map.of("version", "0"), 409))
                .contains("有人在您打开此页面后修改了这条记录", "您打开的是这条记录的第 0 版，它现在已是第 1 版。");
        // posted without the version the confirmation shows: the confirmation again, saying so
        assertThat(refused(post("/organizations/" + id + "/delete"), "en", Map.of(), 400))
                .contains("Confirm the deletion on the confirmation page.", "name=\"version\" value=\"1\"");
        // a version that is no number (the hidden field, edited): the confirmation again, naming it escaped; nothing deleted
        assertThat(refused(post("/organizations/" + id + "/delete"), "en", Map.of("version", "1<b>"), 400))
                .contains("The form’s version “1&lt;b&gt;” is not one this page gives: confirm the deletion on the confirmation page.",
                        "name=\"version\" value=\"1\"").doesNotContain("1<b>");
        assertThat(refused(post("/organizations/" + id + "/delete"), "zh", Map.of("version", "one"), 400))
                .contains("表单中的版本“one”不是本页面给出的版本：请在确认页面上确认删除。");
        assertThat(jdbc.sql("select count(*) from organization where ext_id = :id").param("id", id).query(Integer.class).single()).isOne();

        mvc.perform(form(post("/organizations/" + id + "/delete"), admin, Map.of("version", "1")))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/organizations"))
                .andExpect(flash().attribute("notice", new EditNotice("registry.edit.deleted", "Edit Doomed Renamed")));
        assertThat(jdbc.sql("select count(*) from organization where ext_id = :id").param("id", id).query(Integer.class).single()).isZero();
        assertThat(fixtures.auditRows("organization", id, "delete")).isEqualTo(1);
    }

    @Test
    void anOrganizationAdminEditsTheirSubtreeOnly() throws Exception {
        mvc.perform(get("/organizations/" + ext(unit) + "/edit").with(user(orgAdmin))).andExpect(status().isOk());
        mvc.perform(get("/organizations/" + ext(elsewhere) + "/edit").with(user(orgAdmin))).andExpect(status().isForbidden());
        mvc.perform(get("/organizations/" + ext(elsewhere) + "/delete").with(user(orgAdmin))).andExpect(status().isForbidden());
        mvc.perform(form(post("/organizations/" + ext(elsewhere) + "/edit"), orgAdmin, Map.of("version", "0", "nameEn", "Taken over")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/organizations/" + ext(elsewhere) + "/edit")).andExpect(status().isFound());
        mvc.perform(get("/organizations/no-such-organization/edit").with(user(orgAdmin))).andExpect(status().isNotFound());

        // a new unit goes under their organization, not at the top and not elsewhere
        mvc.perform(form(post("/organizations/new"), orgAdmin, Map.of("nameEn", "Orphan")))
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("id=\"f-parent-error\"")))
                .andExpect(content().string(containsString("value=\"Orphan\"")));
        mvc.perform(form(post("/organizations/new"), orgAdmin, Map.of("nameEn", "Outpost", "parent", ext(elsewhere))))
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("id=\"f-parent-error\"")));
        created(mvc.perform(form(post("/organizations/new"), orgAdmin, Map.of("nameEn", "New Centre", "parent", ext(home))))
                .andExpect(status().isFound()).andReturn().getResponse().getRedirectedUrl());
    }

    @Test
    void anOrganizationAdminDoesNotDeleteTheOrganizationTheirAdministrationHangsFrom() throws Exception {
        // they edit it, and delete its units, but deleting it would unlink their own account, users and people from it
        mvc.perform(get("/organizations/" + ext(home)).with(user(orgAdmin)))
                .andExpect(content().string(containsString("id=\"edit-record\"")))
                .andExpect(content().string(not(containsString("id=\"delete-record\""))));
        mvc.perform(get("/organizations/" + ext(home) + "/delete").with(user(orgAdmin))).andExpect(status().isForbidden());
        mvc.perform(form(post("/organizations/" + ext(home) + "/delete"), orgAdmin,
                        Map.of("version", String.valueOf(version("organization", ext(home))))))
                .andExpect(status().isForbidden());
        assertThat(jdbc.sql("select count(*) from organization where id = :id").param("id", home).query(Integer.class).single()).isOne();
        assertThat(fixtures.auditRows("organization", ext(home), "delete")).isZero();

        mvc.perform(get("/organizations/" + ext(unit)).with(user(orgAdmin)))
                .andExpect(content().string(containsString("id=\"delete-record\"")));
        mvc.perform(get("/organizations/" + ext(unit) + "/delete").with(user(orgAdmin))).andExpect(status().isOk());
        // an ADMIN may
        mvc.perform(get("/organizations/" + ext(home)).with(user(admin)))
                .andExpect(content().string(containsString("id=\"delete-record\"")));
        mvc.perform(get("/organizations/" + ext(home) + "/delete").with(user(admin))).andExpect(status().isOk());
    }

    @Test
    void buttonsAreShownToThoseWhoMayUseThem() throws Exception {
        String editUnit = "href=\"/organizations/" + ext(unit) + "/edit\"";
        mvc.perform(get("/organizations/" + ext(unit)).with(user(orgAdmin))).andExpect(content().string(containsString(editUnit)));
        mvc.perform(get("/organizations/" + ext(unit))).andExpect(content().string(not(containsString(editUnit))));
        mvc.perform(get("/organizations/" + ext(elsewhere)).with(user(orgAdmin)))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString("id=\"edit-record\""))));

        mvc.perform(get("/organizations").with(user(orgAdmin))).andExpect(content().string(containsString("href=\"/organizations/new\"")));
        mvc.perform(get("/outputs").with(user(admin))).andExpect(content().string(containsString("href=\"/outputs/new\"")));
        mvc.perform(get("/organizations")).andExpect(content().string(not(containsString("href=\"/organizations/new\""))));
        mvc.perform(get("/organizations/new")).andExpect(status().isFound());
        UserDetails student = accounts.loadUserByUsername(fixtures.user(home, Role.STUDENT).email());
        mvc.perform(get("/organizations").with(user(student))).andExpect(content().string(not(containsString("href=\"/organizations/new\""))));
        mvc.perform(get("/organizations/new").with(user(student))).andExpect(status().isForbidden());
    }

    @Test
    void suggestsOrganizationsAndPeopleByChineseOrEnglishName() throws Exception {
        String id = AccessFixtures.unique("edit-suggest");
        created.add("organization:" + id);
        mvc.perform(form(post("/organizations/new"), admin, Map.of("id", id, "nameZh", "磁悬浮研究中心", "nameEn", "Maglev Research Centre",
                "parent", ext(home)))).andExpect(status().isFound());

        mvc.perform(get("/registry/suggest/organizations").param("for", "parent").param("parent", "磁悬浮").param("lang", "zh"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<option value=\"" + id + "\" data-name=\"磁悬浮研究中心\">磁悬浮研究中心 · Maglev Research Centre")));
        mvc.perform(get("/registry/suggest/organizations").param("q", "maglev research").param("lang", "en"))
                .andExpect(content().string(containsString("<option value=\"" + id + "\" data-name=\"Maglev Research Centre\">Maglev Research Centre · 磁悬浮研究中心")));
        mvc.perform(get("/registry/suggest/organizations").param("q", "Maglev").accept("application/json"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("\"id\":\"" + id + "\"")));
        // a parent for an organization admin: only what they may edit
        mvc.perform(get("/registry/suggest/organizations").param("q", "Edit Elsewhere").param("editable", "true").with(user(orgAdmin)))
                .andExpect(content().string(not(containsString(ext(elsewhere)))));
        mvc.perform(get("/registry/suggest/organizations").param("q", "Edit Home Laboratory").param("editable", "true").with(user(orgAdmin)))
                .andExpect(content().string(containsString(ext(unit))));
        mvc.perform(get("/registry/suggest/persons").param("q", "")).andExpect(status().isOk()).andExpect(content().string(not(containsString("<option"))));
    }

    @Test
    void everyPageIsInBothLanguagesWithNoKeyLeftUntranslated() throws Exception {
        String person = fixtures.personExtId(person("Edit Bilingual", unit));
        for (String lang : java.util.List.of("zh", "en")) {
            for (String path : java.util.List.of("/organizations/new", "/persons/new", "/outputs/new?person=" + person, "/facilities/new",
                    "/organizations/" + ext(unit) + "/edit", "/persons/" + person + "/edit", "/organizations/" + ext(unit) + "/delete",
                    "/persons/" + person + "/delete", "/organizations/" + ext(unit), "/organizations")) {
                String page = mvc.perform(get(path).param("lang", lang).with(user(admin)))
                        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
                assertThat(page).as(path + " in " + lang).doesNotContain("registry.edit.", "web.type.", "web.nav.");
            }
            String errors = mvc.perform(post("/persons/new").with(user(admin)).with(csrf()).param("lang", lang)
                            .param("orcid", "x").param("organization", "nowhere"))
                    .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
            assertThat(errors).as("errors in " + lang).doesNotContain("registry.edit.");
        }
    }

    /** A form posted in {@code lang} as the administrator: the page it comes back with. */
    private String refused(MockHttpServletRequestBuilder request, String lang, Map<String, String> fields, int status) throws Exception {
        request.with(user(admin)).with(csrf()).param("lang", lang);
        fields.forEach(request::param);
        return mvc.perform(request).andExpect(status().is(status)).andReturn().getResponse().getContentAsString();
    }

    @Test
    void anIdentifierTakenIsRefusedInTheReadersLanguage() throws Exception {
        Map<String, String> twin = Map.of("id", ext(home), "nameZh", "孪生大学", "nameEn", "Twin University");
        String zh = refused(post("/organizations/new"), "zh", twin, 409);
        assertThat(zh).contains("<span class=\"field-error\" id=\"f-id-error\">编号为“" + ext(home) + "”的记录已存在，请换一个编号或留空。</span>")
                .contains("<a href=\"#f-id\">编号</a>", "aria-invalid=\"true\"", "value=\"孪生大学\"", "value=\"Twin University\"");
        String en = refused(post("/organizations/new"), "en", twin, 409);
        assertThat(en).contains("id=\"f-id-error\">A record with the identifier “" + ext(home) + "” exists already: choose another one, or leave it blank.</span>")
                .doesNotContain("already exists");
    }

    @Test
    void aStaleVersionSaysWhichVersionsInTheReadersLanguage() throws Exception {
        String id = ext(organization("Edit Stale Versions", home));
        mvc.perform(form(post("/organizations/" + id + "/edit"), admin, Map.of("version", "0", "nameEn", "First Save", "parent", ext(home))))
                .andExpect(status().isFound());
        Map<String, String> mine = Map.of("version", "0", "nameEn", "Second Save", "parent", ext(home));
        assertThat(refused(post("/organizations/" + id + "/edit"), "zh", mine, 409))
                .contains("您打开的是这条记录的第 0 版，它现在已是第 1 版。", "value=\"Second Save\"");
        assertThat(refused(post("/organizations/" + id + "/edit"), "en", mine, 409))
                .contains("You opened version 0 of this record; it is now version 1.", "value=\"Second Save\"")
                .doesNotContain("was changed since you read it");
    }

    @Test
    void aStaleCopyWithBadFieldsSaysFirstThatItIsStale() throws Exception {
        String id = ext(organization("Edit Stale And Bad", home));
        mvc.perform(form(post("/organizations/" + id + "/edit"), admin, Map.of("version", "0", "nameEn", "Their Save", "parent", ext(home))))
                .andExpect(status().isFound());
        // the stale copy also has a bad code and a year that is none: fixing those would be lost on the next save
        Map<String, String> mine = Map.of("version", "0", "nameEn", "My Save", "parent", ext(home), "uscc", BAD_USCC,
                "established", "nineteen");
        assertThat(refused(post("/organizations/" + id + "/edit"), "en", mine, 409))
                .contains("id=\"edit-conflict\"", "You opened version 0 of this record; it is now version 1.",
                        "value=\"My Save\"", "value=\"" + BAD_USCC + "\"", "value=\"nineteen\"")
                .doesNotContain("id=\"form-problems\"", "id=\"f-uscc-error\"");
        assertThat(refused(post("/organizations/" + id + "/edit"), "zh", mine, 409))
                .contains("您打开的是这条记录的第 0 版，它现在已是第 1 版。");
        // a person with a bad ORCID and a link to nothing, likewise
        long someone = person("Edit Stale Person", unit);
        String person = fixtures.personExtId(someone);
        mvc.perform(form(post("/persons/" + person + "/edit"), admin, Map.of("version", "0", "nameEn", "Their Person",
                        "organization", ext(unit)))).andExpect(status().isFound());
        assertThat(refused(post("/persons/" + person + "/edit"), "en", Map.of("version", "0", "nameEn", "My Person",
                        "orcid", "0000-0002-1825-0098", "organization", "no-such-organization"), 409))
                .contains("id=\"edit-conflict\"", "value=\"My Person\"").doesNotContain("id=\"f-orcid-error\"");
        assertThat(jdbc.sql("select name_en from organization where ext_id = :id").param("id", id).query(String.class).single())
                .isEqualTo("Their Save");
        // a current copy with the same bad fields still gets its field errors
        assertThat(refused(post("/organizations/" + id + "/edit"), "en", Map.of("version", "1", "nameEn", "My Save",
                        "parent", ext(home), "uscc", BAD_USCC), 400))
                .contains("id=\"f-uscc-error\"").doesNotContain("id=\"edit-conflict\"");
    }

    @Test
    void anOrganizationsInvalidFieldsAreMarkedInTheReadersLanguage() throws Exception {
        Map<String, String> bad = Map.of("nameZh", "坏代码研究院", "uscc", "91350100M000100Y4", "established", "十九");
        String zh = refused(post("/organizations/new"), "zh", bad, 400);
        assertThat(zh).contains("id=\"f-uscc-error\">统一社会信用代码无效：须为 18 位，“91350100M000100Y4”只有 17 位。</span>",
                        "id=\"f-established-error\">“十九”不是有效的年份",
                        "aria-describedby=\"f-uscc-hint f-uscc-error\" aria-invalid=\"true\"",
                        "id=\"form-problems\"", "表单有 2 处需要修改", "<a href=\"#f-uscc\">统一社会信用代码</a>", "value=\"坏代码研究院\"")
                .doesNotContain("must have 18 characters", "this field is refused");
        String en = refused(post("/organizations/new"), "en", bad, 400);
        assertThat(en).contains("id=\"f-uscc-error\">This is not a valid unified social credit code: it needs 18 characters, and “91350100M000100Y4” has 17.</span>",
                "There are 2 problems to fix in the form:", "<a href=\"#f-established\">Year established</a>");

        // a refusal of the writer (a parent under its own unit) as well
        String id = ext(home);
        Map<String, String> cycle = Map.of("version", String.valueOf(version("organization", id)), "nameEn", "Home", "parent", ext(unit));
        assertThat(refused(post("/organizations/" + id + "/edit"), "zh", cycle, 400))
                .contains("id=\"f-parent-error\">单位不能成为它自己或其下级单位的下级。</span>");
    }

    @Test
    void whatTheInputsLimitIsCheckedOnTheServerTooAndNothingIsWritten() throws Exception {
        String id = AccessFixtures.unique("edit-limits");
        String longName = "长".repeat(501);
        // posted without the browser's maxlength, and with addresses the profile could never link to
        Map<String, String> bad = Map.of("id", id, "nameZh", longName, "nameEn", "Limits Institute", "website", "javascript:alert(1)",
                "ror", "bogus", "descriptionEn", "x".repeat(20001));
        String en = refused(post("/organizations/new"), "en", bad, 400);
        assertThat(en).contains("id=\"f-nameZh-error\">At most 500 characters here; this has 501.</span>",
                        "id=\"f-website-error\">“javascript:alert(1)” is not a web address",
                        "id=\"f-ror-error\">“bogus” is not a ROR id", "id=\"f-descriptionEn-error\">At most 20000 characters here; this has 20001.",
                        "There are 4 problems to fix in the form:", "value=\"Limits Institute\"", "value=\"" + longName + "\"")
                .doesNotContain("href=\"javascript");
        assertThat(refused(post("/organizations/new"), "zh", bad, 400))
                .contains("id=\"f-nameZh-error\">此处最多 500 个字符，现有 501 个。</span>", "“javascript:alert(1)”不是有效的网址");
        assertThat(jdbc.sql("select count(*) from organization where ext_id = :id").param("id", id).query(Integer.class).single()).isZero();

        // the forms of the other kinds, likewise
        assertThat(refused(post("/persons/new"), "en", Map.of("nameEn", "Long Title", "title", "t".repeat(201)), 400))
                .contains("id=\"f-title-error\">At most 200 characters here; this has 201.");
        assertThat(refused(post("/outputs/new"), "en", Map.of("titleEn", "T".repeat(1001)), 400))
                .contains("id=\"f-titleEn-error\">At most 1000 characters here; this has 1001.");
        assertThat(refused(post("/facilities/new"), "en", Map.of("nameEn", "Spectrometer", "keywords", "k".repeat(2001)), 400))
                .contains("id=\"f-keywords-error\">At most 2000 characters here; this has 2001.");

        // a bare domain and a ROR URL are what people paste, and are kept
        String good = AccessFixtures.unique("edit-web");
        created.add("organization:" + good);
        mvc.perform(form(post("/organizations/new"), admin, Map.of("id", good, "nameEn", "Web Institute", "website", "www.hust.edu.cn",
                        "ror", "https://ror.org/00p991c53")))
                .andExpect(status().isFound());
    }

    @Test
    void aPersonsInvalidOrcidIsMarkedInTheReadersLanguage() throws Exception {
        Map<String, String> bad = Map.of("nameZh", "张校验", "orcid", "0000-0002-1825-0098");
        assertThat(refused(post("/persons/new"), "zh", bad, 400))
                .contains("id=\"f-orcid-error\">ORCID 无效：“0000-0002-1825-0098”的校验位（最后一位）不正确，请检查是否输错。</span>",
                        "<a href=\"#f-orcid\">ORCID</a>", "value=\"张校验\"")
                .doesNotContain("bad checksum");
        assertThat(refused(post("/persons/new"), "en", Map.of("nameEn", "Format Wrong", "orcid", "1234"), 400))
                .contains("id=\"f-orcid-error\">“1234” is not a valid ORCID iD: it looks like 0000-0002-1825-0097")
                .contains("value=\"Format Wrong\"");
    }

    @Test
    void anImportFilesBadLinesAreReportedInTheReadersLanguage() throws Exception {
        String good = AccessFixtures.unique("edit-import");
        created.add("organization:" + good);
        String file = String.join("\n",
                "{\"kind\": \"organization\", \"id\": \"" + good + "\", \"name\": \"导入好机构\"}",
                "{\"kind\": \"organization\", \"id\": \"" + good + "-broken\", \"name\": \"Broken",
                "{\"kind\": \"organization\", \"id\": \"" + good + "-uscc\", \"name\": \"坏代码\", \"uscc\": \"" + BAD_USCC + "\"}",
                "{\"kind\": \"grant\", \"id\": \"" + good + "-grant\"}",
                "{\"kind\": \"person\", \"id\": \"" + good + "-p\", \"name\": \"李四\", \"organization\": \"" + good + "-nowhere\"}") + "\n";
        String job = mvc.perform(multipart("/registry/import")
                        .file(new org.springframework.mock.web.MockMultipartFile("file", "bad-lines.jsonl", "application/x-ndjson",
                                file.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                        .with(user(admin)).with(csrf()))
                .andExpect(status().isFound()).andReturn().getResponse().getRedirectedUrl();
        assertThat(job).startsWith("/registry/import/jobs/");

        String zh = report(job, "zh");
        // the parser's own (English) words are the technical detail, folded apart, not the end of the Chinese sentence
        assertThat(zh).contains("已导入 1 条，未导入 4 条",
                "<span class=\"import-message\">这一行不是有效的 JSON。</span><details class=\"technical-detail\"><summary>技术细节</summary>",
                "统一社会信用代码无效：“" + BAD_USCC + "”的校验码（最后一位）不正确",
                "未知的类别“grant”，可用的类别有：organization, person, output, facility",
                "关联的记录不存在：organization " + good + "-nowhere。")
                .doesNotContain("bad checksum", "unknown kind", "dangling link", "invalid JSON", "1 imported");
        String en = report(job, "en");
        assertThat(en).contains("1 imported, 4 rejected",
                "<span class=\"import-message\">This line is not valid JSON.</span><details class=\"technical-detail\"><summary>Technical detail</summary>",
                "This is not a valid unified social credit code: the check character (the last one) of “" + BAD_USCC + "” is wrong",
                "Unknown kind “grant”: use one of organization, person, output, facility",
                "A linked record does not exist: organization " + good + "-nowhere.");
    }

    @Test
    void aFileThatCannotBeReadAtAllHasNoLineNumberZero() throws Exception {
        String job = mvc.perform(multipart("/registry/import")
                        .file(new org.springframework.mock.web.MockMultipartFile("file", "not-a-workbook.xlsx",
                                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", new byte[] {1, 2, 3}))
                        .with(user(admin)).with(csrf()))
                .andExpect(status().isFound()).andReturn().getResponse().getRedirectedUrl();
        // the whole file is refused: it has no line to point at
        assertThat(report(job, "en")).contains("<tr><td>not-a-workbook.xlsx</td><td>-</td><td>-</td>")
                .doesNotContain("<td>not-a-workbook.xlsx</td><td>0</td>");
    }

    /** The page of an import job once its report is there, in {@code lang}. */
    private String report(String job, String lang) throws Exception {
        for (int attempt = 0; attempt < 600; attempt++) {
            String page = mvc.perform(get(job).param("lang", lang).with(user(admin)))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            if (page.contains("import-report")) {
                return page;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the import did not finish: " + job);
    }

    @Test
    void theUploadPageIsForAdministratorsOnly() throws Exception {
        mvc.perform(get("/registry/import").with(user(admin))).andExpect(status().isOk());
        mvc.perform(get("/registry/import").with(user(orgAdmin))).andExpect(status().isForbidden());
        mvc.perform(get("/registry/import")).andExpect(status().isFound());
        mvc.perform(get("/").with(user(admin)).param("lang", "en"))
                .andExpect(content().string(containsString("<a href=\"/registry/import\" id=\"menu-import\">Import data</a>")));
        mvc.perform(get("/").with(user(orgAdmin))).andExpect(content().string(not(containsString("/registry/import"))));
    }
}

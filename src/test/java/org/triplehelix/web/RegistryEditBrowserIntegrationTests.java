package org.triplehelix.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Response;
import java.util.List;
import java.util.regex.Pattern;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.triplehelix.access.AccessFixtures;
import org.triplehelix.access.Role;

/**
 * Editing the registry in a real browser, under the strict Content-Security-Policy: an
 * organization admin edits their own organization's unit and finds no way into another's; hostile
 * text typed into every field of the organization form comes back as text; a picker suggests
 * organizations by name as one types.
 */
class RegistryEditBrowserIntegrationTests extends BrowserTests {

    static final List<String> HOSTILE = List.of("<script>alert(1)</script>", "' OR 1=1 --");

    @Autowired
    ApplicationContext spring;

    AccessFixtures fixtures;
    long home;
    long unit;
    long elsewhere;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Autowired
    org.triplehelix.registry.RegistryWriter writer;

    /** The pages of the records the tests created, removed afterwards (the test database is shared). */
    final List<String> created = new java.util.ArrayList<>();

    @org.junit.jupiter.api.AfterAll
    void removeWhatWasCreated() {
        for (String path : created.reversed()) {
            String[] parts = path.split("/");
            String table = switch (parts[1]) {
                case "persons" -> "person";
                case "outputs" -> "output";
                case "facilities" -> "facility";
                default -> "organization";
            };
            jdbc.sql("delete from " + table + " where ext_id = :id").param("id", parts[2]).update();
        }
        jdbc.sql("delete from organization where name_zh in (:names)").param("names", HOSTILE).update();
        jdbc.sql("delete from organization where id in (:ids)").param("ids", List.of(unit, home, elsewhere)).update();
    }

    /** The path of the page shown now, as a record created. */
    private void rememberCreated() {
        created.add(java.net.URI.create(page.url()).getPath());
    }

    @BeforeAll
    void world() {
        fixtures = AccessFixtures.of(spring);
        home = fixtures.organization("Browser Home University", null);
        unit = fixtures.organization("Browser Home Laboratory", home);
        elsewhere = fixtures.organization("Browser Elsewhere Enterprise", null);
    }

    private void signIn(Role role, Long organization) {
        String email = fixtures.user(organization, role).email();
        open("/login");
        page.locator("#email").fill(email);
        page.locator("#password").fill(AccessFixtures.PASSWORD);
        page.locator("form[action='/login'] button[type=submit]").click();
        page.waitForURL(Pattern.compile(".*/$"));
    }

    @Test
    void anOrganizationAdminEditsTheirUnitAndNotAnotherOrganization() {
        signIn(Role.ORG_ADMIN, home);
        String unitId = fixtures.organizationExtId(unit);
        open("/organizations/" + unitId);
        page.locator("#edit-record").click();
        assertThat(page.locator("h1")).hasText("编辑机构");
        page.locator("#f-nameZh").fill("编辑测试研究室");
        page.locator("#f-descriptionZh").fill("研究新材料与新工艺。");
        page.locator("#save").click();

        assertThat(page).hasURL(Pattern.compile(".*/organizations/" + unitId + "$"));
        assertThat(page.locator("#edit-notice")).containsText("已保存对“编辑测试研究室");
        assertThat(page.locator("h1")).containsText("编辑测试研究室");
        assertThat(page.locator(".description")).hasText("研究新材料与新工艺。");
        screenshot(page, "edit-saved-zh");

        // a unit of their own is deleted after a confirmation step
        long doomed = fixtures.organization("Browser Unit to delete", unit); // deleted by the test itself
        open("/organizations/" + fixtures.organizationExtId(doomed));
        page.locator("#delete-record").click();
        assertThat(page.locator("h1")).containsText("删除“Browser Unit to delete");
        screenshot(page, "edit-delete-confirm");
        page.locator("#confirm-delete").click();
        assertThat(page).hasURL(Pattern.compile(".*/organizations$"));
        assertThat(page.locator("#edit-notice")).containsText("已删除“Browser Unit to delete");
        assertThat(page.locator("#new-record")).isVisible();
        screenshot(page, "edit-deleted-list");

        String otherId = fixtures.organizationExtId(elsewhere);
        open("/organizations/" + otherId);
        assertThat(page.locator("h1")).isVisible();
        assertThat(page.locator("#edit-record")).hasCount(0);
        assertThat(page.locator("#delete-record")).hasCount(0);

        expectHttpErrors();
        Response refused = page.navigate("/organizations/" + otherId + "/edit");
        Assertions.assertThat(refused.status()).isEqualTo(403);
        Assertions.assertThat(page.navigate("/organizations/" + otherId + "/delete").status()).isEqualTo(403);
        Assertions.assertThat(page.navigate("/registry/import").status()).isEqualTo(403);
    }

    @Test
    void hostileTextInEveryFieldComesBackAsText() {
        signIn(Role.ADMIN, null);
        for (String hostile : HOSTILE) {
            open("/organizations/new");
            Locator fields = page.locator("form.edit-form input[type=text], form.edit-form textarea");
            Assertions.assertThat(fields.count()).as("id, names, parent, region, year, codes, website, descriptions").isEqualTo(11);
            for (int i = 0; i < fields.count(); i++) {
                fields.nth(i).fill(hostile);
            }
            expectHttpErrors();
            page.locator("#save").click();

            // refused where the value must be an id, a year, a code or a web address: shown as typed, as text
            assertThat(page.locator("#form-problems")).isVisible();
            for (String field : List.of("id", "parent", "established", "uscc", "ror", "website")) {
                assertThat(page.locator("#f-" + field + "-error")).isVisible();
                assertThat(page.locator("#f-" + field)).hasValue(hostile);
            }
            assertThat(page.locator("#f-uscc-error")).containsText(hostile.toUpperCase());
            screenshot(page, "edit-hostile-errors");
            for (String field : List.of("id", "parent", "established", "uscc", "ror", "website")) {
                page.locator("#f-" + field).fill("");
            }
            page.locator("#save").click();

            // saved as text, and shown as text
            assertThat(page).hasURL(Pattern.compile(".*/organizations/organization-[0-9a-f]{12}$"));
            rememberCreated();
            assertThat(page.locator("h1")).containsText(hostile);
            assertThat(page.locator(".description")).hasText(hostile);
            assertThat(page.locator(".facts")).containsText(hostile);
            Assertions.assertThat(page.locator(".facts dd", new com.microsoft.playwright.Page.LocatorOptions().setHasText(hostile)).count())
                    .as("region as text").isEqualTo(1);
            assertThat(page.locator("#edit-notice")).containsText(hostile);
            Assertions.assertThat(page.title()).contains(hostile);
            screenshot(page, "edit-hostile-profile");

            // and the page works: its edit form holds the values, the header search runs
            page.locator("#edit-record").click();
            assertThat(page.locator("#f-nameEn")).hasValue(hostile);
            assertThat(page.locator("#f-descriptionEn")).hasValue(hostile);
            page.locator("#site-search-q").fill("华中");
            page.locator("#site-search-q").press("Enter");
            assertThat(page).hasURL(Pattern.compile(".*/search\\?q=.*"));
        }
        Assertions.assertThat(dialogs).as("dialogs opened by typed text").isEmpty();
    }

    @Test
    void pickersSuggestOrganizationsByNameAsOneTypes() {
        signIn(Role.ADMIN, null);
        String unitId = fixtures.organizationExtId(unit);
        open("/organizations/new?parent=" + fixtures.organizationExtId(home));
        assertThat(page.locator("#f-parent-picked")).containsText("Browser Home University");

        page.locator("#f-parent").fill("");
        page.locator("#f-parent").pressSequentially("Browser Home Lab", new Locator.PressSequentiallyOptions().setDelay(20));
        assertThat(page.locator("#f-parent-options option[value='" + unitId + "']")).hasCount(1);
        page.locator("#f-parent").fill(unitId);
        assertThat(page.locator("#f-parent-picked")).containsText("Browser Home Laboratory");

        page.locator("#f-nameZh").fill("新型显示研究所");
        page.locator("#save").click();
        assertThat(page.locator("dl.facts")).containsText("Browser Home Laboratory");
        rememberCreated();

        // an output's people: chosen from the suggestions, they join the list without a round trip
        String person = fixtures.personExtId(fixtures.person("Browser Author", unit));
        created.add("/persons/" + person);
        open("/outputs/new");
        page.locator("#f-titleZh").fill("柔性显示屏");
        page.locator("#f-peopleAdd").pressSequentially("Browser Author", new Locator.PressSequentiallyOptions().setDelay(20));
        assertThat(page.locator("#f-peopleAdd-options option[value='" + person + "']")).hasCount(1);
        page.locator("#f-peopleAdd").fill(person);
        assertThat(page.locator("#f-people-picked input[value='" + person + "']")).isChecked();
        assertThat(page.locator("#f-peopleAdd")).hasValue("");
        screenshot(page, "edit-output-form");
        page.locator("#save").click();
        assertThat(page.locator("section[aria-labelledby=p-people]")).containsText("Browser Author");
        rememberCreated();
    }

    /**
     * A person whose disciplines and keywords hold commas, semicolons and 、 (as an import or the API stores them): the
     * edit form shows them one a line, and saving it unchanged in Chromium keeps exactly them.
     */
    @Test
    void listItemsHoldingCommasAreKeptWhenTheEditFormIsSavedUnchanged() {
        org.triplehelix.access.Account admin = fixtures.user(null, Role.ADMIN);
        String id = AccessFixtures.unique("browser-lists");
        created.add("/persons/" + id);
        List<String> keywords = List.of("锂离子电池,正极", "Li-ion, cathode", "涂布；辊压、分切");
        List<String> disciplines = List.of("材料科学与工程, 电化学");
        org.triplehelix.registry.SavedRecord before = fixtures.as(admin, () -> writer.create(new org.triplehelix.registry.PersonRecord(id,
                org.triplehelix.shared.Text.of("李逗号"), fixtures.organizationExtId(home), null, null, disciplines, keywords, null)));
        open("/login");
        page.locator("#email").fill(admin.email());
        page.locator("#password").fill(AccessFixtures.PASSWORD);
        page.locator("form[action='/login'] button[type=submit]").click();
        page.waitForURL(Pattern.compile(".*/$"));

        open("/persons/" + id + "/edit");
        assertThat(page.locator("#f-keywords")).hasValue("锂离子电池,正极\nLi-ion, cathode\n涂布；辊压、分切");
        assertThat(page.locator("#f-disciplines")).hasValue("材料科学与工程, 电化学\n");
        assertThat(page.locator("#f-keywords-hint")).containsText("每行一个关键词");
        screenshot(page, "edit-person-lists-zh");
        page.locator("#save").click();
        assertThat(page).hasURL(Pattern.compile(".*/persons/" + id + "$"));

        org.triplehelix.registry.SavedRecord after = writer.find(org.triplehelix.registry.RecordKind.PERSON, id).orElseThrow();
        Assertions.assertThat(after.record()).isEqualTo(before.record());
        Assertions.assertThat(after.version()).isEqualTo(before.version());
        org.triplehelix.registry.PersonRecord person = (org.triplehelix.registry.PersonRecord) after.record();
        Assertions.assertThat(person.keywords()).containsExactlyElementsOf(keywords);
        Assertions.assertThat(person.disciplines()).containsExactlyElementsOf(disciplines);
    }
}

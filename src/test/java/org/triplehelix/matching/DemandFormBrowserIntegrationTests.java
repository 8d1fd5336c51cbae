package org.triplehelix.matching;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.triplehelix.access.AccessFixtures;
import org.triplehelix.access.Role;
import org.triplehelix.web.BrowserTests;

/**
 * Posting a demand in a real browser, in Chinese and in English: a refused value brings the form
 * back with everything typed and chosen still there, the field marked and its message beside it;
 * correcting that one field posts the demand.
 */
class DemandFormBrowserIntegrationTests extends BrowserTests {

    @Autowired
    ApplicationContext spring;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DemandService demands;

    String email;
    org.triplehelix.access.Account account;
    long enterprise;
    AccessFixtures fixtures;

    @BeforeAll
    void anEnterpriseUser() {
        fixtures = AccessFixtures.of(spring);
        enterprise = fixtures.organization("Demand Browser Enterprise", null);
        account = fixtures.user(enterprise, Role.ENTERPRISE);
        email = account.email();
    }

    private void signIn(Page in) {
        in.navigate("/login");
        in.locator("#email").fill(email);
        in.locator("#password").fill(AccessFixtures.PASSWORD);
        in.locator("form[action='/login'] button[type=submit]").click();
        in.waitForURL(Pattern.compile(".*/$"));
    }

    private void fillTheDemand(Page in, String title) {
        in.navigate("/demands/new");
        in.locator("#f-titleZh").fill(title);
        in.locator("#f-titleEn").fill("Cathode scale-up");
        in.locator("#f-descriptionZh").fill("层状氧化物正极的量产工艺\n第二行");
        in.locator("#f-keywords").fill("钠离子电池, 正极材料");
        in.locator("#f-budgetMin").fill("50");
        in.locator("#f-budgetMax").fill("200");
        in.locator("#f-trl").fill("6");
        in.locator("#f-ipStance").selectOption("license");
        in.locator("#f-visibility").selectOption("signed_in");
        in.locator("#f-deadline").fill("2099-06-30");
    }

    private void assertEverythingKept(Page in, String title) {
        assertThat(in.locator("#f-titleZh")).hasValue(title);
        assertThat(in.locator("#f-titleEn")).hasValue("Cathode scale-up");
        assertThat(in.locator("#f-descriptionZh")).hasValue("层状氧化物正极的量产工艺\n第二行");
        assertThat(in.locator("#f-keywords")).hasValue("钠离子电池, 正极材料");
        assertThat(in.locator("#f-budgetMin")).hasValue("50");
        assertThat(in.locator("#f-ipStance")).hasValue("license");
        assertThat(in.locator("#f-visibility")).hasValue("signed_in");
        assertThat(in.locator("#f-deadline")).hasValue("2099-06-30");
    }

    private long rows(String title) {
        return jdbc.sql("select count(*) from demand where title_zh = :t").param("t", title).query(Long.class).single();
    }

    @Test
    void theEnterpriseIsPickedByNameNotTypedAsAnId() {
        String id = fixtures.organizationExtId(enterprise);
        String name = jdbc.sql("select name_en from organization where id = :id").param("id", enterprise).query(String.class).single();
        signIn(page);
        String title = "钠离子正极量产 " + AccessFixtures.unique("enterprise");
        fillTheDemand(page, title);
        assertThat(page.locator("#f-organization-note")).hasText("留空则以您所在的机构发布。");
        page.locator("#f-organization").pressSequentially(name.substring(0, 20), new Locator.PressSequentiallyOptions().setDelay(10));
        assertThat(page.locator("#f-organization-options option[value='" + id + "']")).hasCount(1);
        page.locator("#f-organization").fill(id);
        assertThat(page.locator("#f-organization-name")).containsText(name);
        page.locator("#demand-save").click();
        page.waitForURL(Pattern.compile(".*/demands/demand-.+"));
        assertThat(page.locator(".facts a[href='/organizations/" + id + "']")).hasText(name);
    }

    @Test
    void thePartiesArePickedByNameAndATypedIdCountsToo() {
        long picked = fixtures.organization("Party Picked Institute", null);
        long typed = fixtures.organization("Party Typed Laboratory", null);
        String pickedId = fixtures.organizationExtId(picked);
        String typedId = fixtures.organizationExtId(typed);
        String pickedName = jdbc.sql("select name_en from organization where id = :id").param("id", picked).query(String.class).single();
        signIn(page);
        String title = "钠离子正极量产 " + AccessFixtures.unique("parties");
        fillTheDemand(page, title);
        page.locator("#f-visibility").selectOption("parties");

        page.locator("#f-partiesAdd").pressSequentially(pickedName, new Locator.PressSequentiallyOptions().setDelay(10));
        assertThat(page.locator("#f-partiesAdd-options option[value='" + pickedId + "']")).hasCount(1);
        page.locator("#f-partiesAdd").fill(pickedId);
        assertThat(page.locator("#f-parties")).hasValue(pickedId + "\n"); // one id a line, each line ended
        assertThat(page.locator("#f-partiesAdd")).hasValue("");
        // an id typed into the picker and not added is sent with the form and counts
        page.locator("#f-partiesAdd").fill(typedId);
        page.locator("#demand-save").click();
        page.waitForURL(Pattern.compile(".*/demands/demand-.+"));
        org.assertj.core.api.Assertions.assertThat(jdbc.sql("""
                        select o.ext_id from demand_party p join demand d on d.id = p.demand_id join organization o on o.id = p.organization_id
                        where d.title_zh = :t order by o.ext_id""").param("t", title).query(String.class).list())
                .containsExactlyInAnyOrder(pickedId, typedId);
    }

    @Test
    void aBudgetInWordsIsRefusedInChineseAndEverythingTypedStays() {
        expectHttpErrors();
        signIn(page);
        String title = "钠离子正极量产 " + AccessFixtures.unique("zh");
        fillTheDemand(page, title);
        page.locator("#f-budgetMax").fill("两百万");
        page.locator("#demand-save").click();

        assertThat(page.locator("#form-problems")).containsText("表单有 1 处需要修改");
        assertThat(page.locator("#form-problems a[href='#f-budgetMax']")).hasText("预算上限（元）");
        assertThat(page.locator("#f-budgetMax")).hasAttribute("aria-invalid", "true");
        assertThat(page.locator("#f-budgetMax")).hasValue("两百万");
        assertThat(page.locator("#f-budgetMax-error")).hasText("应填写数字，例如 25.5（您填写的是“两百万”）");
        assertThat(page.locator("#f-trl")).not().hasAttribute("aria-invalid", "true");
        assertEverythingKept(page, title);
        org.assertj.core.api.Assertions.assertThat(rows(title)).isZero();
        screenshot(page, "demand-refused-zh");

        page.locator("#f-budgetMax").fill("200");
        page.locator("#demand-save").click();
        page.waitForURL(Pattern.compile(".*/demands/demand-.+"));
        assertThat(page.locator("h1")).containsText(title);
        org.assertj.core.api.Assertions.assertThat(rows(title)).isEqualTo(1);
    }

    @Test
    void aReadinessLevelOutOfRangeIsRefusedInEnglishAndEverythingTypedStays() {
        expectHttpErrors();
        Page english = newContext(new Browser.NewContextOptions().setLocale("en-US").setViewportSize(1280, 900)).newPage();
        signIn(english);
        String title = "钠离子正极量产 " + AccessFixtures.unique("en");
        fillTheDemand(english, title);
        english.locator("#f-trl").fill("12");
        english.locator("#demand-save").click();

        assertThat(english.locator("#form-problems")).containsText("There is 1 problem to fix in the form");
        assertThat(english.locator("#f-trl")).hasAttribute("aria-invalid", "true");
        assertThat(english.locator("#f-trl")).hasValue("12");
        assertThat(english.locator("#f-trl-error")).hasText("the technology readiness level is a whole number from 1 to 9");
        assertThat(english.locator("#f-budgetMax")).hasValue("200");
        assertEverythingKept(english, title);
        org.assertj.core.api.Assertions.assertThat(rows(title)).isZero();
        screenshot(english, "demand-refused-en");

        assertThat(english.locator("#form-problems a[href='#f-trl']")).hasText("Technology readiness level (1–9)");
        english.locator("#f-trl").fill("7");
        english.locator("#demand-save").click();
        english.waitForURL(Pattern.compile(".*/demands/demand-.+"));
        org.assertj.core.api.Assertions.assertThat(rows(title)).isEqualTo(1);
    }

    /** Keywords holding commas (from the API or an import) are shown one a line, and saving the form unchanged keeps them. */
    @Test
    void keywordsHoldingCommasAreKeptWhenTheEditFormIsSavedUnchanged() {
        java.util.List<String> keywords = java.util.List.of("锂离子电池,正极", "Li-ion, cathode", "硅碳负极");
        Demand posted = fixtures.as(account, () -> demands.post(new DemandDraft(null, "锂电正极 " + AccessFixtures.unique("comma"), null,
                null, null, keywords, null, null, null, null, null, 6, null, "public", null, java.util.List.of(), null)));
        signIn(page);
        page.navigate("/demands/" + posted.extId() + "/edit");
        assertThat(page.locator("#f-keywords")).hasValue("锂离子电池,正极\nLi-ion, cathode\n硅碳负极\n");
        page.locator("#demand-save").click();
        page.waitForURL(Pattern.compile(".*/demands/" + posted.extId()));
        Demand saved = fixtures.as(account, () -> demands.get(posted.extId()));
        org.assertj.core.api.Assertions.assertThat(saved.version()).isEqualTo(posted.version() + 1);
        org.assertj.core.api.Assertions.assertThat(saved.keywords()).containsExactlyElementsOf(keywords);
    }
}

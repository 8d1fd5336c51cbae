package org.triplehelix.matching;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.triplehelix.access.AccessFixtures;
import org.triplehelix.access.Role;
import org.triplehelix.web.BrowserTests;

/**
 * "Find partners" in a real browser over the demo's own illustrative records (the labs, people,
 * outputs and demands the product ships, imported as the demo loader imports them, embedded by the
 * real model): a demand typed in Chinese and one in English each bring the people and the labs that
 * can solve it to the top, with their reasons; an output saved in the edit page is found seconds
 * later.
 */
class MatchingBrowserIntegrationTests extends BrowserTests {

    @Autowired
    ApplicationContext spring;
    @Autowired
    IndexMaintenance maintenance;

    @BeforeAll
    void importTheIllustrativeDemo() throws Exception {
        IllustrativeDemo.load(spring, maintenance);
    }

    private List<String> topNames(int n) {
        List<String> names = page.locator("ol.match-hits > li.match-hit .match-name").allInnerTexts();
        return names.subList(0, Math.min(n, names.size()));
    }

    private void match(String demand, String target) {
        page.locator("#q").fill(demand);
        page.locator(".match-form button[type=submit]").click();
        page.waitForURL(Pattern.compile(".*/match\\?.*"));
        if (!page.url().contains("target=" + target)) {
            page.locator("nav.tabs a.tab[href*='target=" + target + "']").click();
        }
        assertThat(page.locator("ol.match-hits")).isVisible();
    }

    @Test
    void theDemandListOnAPhoneScrollsItsTableInItsOwnRegionWithReadableColumns() {
        com.microsoft.playwright.Page phone = phone("zh-CN").newPage();
        phone.navigate("/demands?lang=zh");
        Locator enterprise = phone.locator("#demands tbody tr").filter(new Locator.FilterOptions().setHasText("示例")).first().locator("td").nth(1);
        assertThat(enterprise).containsText("示例");
        // squeezed into 390 px the six columns left the enterprise a few characters wide, one under the other
        org.assertj.core.api.Assertions.assertThat(enterprise.boundingBox().width).as("the enterprise column's width").isGreaterThan(150);
        org.assertj.core.api.Assertions.assertThat((Boolean) phone.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth"))
                .as("no sideways scrolling of the page").isTrue();
        org.assertj.core.api.Assertions.assertThat((Boolean) phone.evaluate(
                        "(() => { const r = document.querySelector('#demands').closest('.table-scroll'); return r.scrollWidth > r.clientWidth; })()"))
                .as("the table scrolls in its own region").isTrue();
        screenshot(phone, "demands-phone-zh");
    }

    /** The industry filter of the demands tab took the width of its longest English name, and the page scrolled sideways on a phone. */
    @Test
    void theDemandsTabsFiltersFitAPhoneInEnglish() {
        com.microsoft.playwright.Page phone = phone("en-US").newPage();
        phone.navigate("/match?lang=en&target=demand&q=laser+welding&closed=true");
        assertThat(phone.locator(".match-filters select[name=industry]")).isVisible();
        org.assertj.core.api.Assertions.assertThat((Boolean) phone.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth"))
                .as("no sideways scrolling of the page").isTrue();
        screenshot(phone, "match-demand-filters-phone-en");
    }

    @Test
    void aDemandInChineseFindsTheFibreLaserPeopleAndLabsWithReasons() {
        open("/match");
        match("我们需要万瓦级光纤激光器的国产核心器件，用于新能源汽车电池托盘的铝合金激光焊接", "person");
        org.assertj.core.api.Assertions.assertThat(topNames(3)).anyMatch(name -> name.contains("王立新"));
        Locator hit = page.locator("#hit-demo-person-wang-lixin");
        assertThat(hit.locator(".match-reasons")).containsText("支撑成果");
        assertThat(hit.locator(".match-reasons")).containsText("万瓦级光纤激光器");
        assertThat(hit.locator(".match-reasons mark").first()).isVisible();
        screenshot(page, "match-zh-person");

        page.locator("nav.tabs a.tab[href*='target=organization']").click();
        assertThat(page.locator("ol.match-hits")).isVisible();
        org.assertj.core.api.Assertions.assertThat(topNames(5))
                .anyMatch(name -> name.contains("东湖光电国家实验室") || name.contains("东湖激光装备"));
        assertThat(page.locator("ol.match-hits .match-reasons").first()).containsText("所属机构");
        screenshot(page, "match-zh-organization");
    }

    @Test
    void aDemandInEnglishFindsTheHydrogenPeopleAndLabsWithReasons() {
        open("/match?lang=en");
        match("We need low-iridium membrane electrode assemblies for PEM water electrolysers that keep their efficiency and life",
                "person");
        org.assertj.core.api.Assertions.assertThat(topNames(2)).anyMatch(name -> name.contains("Zheng Guohua") || name.contains("郑国华"));
        assertThat(page.locator("#hit-demo-person-zheng-guohua .match-reasons")).containsText("Supporting outputs");
        screenshot(page, "match-en-person");

        page.locator("nav.tabs a.tab[href*='target=organization']").click();
        assertThat(page.locator("ol.match-hits")).isVisible();
        // the lab whose patent is the demand, before organizations with many loosely related English outputs
        org.assertj.core.api.Assertions.assertThat(topNames(2))
                .anyMatch(name -> name.contains("Hydrogen") || name.contains("氢能"));
        screenshot(page, "match-en-organization");
    }

    /**
     * The box takes 10,000 characters, but the form is sent in the address, where a Chinese character takes 9 bytes:
     * past some 900 of them the server's 8 KB limit answered with an empty 400 page. A demand of 2,000 characters is matched.
     */
    @Test
    void aLongDemandInChineseIsMatched() {
        open("/match?lang=zh");
        String sentence = "我们需要万瓦级光纤激光器的国产核心器件，用于新能源汽车电池托盘的铝合金激光焊接。";
        page.locator("#q").fill(sentence.repeat(2000 / sentence.length() + 1));
        com.microsoft.playwright.Response response = page.waitForNavigation(() -> page.locator(".match-form button[type=submit]").click());
        org.assertj.core.api.Assertions.assertThat(response.status()).isEqualTo(200);
        assertThat(page.locator("ol.match-hits")).isVisible();
    }

    /**
     * The other way round: a lab types what it can do and the demands tab brings the demo's demand it could solve to the
     * top, with the enterprise, its status and the reasons the other tabs give; in Chinese and in English.
     */
    @Test
    void whatALabCanDoInChineseOrEnglishFindsTheDemandsThatFitOnTheDemandsTab() {
        open("/match?lang=zh");
        match("我们团队擅长万瓦级光纤激光器的铝合金激光焊接，做光束摆动和熔池监测", "demand");
        assertThat(page.locator("nav.tabs a.tab.active")).hasText("需求");
        org.assertj.core.api.Assertions.assertThat(topNames(3)).anyMatch(name -> name.contains("铝合金焊接气孔控制"));
        Locator hit = page.locator("#hit-demo-demand-03");
        assertThat(hit.locator("a.match-name")).hasAttribute("href", "/demands/demo-demand-03");
        assertThat(hit.locator(".match-hit-head .tag")).hasText("征集中");
        assertThat(hit.locator(".match-reasons")).containsText("所属机构");
        assertThat(hit.locator(".match-reasons")).containsText("匹配词");
        assertThat(hit.locator(".match-reasons mark.term").first()).isVisible();
        // no tier, output type or year for a demand: region and industry only
        assertThat(page.locator("select[name=industry]")).hasCount(1);
        assertThat(page.locator("select[name=tier]")).hasCount(0);
        screenshot(page, "match-zh-demand");

        open("/match?lang=en");
        match("Our lab builds co-packaged optics and automated coupling of lasers to silicon photonics chips", "demand");
        org.assertj.core.api.Assertions.assertThat(topNames(3)).anyMatch(name -> name.contains("Co-packaged optics"));
        Locator english = page.locator("#hit-demo-demand-01 .match-reasons");
        assertThat(english).containsText("Organization");
        assertThat(english).containsText(Pattern.compile("Matched terms|Semantic similarity"));
        screenshot(page, "match-en-demand");
    }

    @Test
    void anOutputSavedInTheEditPageIsFoundSecondsLater() {
        AccessFixtures fixtures = AccessFixtures.of(spring);
        String email = fixtures.user(null, Role.ADMIN).email();
        open("/login");
        page.locator("#email").fill(email);
        page.locator("#password").fill(AccessFixtures.PASSWORD);
        page.locator("form[action='/login'] button[type=submit]").click();
        page.waitForURL(Pattern.compile(".*/$"));

        String title = "钙钛矿叠层光伏组件的湿热老化机理 " + AccessFixtures.unique("x");
        open("/outputs/new");
        page.locator("#f-titleZh").fill(title);
        page.locator("#save").click();
        page.waitForURL(Pattern.compile(".*/outputs/(?!new).+"));

        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
        boolean found = false;
        while (!found && System.nanoTime() < deadline) {
            open("/match?target=output&q=" + java.net.URLEncoder.encode("钙钛矿叠层光伏组件湿热老化", java.nio.charset.StandardCharsets.UTF_8));
            found = page.locator("ol.match-hits .match-name").allInnerTexts().stream().anyMatch(name -> name.contains(title.substring(0, 10)));
            if (!found) {
                page.waitForTimeout(500);
            }
        }
        org.assertj.core.api.Assertions.assertThat(found).as("the new output is found by matching within 20 s").isTrue();
    }
}

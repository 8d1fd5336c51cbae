package org.triplehelix.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The registry in a real browser: home counts, search in Chinese and English, profiles, languages, a phone, injection. */
class RegistryBrowserIntegrationTests extends BrowserTests {

    @Autowired
    DataSource dataSource;
    @Autowired
    org.springframework.context.ApplicationContext spring;

    @BeforeAll
    void loadFixture() {
        RegistryFixture.load(dataSource);
        RegistryFixture.index(spring); // the header search ranks with the matching engine's index
    }

    @AfterAll
    void removeFixture() {
        RegistryFixture.clean(dataSource);
    }

    @Test
    void everyHomeCountLeadsToAListOfThatLength() {
        open("/");
        assertThat(page.locator("h1")).hasText("湖北省科技创新基地");
        screenshot(page, "home-zh");
        for (String tier : List.of("provincial_laboratory", "national_key_laboratory", "university", "enterprise",
                "persons", "outputs", "facilities")) {
            open("/");
            Locator card = page.locator("a.stat[data-tier=" + tier + "]");
            long number = Long.parseLong(card.locator(".stat-number").textContent().replace(",", ""));
            card.click();
            page.waitForURL(Pattern.compile(".*region=420000.*"));
            long total = Long.parseLong(page.locator("#result-summary .total").getAttribute("data-total"));
            Assertions.assertThat(total).as(tier).isEqualTo(number);
            Assertions.assertThat(page.locator("table.records tbody tr").count()).as(tier).isEqualTo((int) Math.min(number, 20));
        }
    }

    @Test
    void searchesInChineseFromTheHeader() {
        open("/");
        page.locator("#site-search-q").fill("华中");
        page.locator("#site-search-q").press("Enter");
        assertThat(page).hasURL(Pattern.compile(".*/search\\?q=.*"));
        Locator organizations = page.locator("section[aria-labelledby=sg-organizations]");
        assertThat(organizations).containsText("华中科技大学");
        organizations.locator("a.more").click();
        assertThat(page).hasURL(Pattern.compile(".*/organizations\\?q=.*"));
        assertThat(page.locator("#f-q")).hasValue("华中");
        assertThat(page.locator("table.records")).containsText("华中科技大学");
    }

    @Test
    void searchesInEnglishAsYouTypeWithoutReloadingThePage() {
        open("/organizations");
        page.evaluate("window.helixMarker = 'same page'");
        page.locator("#f-q").fill("huazhong");
        assertThat(page.locator("#results")).containsText("华中科技大学");
        assertThat(page).hasURL(Pattern.compile(".*/organizations\\?q=huazhong.*"));
        Assertions.assertThat(page.evaluate("window.helixMarker")).isEqualTo("same page");
        page.locator("#f-type").selectOption("national_key_laboratory");
        // the filtered results have arrived when the address carries the filter
        assertThat(page).hasURL(Pattern.compile(".*type=national_key_laboratory.*"));
        assertThat(page.locator("#results")).not().containsText("华中科技大学");
        page.locator("#f-q").fill("");
        page.locator("#f-q").press("Enter");
        assertThat(page.locator("#results")).containsText("武汉光电国家研究中心");
    }

    @Test
    void aProfileLeadsToItsNeighbours() {
        open("/organizations/fx-org-hust");
        assertThat(page.locator("h1")).containsText("华中科技大学");
        page.locator("section[aria-labelledby=p-children]").getByRole(AriaRole.LINK,
                new Locator.GetByRoleOptions().setName("武汉光电国家研究中心")).click();
        assertThat(page).hasURL(Pattern.compile(".*/organizations/fx-org-wnlo"));
        page.locator(".facts").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("华中科技大学")).click();
        assertThat(page).hasURL(Pattern.compile(".*/organizations/fx-org-hust"));
        Locator collaborators = page.locator("section[aria-labelledby=p-collaborators] li");
        assertThat(collaborators.first()).containsText("武汉大学");
        assertThat(collaborators.first()).containsText("共同成果 2 项");
        page.locator("section[aria-labelledby=p-people]").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("李明")).click();
        assertThat(page.locator("h1")).containsText("李明");
        assertThat(page.locator("section[aria-labelledby=p-coauthors] li").first()).containsText("张伟");
        page.locator("section[aria-labelledby=p-outputs]").getByRole(AriaRole.LINK,
                new Locator.GetByRoleOptions().setName("华中地区光通信网络")).click();
        assertThat(page.locator("section[aria-labelledby=p-organizations] li")).hasCount(3);
        screenshot(page, "output-zh");
    }

    @Test
    void theLanguageSwitchTurnsEveryPageToEnglishAndBack() {
        open("/organizations/fx-org-hust");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("English")).click();
        assertThat(page.locator("html")).hasAttribute("lang", "en");
        assertThat(page.locator("h1")).containsText("Huazhong University of Science and Technology");
        assertThat(page.locator(".other-name").first()).hasText("华中科技大学");
        screenshot(page, "organization-en");
        page.locator("#site-nav").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("People")).click();
        assertThat(page.locator("html")).hasAttribute("lang", "en");
        assertThat(page.locator("h1")).hasText("People");
        open("/");
        assertThat(page.locator("h1")).hasText("The innovation base of Hubei");
        screenshot(page, "home-en");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("中文")).click();
        assertThat(page.locator("html")).hasAttribute("lang", "zh-CN");
        assertThat(page.locator("h1")).hasText("湖北省科技创新基地");
    }

    @Test
    void worksOnAPhone() {
        Page phone = phone("zh-CN").newPage();
        phone.navigate("/");
        Locator menu = phone.locator(".nav-toggle");
        assertThat(menu).isVisible();
        assertThat(phone.locator("#site-nav")).isHidden();
        Assertions.assertThat(fitsTheScreen(phone)).as("no sideways scrolling on the home page").isTrue();
        screenshot(phone, "phone-home-zh");
        menu.click();
        assertThat(menu).hasAttribute("aria-expanded", "true");
        assertThat(phone.locator("#site-nav")).isVisible();
        phone.locator("#site-nav").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("成果")).click();
        assertThat(phone.locator("h1")).hasText("成果");
        assertThat(phone.locator("table.records")).isVisible();
        Assertions.assertThat(fitsTheScreen(phone)).as("the table scrolls in its box, not the page").isTrue();
        screenshot(phone, "phone-outputs-zh");
    }

    @Test
    void whatIsTypedIntoSearchComesBackAsText() {
        expectHttpErrors();
        open("/");
        page.locator("#site-search-q").fill("<script>alert(1)</script>");
        page.locator("#site-search-q").press("Enter");
        assertThat(page.locator("h1")).hasText("“<script>alert(1)</script>”的搜索结果");
        assertThat(page.locator("#search-q")).hasValue("<script>alert(1)</script>");
        assertThat(page.locator("section[aria-labelledby=sg-organizations]")).containsText("<script>alert(1)</script>研究所");

        page.locator("#search-q").fill("' OR 1=1 --");
        page.locator("#search-q").press("Enter");
        assertThat(page.locator("h1")).hasText("“' OR 1=1 --”的搜索结果");
        assertThat(page.locator("#search-q")).hasValue("' OR 1=1 --"); // ranked as words ("1"), never as SQL

        open("/outputs");
        page.locator("#f-q").fill("' OR 1=1 --");
        assertThat(page.locator("#results .empty-state")).containsText("' OR 1=1 --");
        Assertions.assertThat(dialogs).as("dialogs opened by injected script").isEmpty();
    }

    @Test
    void missingPagesSayItInTheReadersLanguage() {
        expectHttpErrors();
        open("/organizations/fx-none");
        assertThat(page.locator("h1")).hasText("页面不存在");
        open("/no/such/page?lang=en");
        assertThat(page.locator("h1")).hasText("Page not found");
        assertThat(page.locator("body")).not().containsText("Exception");
    }

    private static boolean fitsTheScreen(Page of) {
        return (Boolean) of.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth");
    }
}

package org.triplehelix.facility;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.triplehelix.access.AccessFixtures;
import org.triplehelix.access.Account;
import org.triplehelix.access.Role;
import org.triplehelix.web.BrowserTests;

/**
 * Booking from the calendar in a real browser (Debian's Chromium through Playwright), with the
 * strict Content-Security-Policy in force: an enterprise user finds the instrument by describing
 * a measurement need in Chinese, books a free slot from the day view (htmx), the instrument's
 * manager approves it, starts it and records the hours, the enterprise's statement shows the
 * fee and the sharing indicators count the hours. Any JavaScript or console error (a script or
 * style the policy refused, among them) fails the test ({@link BrowserTests}).
 */
class FacilityBrowserIntegrationTests extends BrowserTests {

    static final String PREFIX = "test-browser-";

    @Autowired
    ApplicationContext application;

    @Test
    void anEnterpriseFindsBooksAndPaysAndTheIndicatorsMove() {
        FacilityFixtures fixtures = FacilityFixtures.of(application);
        fixtures.deleteFacilities(PREFIX);
        long owner = fixtures.access().organization("Terahertz Institute", null);
        long enterprise = fixtures.access().organization("Photonics Enterprise", null);
        Account manager = fixtures.access().user(owner, Role.RESEARCHER);
        Account customer = fixtures.access().user(enterprise, Role.ENTERPRISE);
        String extId = fixtures.facility(PREFIX, "太赫兹近场光谱显微镜", owner);
        ProfileChange profile = FacilityFixtures.change(true, false, "hour", "120", "300");
        fixtures.profile(extId, new ProfileChange("光谷科研楼 B201", "Optics Valley B201", "THz-SNOM 3", "示例仪器厂",
                "二维材料与半导体器件的纳米尺度太赫兹近场成像与光谱测量", "Nanoscale terahertz near-field imaging and spectroscopy",
                profile.feeUnit(), profile.internalRate(), profile.externalRate(), 30, 240, 30, 0, 90, true, false,
                profile.openingHours(), null));
        fixtures.managers(extId, manager);

        // the enterprise user describes the need in Chinese and finds the instrument
        signIn(customer);
        page.navigate("/instruments");
        page.locator("#q").fill("我们想对二维材料做纳米尺度的太赫兹近场成像");
        page.locator("#search").click();
        Locator first = page.locator("#instruments tbody tr").first().locator("a.instrument-link");
        assertThat(first).hasAttribute("href", "/facilities/" + extId + "/calendar");
        first.click();
        assertThat(page.locator("#instrument-name")).containsText("太赫兹近场光谱显微镜");
        assertThat(page.locator("#external-rate")).containsText("¥300.00");

        // the day view, through htmx, then the first free slot of the day of the next half hour
        LocalDate day = LocalDate.ofInstant(Instant.now().plusSeconds(31 * 60), FacilityTime.ZONE);
        page.locator("#view-day").click();
        assertThat(page.locator("#view-day")).hasAttribute("aria-current", "page");
        if (!day.equals(LocalDate.now(FacilityTime.ZONE))) {
            page.locator("#next").click();
        }
        assertThat(page.locator("#calendar-title")).containsText(day.getMonthValue() + "月" + day.getDayOfMonth() + "日");
        Locator slot = page.locator("#calendar-grid a.cal-slot").first();
        String slotStart = slot.getAttribute("data-start");
        slot.click();
        assertThat(page.locator("#book-start")).hasText(FacilityTime.dateTime(Instant.parse(slotStart)));
        page.locator("#minutes").selectOption("90");
        page.locator("#purpose").fill("二维材料样品的太赫兹近场成像");
        page.locator("#book-submit").click();
        assertThat(page.locator("#booked")).containsText("等待管理员审批");
        // the calendar was refreshed, still the day view: the slot is now the user's own
        assertThat(page.locator("#calendar-grid td.cal-mine").first()).isVisible();
        assertThat(page.locator("#view-day")).hasAttribute("aria-current", "page");
        assertThat(page.locator("#calendar-grid thead th")).hasCount(2);
        screenshot("booked");
        String bookingHref = page.locator("#booking-link").getAttribute("href");

        // the manager approves, starts and records the hours
        context.clearCookies();
        signIn(manager);
        page.navigate("/bookings/manage");
        page.locator("#booking-list a[href='" + bookingHref + "']").click();
        assertThat(page.locator("#status")).hasText("待审批");
        page.locator("#action-approve").click();
        assertThat(page.locator("#status")).hasText("已批准");
        page.locator("#action-start").click();
        assertThat(page.locator("#status")).hasText("使用中");
        page.locator("#complete-hours").fill("1.5");
        page.locator("#action-complete").click();
        assertThat(page.locator("#status")).hasText("已完成");
        assertThat(page.locator("#fee")).containsText("¥450.00");
        assertThat(page.locator("#usage")).containsText("已确认");
        screenshot("completed");
        page.navigate("/facilities/" + extId + "/manage");
        assertThat(page.locator("#profile-form #model")).hasValue("THz-SNOM 3");
        screenshot("manage");

        // the enterprise's statement of the month shows the fee
        context.clearCookies();
        signIn(customer);
        page.navigate("/bookings");
        assertThat(page.locator("#booking-list tbody tr")).hasCount(1);
        assertThat(page.locator("#booking-list .booking-status")).containsText("已完成");
        screenshot("mine");
        YearMonth month = YearMonth.now(FacilityTime.ZONE);
        // picked by name from the registry's suggestions, its id carried hidden
        String enterpriseId = fixtures.access().organizationExtId(enterprise);
        String enterpriseName = fixtures.jdbc().sql("select name_en from organization where id = :id").param("id", enterprise)
                .query(String.class).single();
        page.navigate("/facilities/statements?month=" + month.minusMonths(1));
        page.locator("#organization").fill("");
        page.locator("#organization").pressSequentially(enterpriseName, new Locator.PressSequentiallyOptions().setDelay(5));
        assertThat(page.locator("#organization-options option[value='" + enterpriseId + "']")).hasCount(1);
        page.locator("#organization").fill(enterpriseId);
        assertThat(page.locator("#organization")).hasValue(enterpriseName);
        assertThat(page.locator("#organization-id")).hasValue(enterpriseId);
        page.locator("#month").fill(month.toString());
        page.locator("#statement-show").click();
        page.waitForURL(Pattern.compile(".*organization=" + Pattern.quote(enterpriseId) + ".*"));
        assertThat(page.locator("#statement-title")).containsText(enterpriseName);
        assertThat(page.locator("#statement tbody tr")).hasCount(1);
        assertThat(page.locator("#statement-total")).hasText("¥450.00");
        assertThat(page.locator("#download-xlsx")).isVisible();

        // and the indicators count the hours as external service
        page.navigate("/facilities/indicators?by=instrument&year=" + month.getYear() + "&month=" + month.getMonthValue());
        Locator row = page.locator("#indicators tr[data-key='" + extId + "']");
        assertThat(row).hasAttribute("data-effective", "1.50");
        assertThat(row).hasAttribute("data-external", "1.50");
        assertThat(row.locator("td").nth(3)).hasText("100.00%");
        assertThat(page.locator("#indicator-chart canvas")).hasCount(1);
        screenshot("indicators");
        assertThat(new BigDecimal(page.locator("#total-effective").textContent().strip())).isGreaterThanOrEqualTo(new BigDecimal("1.50"));
    }

    @Test
    void theWeekAndMonthViewsShowTakenTimeToEveryone() {
        FacilityFixtures fixtures = FacilityFixtures.of(application);
        long owner = fixtures.access().organization("Calendar Institute", null);
        Account booker = fixtures.access().user(owner, Role.RESEARCHER);
        String extId = fixtures.facility(PREFIX, "日历测试仪", owner);
        fixtures.profile(extId, FacilityFixtures.change(false, false, "hour", "10", "20"));
        Instant start = FacilityFixtures.hoursAhead(2, 10);
        fixtures.as(booker, () -> application.getBean(Bookings.class).request(extId,
                FacilityFixtures.request(start, java.time.Duration.ofHours(2), "private purpose")));

        page.navigate("/facilities/" + extId + "/calendar?view=week&date=" + LocalDate.ofInstant(start, FacilityTime.ZONE));
        assertThat(page.locator("#calendar-grid td.cal-taken")).hasCount(2);
        assertThat(page.locator("body")).not().containsText("private purpose");
        assertThat(page.locator("#booking-panel")).containsText("请先登录");
        // each htmx swap is awaited on what it replaces before the next click (quick clicks are taken in order
        // too: quickClicksOnTheCalendarMovesAreTakenInOrder)
        YearMonth month = YearMonth.from(LocalDate.ofInstant(start, FacilityTime.ZONE));
        page.locator("#view-month").click();
        assertThat(page.locator("#view-month")).hasAttribute("aria-current", "page");
        assertThat(page).hasURL(Pattern.compile(".*view=month.*"));
        assertThat(page.locator("#calendar-title")).hasText(monthTitle(month));
        assertThat(page.locator("#calendar-grid .cal-usage").first()).containsText("1 个预约");
        page.locator("#next").click();
        assertThat(page.locator("#calendar-title")).hasText(monthTitle(month.plusMonths(1)));
        page.locator("#previous").click();
        assertThat(page.locator("#calendar-title")).hasText(monthTitle(month));
        assertThat(page.locator("#calendar-grid .cal-usage").first()).containsText("1 个预约");
        screenshot("month");
    }

    /**
     * Quick clicks on the calendar's moves are taken in order: both clicks of a double "next" land (two months on,
     * not one), and "next" then "previous" comes back to where it was, whichever answer the server sends first.
     * Both clicks are made in one script, so the second always comes while the first answer is on its way. Nothing
     * is aborted, so there is no console error ({@link BrowserTests} fails the test on one).
     */
    @Test
    void quickClicksOnTheCalendarMovesAreTakenInOrder() {
        FacilityFixtures fixtures = FacilityFixtures.of(application);
        long owner = fixtures.access().organization("Quick Calendar Institute", null);
        String extId = fixtures.facility(PREFIX, "快速翻页测试仪", owner);
        fixtures.profile(extId, FacilityFixtures.change(false, false, "hour", "10", "20"));
        LocalDate today = LocalDate.now(FacilityTime.ZONE);
        YearMonth month = YearMonth.from(today);
        page.navigate("/facilities/" + extId + "/calendar?view=month&date=" + today);
        assertThat(page.locator("#calendar-title")).hasText(monthTitle(month));

        page.evaluate("() => { const next = document.getElementById('next'); next.click(); next.click(); }");
        assertThat(page.locator("#calendar[aria-busy]")).hasCount(0);
        assertThat(page.locator("#calendar-title")).hasText(monthTitle(month.plusMonths(2)));
        assertThat(page).hasURL(Pattern.compile(".*view=month&date=" + month.plusMonths(2).atDay(1) + "$"));

        page.evaluate("() => { document.getElementById('next').click(); document.getElementById('previous').click(); }");
        assertThat(page.locator("#calendar[aria-busy]")).hasCount(0);
        assertThat(page.locator("#calendar-title")).hasText(monthTitle(month.plusMonths(2)));
        assertThat(page).hasURL(Pattern.compile(".*view=month&date=" + month.plusMonths(2).atDay(1) + "$"));
        // the moves still work one at a time afterwards
        page.locator("#previous").click();
        assertThat(page.locator("#calendar-title")).hasText(monthTitle(month.plusMonths(1)));
    }

    /**
     * The calendar's landmarks are where assistive technology expects them: the instrument's facts are
     * a named region of the main content, not a complementary landmark nested in {@code <main>}. axe's
     * landmark rules are best practice, outside the WCAG rules the accessibility test fails on, so they
     * are run here on the facility pages that have side panels.
     */
    @Test
    void theCalendarsLandmarksAreWellFormed() throws java.io.IOException {
        FacilityFixtures fixtures = FacilityFixtures.of(application);
        long owner = fixtures.access().organization("Landmark Institute", null);
        Account manager = fixtures.access().user(owner, Role.RESEARCHER);
        String extId = fixtures.facility(PREFIX, "地标测试仪", owner);
        fixtures.managers(extId, manager);
        String axe;
        try (java.io.InputStream in = new org.springframework.core.io.ClassPathResource("axe.min.js").getInputStream()) {
            axe = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        com.microsoft.playwright.Page checked = newContext(contextOptions().setBypassCSP(true)).newPage();
        checked.navigate("/login");
        checked.locator("#email").fill(manager.email());
        checked.locator("#password").fill(AccessFixtures.PASSWORD);
        checked.locator("form[action='/login'] button[type=submit]").click();
        checked.waitForLoadState();
        for (String path : java.util.List.of("/facilities/" + extId + "/calendar", "/facilities/" + extId + "/manage", "/bookings")) {
            checked.navigate(path);
            assertThat(checked.locator("main aside")).hasCount(0);
            checked.addScriptTag(new com.microsoft.playwright.Page.AddScriptTagOptions().setContent(axe));
            Object violations = checked.evaluate("""
                    async () => {
                      const rules = axe.getRules(['best-practice']).map(r => r.ruleId).filter(id => id.startsWith('landmark-') || id === 'region');
                      const results = await axe.run(document, {runOnly: {type: 'rule', values: rules}, resultTypes: ['violations']});
                      return results.violations.map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', '));
                    }""");
            assertThat((java.util.List<?>) violations).as("axe's landmark rules on %s", path).isEmpty();
        }
    }

    private void signIn(Account account) {
        page.navigate("/login");
        page.locator("#email").fill(account.email());
        page.locator("#password").fill(AccessFixtures.PASSWORD);
        page.locator("form[action='/login'] button[type=submit]").click();
        page.waitForLoadState();
    }

    /** The month view's title in Chinese, as {@code FacilityViews.month} writes it. */
    private static String monthTitle(YearMonth month) {
        return month.getYear() + "年" + month.getMonthValue() + "月";
    }

    private void screenshot(String name) {
        screenshot(page, "facility-" + name);
    }
}

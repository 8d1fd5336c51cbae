package org.triplehelix.access;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Response;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * Sign-in, lock-out and a scoped edit in a real browser (Debian's Chromium through Playwright),
 * with the strict Content-Security-Policy in force: the pages must work without inline scripts.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessBrowserIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    Playwright playwright;
    Browser browser;
    BrowserContext session;
    Page page;
    AccessFixtures fixtures;
    final List<String> consoleErrors = new ArrayList<>();

    @BeforeAll
    void chromium() {
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Path.of("/usr/bin/chromium"))
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run")));
    }

    @BeforeEach
    void newSession() {
        fixtures = AccessFixtures.of(context);
        session = browser.newContext(new Browser.NewContextOptions().setLocale("zh-CN").setBaseURL("http://localhost:" + port));
        page = session.newPage();
        consoleErrors.clear();
        page.onConsoleMessage(message -> {
            if ("error".equals(message.type())) {
                consoleErrors.add(message.text());
            }
        });
    }

    @AfterEach
    void closeSession() {
        session.close();
    }

    @AfterAll
    void closeBrowser() {
        browser.close();
        playwright.close();
    }

    @Test
    void signsInAndReturnsToTheRequestedPage() {
        Account user = fixtures.user(null, Role.RESEARCHER);
        page.navigate("/account/password");
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/login$"));
        assertThat(page.locator("h1")).hasText("登录");

        signIn(user.email(), "wrong-" + AccessFixtures.PASSWORD);
        assertThat(page.locator("#sign-in-failed")).isVisible();

        signIn(user.email(), AccessFixtures.PASSWORD);
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/account/password(\\?continue)?$"));
        assertThat(page.locator("h1")).hasText("修改密码");
        assertThat(scriptPolicyViolations()).isEmpty();
    }

    @Test
    void tenFailedSignInsLockTheAccount() {
        Account user = fixtures.user(null, Role.ENTERPRISE);
        for (int attempt = 1; attempt <= 10; attempt++) {
            page.navigate("/login");
            signIn(user.email(), "not-the-password-" + attempt);
            assertThat(page.locator("#sign-in-failed")).isVisible();
        }
        page.navigate("/login");
        signIn(user.email(), AccessFixtures.PASSWORD);
        assertThat(page.locator("#sign-in-failed")).isVisible();

        // the administrator sees the lock, and the audit trail has it
        Account admin = fixtures.user(null, Role.ADMIN);
        session.clearCookies();
        page.navigate("/login");
        signIn(admin.email(), AccessFixtures.PASSWORD);
        page.navigate("/admin/users/" + user.id());
        assertThat(page.locator("#unlock")).isVisible();
        page.navigate("/admin/audit?kind=user&action=lock&entityId=" + user.id());
        assertThat(page.locator("#audit tbody tr")).hasCount(1);
    }

    @Test
    void anOrganizationAdministratorApprovesInTheirScopeAndIsRefusedOutsideIt() {
        long home = fixtures.organization("Home Institute", null);
        long elsewhere = fixtures.organization("Other Institute", null);
        long applicant = fixtures.pendingUser(home, Role.RESEARCHER);
        long stranger = fixtures.pendingUser(elsewhere, Role.RESEARCHER);
        Account orgAdmin = fixtures.user(home, Role.ORG_ADMIN);

        page.navigate("/login");
        signIn(orgAdmin.email(), AccessFixtures.PASSWORD);
        page.navigate("/admin/users?status=pending");
        page.locator("a[href='/admin/users/" + applicant + "']").click();
        assertThat(page.locator("#status")).hasText("待审核");
        page.locator("#approve").click();
        assertThat(page.locator("#notice")).isVisible();
        assertThat(page.locator("#status")).hasText("正常");
        assertThat(page.locator("a[href='/admin/users/" + stranger + "']")).hasCount(0);

        Response refused = page.navigate("/admin/users/" + stranger);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(scriptPolicyViolations()).isEmpty();
    }

    @Test
    void theRegistrationFormSuggestsOrganizationsThroughHtmx() {
        long organization = fixtures.organization("Photonics Laboratory", null);
        String extId = fixtures.organizationExtId(organization);
        page.navigate("/register");
        page.locator("#organization").pressSequentially("Photonics Lab", new com.microsoft.playwright.Locator.PressSequentiallyOptions().setDelay(20));
        assertThat(page.locator("#organization-options option[value='" + extId + "']")).hasCount(1);
        // picking the suggestion (the browser puts the option's value in the box): the name shows, the id goes hidden
        String name = page.locator("#organization-options option[value='" + extId + "']").getAttribute("data-name");
        page.locator("#organization").fill(extId);
        assertThat(page.locator("#organization")).hasValue(name);
        assertThat(page.locator("#organization-id")).hasValue(extId);
        // typing something else empties the hidden id, so the server goes by the box
        page.locator("#organization").pressSequentially("x");
        assertThat(page.locator("#organization-id")).hasValue("");
        assertThat(scriptPolicyViolations()).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void onAPhoneEachRadioButtonSitsBesideItsLabel() {
        for (String lang : List.of("zh", "en")) {
            page.setViewportSize(390, 844);
            page.navigate("/register?lang=" + lang);
            // per label: does its radio sit on the same line as its text, to the left of it?
            Object beside = page.evaluate("""
                    () => [...document.querySelectorAll('#role label')].map(label => {
                      const radio = label.querySelector('input[type=radio]').getBoundingClientRect();
                      const range = document.createRange();
                      range.selectNodeContents(label);
                      range.setStartAfter(label.querySelector('input'));
                      const rects = [...range.getClientRects()].filter(r => r.width > 1);
                      const text = rects[rects.length - 1];
                      const middle = (radio.top + radio.bottom) / 2;
                      return radio.right <= text.left && middle > text.top && middle < text.bottom && radio.height < text.height * 1.5
                        ? 'beside' : JSON.stringify({radio, text});
                    })""");
            assertThat((List<Object>) beside).as(lang).containsExactly("beside", "beside");
        }
    }

    @Test
    void anAdministratorLinksAUserByNames() {
        long organization = fixtures.organization("Linked Institute", null);
        long person = fixtures.person("Linked Researcher", organization);
        String personExtId = fixtures.personExtId(person);
        Account user = fixtures.user(null, Role.RESEARCHER);
        Account admin = fixtures.user(null, Role.ADMIN);
        page.navigate("/login");
        signIn(admin.email(), AccessFixtures.PASSWORD);
        page.navigate("/admin/users/" + user.id() + "?lang=en");
        page.locator("#person").pressSequentially("Linked Resea", new com.microsoft.playwright.Locator.PressSequentiallyOptions().setDelay(20));
        assertThat(page.locator("#person-options option[value='" + personExtId + "']")).hasCount(1);
        page.locator("#person").fill(personExtId);
        assertThat(page.locator("#person")).hasValue(java.util.regex.Pattern.compile("^Linked Researcher"));
        assertThat(page.locator("#person-id")).hasValue(personExtId);
        page.locator("#save-links").click();
        page.waitForLoadState();
        assertThat(page.locator("#notice")).isVisible();
        assertThat(page.locator("#person-link a")).hasText(java.util.regex.Pattern.compile("^Linked Researcher"));
        assertThat(page.locator("#person")).hasValue(java.util.regex.Pattern.compile("^Linked Researcher"));
        assertThat(scriptPolicyViolations()).isEmpty();
    }

    @Test
    void disablingAnAccountOrTakingARoleAwayAsksForATickedBox() {
        Account user = fixtures.user(null, Role.RESEARCHER);
        Account admin = fixtures.user(null, Role.ADMIN);
        page.navigate("/login");
        signIn(admin.email(), AccessFixtures.PASSWORD);
        page.navigate("/admin/users/" + user.id());

        // one click no longer disables: the browser asks for the box
        page.locator("#disable").click();
        assertThat(page.locator("#status")).hasText("正常");
        assertThat((Boolean) page.locator("#disable-confirm").evaluate("box => box.validity.valueMissing")).isTrue();
        // and the server asks too, beside the box, when the browser's check is skipped
        page.locator("#disable-confirm").evaluate("box => box.removeAttribute('required')");
        page.locator("#disable").click();
        page.waitForLoadState();
        assertThat(page.locator("#f-disableConfirm-error")).hasText("请勾选确认框以确认停用账号。");
        // the message is tied to its box, for a screen reader
        assertThat(page.locator("#disable-confirm")).hasAttribute("aria-describedby", "f-disableConfirm-error");
        assertThat(page.locator("#status")).hasText("正常");
        page.locator("#disable-confirm").check();
        page.locator("#disable").click();
        page.waitForLoadState();
        assertThat(page.locator("#notice")).hasText("账号已停用。");
        assertThat(page.locator("#status")).hasText("已停用");

        // taking a role away: refused until the box below the roles is ticked, the roles kept as ticked
        page.locator("input[name=role][value=RESEARCHER]").uncheck();
        page.locator("input[name=role][value=REVIEWER]").check();
        page.locator("#save-roles").click();
        page.waitForLoadState();
        assertThat(page.locator("#f-rolesConfirm-error")).containsText("科研人员");
        assertThat(page.locator("#roles-confirm")).hasAttribute("aria-describedby", "f-rolesConfirm-error");
        assertThat(page.locator("input[name=role][value=REVIEWER]")).isChecked();
        assertThat(page.locator("input[name=role][value=RESEARCHER]")).not().isChecked();
        page.locator("#roles-confirm").check();
        page.locator("#save-roles").click();
        page.waitForLoadState();
        assertThat(page.locator("#notice")).hasText("角色已保存。");
        assertThat(scriptPolicyViolations()).isEmpty();
    }

    /** On a phone the users' table scrolls in its own region; the page itself does not scroll sideways. */
    @Test
    void theUsersListOnAPhoneScrollsItsTableInItsOwnRegion() {
        Account admin = fixtures.user(null, Role.ADMIN);
        fixtures.user(null, Role.RESEARCHER);
        session.close();
        session = browser.newContext(new Browser.NewContextOptions().setLocale("en-US").setViewportSize(390, 844)
                .setBaseURL("http://localhost:" + port));
        page = session.newPage();
        page.navigate("/login?lang=en");
        signIn(admin.email(), AccessFixtures.PASSWORD);
        page.navigate("/admin/users?lang=en");
        assertThat(page.locator("#users")).isVisible();
        org.assertj.core.api.Assertions.assertThat((Boolean) page.evaluate(
                        "document.documentElement.scrollWidth <= document.documentElement.clientWidth"))
                .as("no sideways scrolling of the page").isTrue();
        assertThat(page.locator(".table-scroll[role=region]:has(#users)")).hasAttribute("aria-label", "Users");
    }

    private void signIn(String email, String password) {
        page.locator("#email").fill(email);
        page.locator("#password").fill(password);
        page.locator("form[action='/login'] button[type=submit]").click();
        page.waitForLoadState();
    }

    /** Console errors about scripts refused by the Content-Security-Policy (an inline script or handler). */
    private List<String> scriptPolicyViolations() {
        return consoleErrors.stream().filter(message -> message.contains("Content Security Policy") && message.contains("script")).toList();
    }
}

package org.triplehelix.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Base of every browser test: the application on a random port (profile {@code test}), one
 * Playwright and one Chromium per test class, a fresh browser context and page per test, in
 * Chinese unless a test says otherwise. Uses Debian's Chromium ({@code apt-get install chromium
 * fonts-wqy-microhei}); Playwright downloads no browser.
 *
 * <p>Any JavaScript error or console error on a page fails the test that caused it, and every
 * dialog ({@code alert}) is recorded in {@link #dialogs} (and dismissed), so a test can show that
 * nothing it typed ran as script.
 *
 * <pre>
 * class ChallengeBrowserIntegrationTests extends BrowserTests {
 *     &#64;Test
 *     void listsChallenges() {
 *         open("/challenges");
 *         assertThat(page.locator("h1")).hasText("揭榜挂帅");
 *     }
 * }
 * </pre>
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class BrowserTests {

    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path SCREENSHOTS = Path.of(System.getProperty("java.io.tmpdir"), "helix-screenshots");
    private static final List<String> CHROMIUM_ARGS = List.of("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run");

    @LocalServerPort
    protected int port;

    protected Playwright playwright;
    protected Browser browser;
    /** The current test's browser context and page (Chinese, desktop size). */
    protected BrowserContext context;
    protected Page page;
    /** Messages of the dialogs (alert, confirm) that pages opened during the current test. */
    protected final List<String> dialogs = new ArrayList<>();
    /** JavaScript and console errors during the current test; they fail it. */
    protected final List<String> browserErrors = new ArrayList<>();
    private final List<BrowserContext> extraContexts = new ArrayList<>();
    private boolean httpErrorsExpected;

    @BeforeAll
    void launchBrowser() {
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM)
                .setHeadless(true)
                .setArgs(CHROMIUM_ARGS));
    }

    @AfterAll
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @BeforeEach
    void openContext() {
        dialogs.clear();
        browserErrors.clear();
        httpErrorsExpected = false;
        context = newContext(contextOptions());
        page = context.newPage();
    }

    @AfterEach
    void closeContext() {
        extraContexts.forEach(BrowserContext::close);
        extraContexts.clear();
        assertThat(browserErrors).as("JavaScript and console errors in the browser").isEmpty();
    }

    /** The options of each test's context: the application's address, Chinese, a desktop window. */
    protected Browser.NewContextOptions contextOptions() {
        return new Browser.NewContextOptions()
                .setBaseURL(baseUrl())
                .setLocale("zh-CN")
                .setViewportSize(1280, 900);
    }

    /** Another context (a phone, another language, another user), closed after the test. */
    protected BrowserContext newContext(Browser.NewContextOptions options) {
        BrowserContext created = browser.newContext(options.setBaseURL(baseUrl()));
        created.onPage(this::watch);
        extraContexts.add(created);
        return created;
    }

    /** A phone-sized context (390 × 844, touch), in the given language. */
    protected BrowserContext phone(String locale) {
        return newContext(new Browser.NewContextOptions()
                .setLocale(locale)
                .setViewportSize(390, 844)
                .setDeviceScaleFactor(2)
                .setIsMobile(true)
                .setHasTouch(true));
    }

    protected String baseUrl() {
        return "http://localhost:" + port;
    }

    /** Opens a path of the application in the current page. */
    protected Page open(String path) {
        page.navigate(path);
        return page;
    }

    /** For a test that opens error pages on purpose: the browser's "failed to load resource" messages are then no error. */
    protected void expectHttpErrors() {
        httpErrorsExpected = true;
    }

    /** Saves a full-page screenshot under {@link #SCREENSHOTS} and returns its path. */
    protected Path screenshot(Page of, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Path file = SCREENSHOTS.resolve(name + ".png");
        of.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
        return file;
    }

    private void watch(Page opened) {
        opened.onDialog(dialog -> {
            dialogs.add(dialog.message());
            dialog.dismiss();
        });
        opened.onPageError(error -> browserErrors.add("page error: " + error));
        opened.onConsoleMessage(message -> {
            boolean httpError = message.text().startsWith("Failed to load resource");
            if ("error".equals(message.type()) && !(httpError && httpErrorsExpected)) {
                browserErrors.add("console error: " + message.text() + " at " + message.location());
            }
        });
    }
}

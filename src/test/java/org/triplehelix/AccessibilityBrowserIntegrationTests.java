package org.triplehelix;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.triplehelix.access.AccessFixtures;
import org.triplehelix.access.Account;
import org.triplehelix.access.DataScope;
import org.triplehelix.access.Role;
import org.triplehelix.challenge.ChallengeAction;
import org.triplehelix.challenge.ChallengeDraft;
import org.triplehelix.challenge.Challenges;
import org.triplehelix.challenge.Target;
import org.triplehelix.facility.BookingView;
import org.triplehelix.facility.Bookings;
import org.triplehelix.facility.FacilityFixtures;
import org.triplehelix.registry.ImportReport;
import org.triplehelix.registry.ImportSource;
import org.triplehelix.registry.RegistryImport;
import org.triplehelix.shared.UserNotice;
import org.triplehelix.web.BrowserTests;

/**
 * The main pages checked by a real accessibility engine, axe-core, in Chinese and in English: as a
 * visitor the home page, the registry's lists and profiles, search, matching, demands, challenges,
 * instruments, talent, insight, sign-in, registration and the error page; signed in as an
 * enterprise user the inbox, bookings, the challenge and demand forms and the demand form refused for
 * a budget in words; and
 * on a phone, signed in as an administrator, the pages with wide tables and the fullest header.
 * Public-sector platforms in China are held to GB/T 37668, which follows WCAG 2.1 AA, so axe runs the
 * WCAG 2.0 and 2.1 A and AA rules and its best practices, and any violation of impact "serious" or
 * "critical" fails the page with its rule, impact and elements, as does any of the landmark and heading
 * rules (FAILING_RULES). Other lesser ones are printed, not failed: axe's "moderate" and "minor" are
 * mostly best practice, not conformance. Each page must also have no id twice, and a refused form must
 * tie each marked field to its message (aria-describedby). Each page must also fit its window's width
 * (WCAG 1.4.10, reflow), which axe does not check.
 *
 * <p>axe.min.js (axe-core 4.14.1 from npm, test resources, axe-core/SOURCE.txt) is injected by Playwright into each page. The page's Content-Security-Policy forbids
 * inline scripts, so these contexts bypass the policy (Playwright's {@code bypassCSP}); the other
 * browser tests keep it in force. One browser, one context per list of pages, under a second a page.
 */
class AccessibilityBrowserIntegrationTests extends BrowserTests {

    /** The rule sets of WCAG 2.0 and 2.1, levels A and AA, as axe tags them, and axe's best practices. */
    static final List<String> AXE_TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice");
    static final Set<String> FAILING_IMPACTS = Set.of("serious", "critical");
    /**
     * Best-practice rules about the page's structure that fail whatever their impact (axe calls most of them
     * "moderate"): a screen reader's user moves by landmark and heading, so landmarks must be told apart and
     * headings must not skip a level. Every page passed them when they were added.
     */
    static final Set<String> FAILING_RULES = Set.of("landmark-unique", "landmark-one-main", "landmark-no-duplicate-banner",
            "landmark-no-duplicate-contentinfo", "landmark-no-duplicate-main", "landmark-banner-is-top-level",
            "landmark-contentinfo-is-top-level", "landmark-main-is-top-level", "landmark-complementary-is-top-level",
            "page-has-heading-one", "heading-order", "region", "duplicate-id-aria");

    /**
     * Violations that are accepted, each on one element and for one rule only, with the reason (for
     * example markup that a third-party library draws). A waiver names the rule and the element's
     * target as axe reports it. None is needed today: the ECharts charts pass.
     */
    static final List<Waiver> WAIVERS = List.of();

    record Waiver(String rule, String target, String why) {
    }

    /** One page to check: its name in the report, how to reach it, and whether it needs the signed-in user. */
    record Visit(String name, boolean signedIn, Consumer<Page> reach) {
        static Visit visitor(String name, String path) {
            return new Visit(name, false, page -> page.navigate(path));
        }

        static Visit signedIn(String name, String path) {
            return new Visit(name, true, page -> page.navigate(path));
        }
    }

    @Autowired
    ApplicationContext spring;
    @Autowired
    EventPublicationRegistry publications;

    String axe;
    Account enterpriseUser;
    Account administrator;
    String challenge;
    String instrument;

    @BeforeAll
    void theIllustrativeRecordsAChallengeAnInstrumentAndANotice() throws IOException {
        try (InputStream in = new ClassPathResource("axe.min.js").getInputStream()) {
            axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        DataScope scope = spring.getBean(DataScope.class);
        Path file = Files.createTempFile("illustrative", ".jsonl");
        try {
            try (InputStream in = new ClassPathResource("demo/illustrative.jsonl").getInputStream()) {
                Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            }
            ImportReport report = scope.asSystem(() -> spring.getBean(RegistryImport.class).run(ImportSource.of(file, true)));
            assertThat(report.rejected()).isZero();
        } finally {
            Files.deleteIfExists(file);
        }

        FacilityFixtures facilities = FacilityFixtures.of(spring);
        AccessFixtures access = facilities.access();
        long institute = access.organization("A11y Institute", null);
        enterpriseUser = access.user(access.organization("A11y Enterprise", null), Role.ENTERPRISE);
        Account manager = access.user(institute, Role.RESEARCHER);
        administrator = access.user(null, Role.ADMIN);
        instrument = facilities.openFacility(institute, true, false);
        facilities.managers(instrument, manager);
        Bookings bookings = spring.getBean(Bookings.class);
        BookingView booking = facilities.as(enterpriseUser, () -> bookings.request(instrument,
                FacilityFixtures.request(FacilityFixtures.hoursAhead(9, 10), Duration.ofHours(1), "a11y")));
        facilities.as(manager, () -> bookings.approve(booking.id()));
        awaitDelivered("/bookings/" + booking.id());

        Challenges challenges = spring.getBean(Challenges.class);
        challenge = scope.asSystem(() -> {
            String extId = challenges.create(new ChallengeDraft(AccessFixtures.unique("无障碍揭榜"), "Accessible optical chips",
                    "攻克高速光芯片的可靠性难题", "Make high-speed optical chips reliable", "kct-01", null,
                    new BigDecimal("5000000"), 24, "any", "成果归揭榜方所有", Instant.now().plus(30, ChronoUnit.DAYS),
                    List.of(new Target(null, 1, "单通道速率", "Gb/s", new BigDecimal("200"), true)), null)).extId();
            challenges.perform(extId, ChallengeAction.PUBLISH);
            return extId;
        });
    }

    /** Every main page, for the desktop in Chinese and in English; the signed-in pages as an enterprise user. */
    List<Visit> desktopVisits() {
        return List.of(
                Visit.visitor("home", "/"),
                Visit.visitor("organizations", "/organizations"),
                Visit.visitor("persons", "/persons"),
                Visit.visitor("outputs", "/outputs"),
                Visit.visitor("facilities", "/facilities"),
                Visit.visitor("organization profile", "/organizations/demo-natlab-optics"),
                Visit.visitor("person profile", "/persons/demo-person-wang-lixin"),
                Visit.visitor("search", "/search?q=" + encode("激光")),
                Visit.visitor("match", "/match?target=person&q=" + encode("万瓦级光纤激光器的铝合金激光焊接")),
                Visit.visitor("match demands", "/match?target=demand&q=" + encode("我们团队擅长万瓦级光纤激光器的铝合金激光焊接")),
                Visit.visitor("demands", "/demands"),
                Visit.visitor("demand", "/demands/demo-demand-01"),
                Visit.visitor("challenges", "/challenges"),
                Visit.visitor("challenge", "/challenges/" + challenge),
                Visit.visitor("instruments", "/instruments"),
                Visit.visitor("instrument calendar", "/facilities/" + instrument + "/calendar"),
                Visit.visitor("talent", "/talent"),
                Visit.visitor("insight", "/insight"),
                Visit.visitor("insight map", "/insight/map"), // ECharts draws the map and the network
                Visit.visitor("insight network", "/insight/network"),
                Visit.visitor("register", "/register"),
                Visit.visitor("error page", "/organizations/no-such-organization"),
                Visit.visitor("sign-in", "/login"),
                Visit.signedIn("inbox", "/notifications"),
                Visit.signedIn("my bookings", "/bookings"),
                Visit.signedIn("challenge form", "/challenges/new"),
                Visit.signedIn("demand form", "/demands/new"),
                new Visit("demand form refused", true, page -> {
                    page.navigate("/demands/new");
                    page.locator("#f-titleZh").fill("钠离子正极量产 " + AccessFixtures.unique("a11y"));
                    page.locator("#f-descriptionZh").fill("层状氧化物正极的量产工艺");
                    page.locator("#f-budgetMax").fill("两百万");
                    page.locator("#demand-save").click();
                    page.locator("#form-problems").waitFor();
                }),
                new Visit("challenge form refused", true, page -> {
                    page.navigate("/challenges/new");
                    page.evaluate("document.getElementById('challenge-form').noValidate = true"); // the server's refusal, not the browser's
                    page.locator("#save-challenge").click();
                    page.locator("#form-problems").waitFor();
                }));
    }

    /**
     * The pages with wide tables and the fullest header, on a phone in Chinese, signed in as an
     * administrator (the header then holds every account link): tables scroll sideways in their own
     * box, which a keyboard must be able to reach, and the page itself must not (WCAG 1.4.10, reflow).
     */
    List<Visit> phoneVisits() {
        return List.of(
                Visit.visitor("home", "/"),
                Visit.visitor("organizations", "/organizations"),
                Visit.visitor("challenges", "/challenges"),
                Visit.visitor("challenge archive", "/challenges/archive"),
                Visit.visitor("instruments", "/instruments"),
                Visit.visitor("talent", "/talent"),
                Visit.visitor("insight", "/insight"),
                Visit.signedIn("inbox", "/notifications"),
                Visit.signedIn("challenge program", "/challenges/program"),
                Visit.signedIn("demands", "/demands"));
    }

    @TestFactory
    Stream<DynamicContainer> theMainPagesHaveNoSeriousViolations() {
        expectHttpErrors(); // the error page and the refused form answer 404 and 400 on purpose
        Browser.NewContextOptions desktop = new Browser.NewContextOptions().setViewportSize(1280, 900);
        Browser.NewContextOptions phone = new Browser.NewContextOptions().setViewportSize(360, 780).setIsMobile(true).setHasTouch(true);
        return Stream.of(
                session("zh-CN", desktop.setLocale("zh-CN"), enterpriseUser, desktopVisits()),
                session("en", new Browser.NewContextOptions().setViewportSize(1280, 900).setLocale("en"), enterpriseUser, desktopVisits()),
                session("phone zh-CN", phone.setLocale("zh-CN"), administrator, phoneVisits()));
    }

    private DynamicContainer session(String name, Browser.NewContextOptions options, Account account, List<Visit> visits) {
        Session session = new Session(name, options, account);
        return DynamicContainer.dynamicContainer(name, visits.stream()
                .map(visit -> DynamicTest.dynamicTest(visit.name(), () -> session.check(visit))));
    }

    /** The engine is really there and really looks: a page made to fail fails, with the rule, impact and element. */
    @Test
    @SuppressWarnings("unchecked")
    void theEngineFindsWhatIsWrong() {
        Page broken = newContext(new Browser.NewContextOptions().setBypassCSP(true)).newPage();
        broken.navigate("/login");
        broken.evaluate("""
                () => {
                  document.documentElement.removeAttribute('lang');
                  const button = document.createElement('button');
                  button.id = 'nameless';
                  document.querySelector('main').append(button);
                  const search = document.createElement('form');
                  search.setAttribute('role', 'search');
                  search.id = 'second-search';
                  search.setAttribute('aria-label', document.querySelector('.site-search').getAttribute('aria-label'));
                  document.querySelector('main').append(search);
                  const field = document.createElement('input');
                  field.id = 'refused';
                  field.setAttribute('aria-invalid', 'true');
                  field.setAttribute('aria-label', 'refused');
                  search.append(field);
                  const message = document.createElement('span');
                  message.className = 'field-error';
                  message.id = 'email';
                  search.append(message);
                }""");
        List<String> found = violations(broken, "a broken sign-in page");
        assertThat(found).anyMatch(line -> line.startsWith("html-has-lang [serious]"))
                .anyMatch(line -> line.startsWith("button-name [critical]") && line.contains("#nameless"))
                .anyMatch(line -> line.startsWith("landmark-unique [moderate]"));
        assertThat((List<Object>) broken.evaluate(DUPLICATE_IDS)).containsExactly("email");
        assertThat((List<Object>) broken.evaluate(UNTIED_ERRORS)).containsExactly("field #refused names no message", "message #email names no field");
    }

    /** One browser context, reused for every page of its list: a visitor until the first page that needs the account. */
    final class Session {
        private final String name;
        private final Browser.NewContextOptions options;
        private final Account account;
        private Page page;
        private boolean signedIn;

        Session(String name, Browser.NewContextOptions options, Account account) {
            this.name = name;
            this.options = options;
            this.account = account;
        }

        void check(Visit visit) {
            if (page == null) {
                page = newContext(options.setBypassCSP(true)).newPage();
            }
            if (visit.signedIn() && !signedIn) {
                page.navigate("/login");
                page.locator("#email").fill(account.email());
                page.locator("#password").fill(AccessFixtures.PASSWORD);
                page.locator("form[action='/login'] button[type=submit]").click();
                page.waitForURL(Pattern.compile(".*/$"));
                signedIn = true;
            }
            visit.reach().accept(page);
            page.waitForLoadState();
            String where = visit.name() + " (" + name + ")";
            List<String> serious = violations(page, where);
            assertThat(serious).as("accessibility violations that fail a page (serious, critical, or a FAILING_RULES rule) on %s, %s", where, page.url()).isEmpty();
            assertThat((List<?>) page.evaluate(DUPLICATE_IDS)).as("ids used more than once on %s", where).isEmpty();
            assertThat((List<?>) page.evaluate(UNTIED_ERRORS)).as("refused fields and their messages not tied together on %s", where).isEmpty();
            assertThat((List<?>) page.evaluate("""
                    () => {
                      const width = document.documentElement.clientWidth;
                      if (document.documentElement.scrollWidth <= width) return [];
                      return [...document.querySelectorAll('body *')]
                        .filter(e => e.getBoundingClientRect().right > width + 1 && !e.closest('.table-scroll'))
                        .slice(0, 5).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className ? '.' + e.className : ''));
                    }""")).as("what sticks out of %s on a %s-wide window, making the page scroll sideways (WCAG 1.4.10, reflow)",
                    where, options.viewportSize.get().width).isEmpty();
        }
    }

    /** The ids that more than one element has (axe deprecated its duplicate-id rule and checks only ids that ARIA refers to). */
    static final String DUPLICATE_IDS = """
            () => {
              const seen = new Set(), twice = new Set();
              for (const e of document.querySelectorAll('[id]')) (seen.has(e.id) ? twice : seen).add(e.id);
              return [...twice];
            }""";

    /**
     * A refused form's wiring (WCAG 3.3.1, 1.3.1): each field marked aria-invalid names its message (a
     * {@code .field-error}) in aria-describedby, and each message is named by a field, so a screen reader reads
     * the message when the field is reached, not only in the summary at the top.
     */
    static final String UNTIED_ERRORS = """
            () => {
              const describedBy = e => (e.getAttribute('aria-describedby') || '').split(/\\s+/).filter(Boolean);
              const fields = [...document.querySelectorAll('input, select, textarea')];
              const untied = fields.filter(e => e.getAttribute('aria-invalid') === 'true')
                .filter(e => !describedBy(e).some(id => document.getElementById(id)?.classList.contains('field-error')))
                .map(e => 'field #' + e.id + ' names no message');
              for (const message of document.querySelectorAll('.field-error')) {
                if (!fields.some(e => describedBy(e).includes(message.id))) untied.push('message #' + message.id + ' names no field');
              }
              return untied;
            }""";

    /** Runs axe on the page; prints every violation, returns those that fail the page. */
    @SuppressWarnings("unchecked")
    List<String> violations(Page page, String name) {
        if (!Boolean.TRUE.equals(page.evaluate("typeof window.axe === 'object'"))) {
            page.addScriptTag(new Page.AddScriptTagOptions().setContent(axe));
        }
        Map<String, Object> results = (Map<String, Object>) page.evaluate("""
                async tags => {
                  const results = await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']});
                  return {
                    engine: results.testEngine.version,
                    passed: results.passes.length,
                    violations: results.violations.map(v => ({
                      rule: v.id, impact: v.impact || 'none', help: v.help,
                      nodes: v.nodes.map(n => ({target: n.target.join(' '), summary: n.failureSummary || ''}))
                    }))
                  };
                }""", AXE_TAGS);
        List<Map<String, Object>> found = (List<Map<String, Object>>) results.get("violations");
        System.out.printf("axe %s, %s: %s rules passed, %d violated%n", results.get("engine"), name, results.get("passed"), found.size());
        assertThat(((Number) results.get("passed")).intValue()).as("axe checked %s", name).isPositive();
        List<String> failing = new ArrayList<>();
        for (Map<String, Object> violation : found) {
            String rule = (String) violation.get("rule");
            String impact = (String) violation.get("impact");
            for (Map<String, Object> node : (List<Map<String, Object>>) violation.get("nodes")) {
                String target = (String) node.get("target");
                if (WAIVERS.stream().anyMatch(w -> w.rule().equals(rule) && w.target().equals(target))) {
                    continue;
                }
                String line = "%s [%s] %s: %s — %s".formatted(rule, impact, violation.get("help"), target,
                        ((String) node.get("summary")).replace('\n', ' '));
                System.out.println("axe " + name + ": " + line);
                if (FAILING_IMPACTS.contains(impact) || FAILING_RULES.contains(rule)) {
                    failing.add(line);
                }
            }
        }
        return failing;
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private void awaitDelivered(String link) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() ->
                publications.findIncompletePublications().stream()
                        .noneMatch(p -> p.getEvent() instanceof UserNotice notice && notice.link().equals(link)));
    }
}

package org.triplehelix.challenge;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.triplehelix.access.AccessFixtures;
import org.triplehelix.access.Account;
import org.triplehelix.access.Role;
import org.triplehelix.web.BrowserTests;

/**
 * The main flow in a real browser, in Chinese and in English, with the strict
 * Content-Security-Policy in force: an enterprise user posts a challenge, the department
 * publishes it, a university researcher applies with another enterprise as partner (the sponsor
 * does not take part), the department puts an eligible reviewer on the panel and starts the review, the reviewer scores, the award is
 * made with a milestone, the team reports progress and the program view leads back to it; and
 * an invitation: the department invites an organization (and withdraws one made by mistake), its
 * researcher sees the count in the header, the invitation on the list and the banner on the
 * challenge, and applies from it; another organization's user is told nothing.
 */
class ChallengeBrowserIntegrationTests extends BrowserTests {

    /** A few texts the pages must show in each language. */
    static final Map<String, Map<String, String>> TEXT = Map.of(
            "zh-CN", Map.of("published", "揭榜中", "under_review", "评审中", "awarded", "已授予", "applied", "揭榜申报已提交",
                    "program", "攻关总览", "eligible", "可以入选", "on_track", "进展正常"),
            "en", Map.of("published", "Open for applications", "under_review", "Under review", "awarded", "Awarded",
                    "applied", "Your application is submitted", "program", "Program view", "eligible", "Eligible", "on_track", "On track"));

    @Autowired
    ApplicationContext application;

    @ParameterizedTest
    @ValueSource(strings = {"zh-CN", "en"})
    void aChallengesFactsAreReadableOnAPhone(String locale) {
        ChallengeFixtures f = ChallengeFixtures.of(application);
        String extId = f.published(AccessFixtures.unique("手机阅读"), "enterprise_and_academic");
        Page phone = phone(locale).newPage();
        phone.navigate("/challenges/" + extId);
        assertThat(phone.locator("#budget")).hasText("¥5,000,000");
        // beside the longest fact's name the values were a few characters wide, the budget broken over two lines
        org.assertj.core.api.Assertions.assertThat(phone.locator("#budget").boundingBox().width).as("the budget's width").isGreaterThan(250);
        org.assertj.core.api.Assertions.assertThat((Boolean) phone.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth"))
                .as("no sideways scrolling").isTrue();
        screenshot(phone, "challenge-phone-" + locale);
    }

    @ParameterizedTest
    @ValueSource(strings = {"zh-CN", "en"})
    void fromTheCallToTheProgramView(String locale) {
        Map<String, String> text = TEXT.get(locale);
        ChallengeFixtures f = ChallengeFixtures.of(application);
        long enterprise = f.organization("Photonics Enterprise", "enterprise", null);
        long packager = f.organization("Photonics Packaging Ltd", "enterprise", null); // the partner: the sponsor does not take part
        long university = f.organization("Photonics University", "university", null);
        long reviewers = f.organization("Review Academy", "research_institute", null);
        long member = f.person(AccessFixtures.unique("Photonics Engineer"), university);
        Account poster = f.access.user(enterprise, Role.ENTERPRISE);
        Account admin = f.access.user(null, Role.ADMIN);
        Account researcher = f.access.user(university, Role.RESEARCHER);
        Account reviewer = f.access.user(reviewers, Role.REVIEWER);
        String title = AccessFixtures.unique("硅光芯片耦合封装");

        // the enterprise user posts the challenge
        Page p = signIn(locale, poster);
        p.navigate("/challenges");
        p.locator("#post-challenge").click();
        p.locator("#titleZh").fill(title);
        p.locator("#problemZh").fill("解决硅光芯片与光纤的低损耗耦合封装难题");
        p.locator("#technology").selectOption("kct-02");
        p.locator("#target1Indicator").fill("耦合损耗");
        p.locator("#target1Unit").fill("dB");
        p.locator("#target1Threshold").fill("1.5");
        p.locator("#target1Direction").selectOption("lower");
        p.locator("#budget").fill("3000000");
        p.locator("#durationMonths").fill("24");
        p.locator("#deadline").fill(LocalDate.now().plusDays(30).toString());
        p.locator("#eligibility").selectOption("enterprise_and_academic");
        p.locator("#save-challenge").click();
        assertThat(p.locator("#challenge-title")).hasText(title);
        String path = p.url().replaceFirst("^https?://[^/]+", "").replaceFirst("\\?.*$", "");
        p.context().close();

        // the department publishes it
        p = signIn(locale, admin);
        p.navigate(path);
        p.locator("#action-publish").click();
        assertThat(p.locator("#challenge-status")).containsText(text.get("published"));
        p.context().close();

        // a university researcher applies with another enterprise as partner (the sponsor poses the problem, others solve it)
        p = signIn(locale, researcher);
        p.navigate(path);
        p.locator("#apply").click();
        // the partner picked by its name: the suggestion's registry id joins the list of partners
        String partner = f.extIdOfOrganization(packager);
        p.locator("#partnersAdd").pressSequentially(f.nameOfOrganization(packager), new Locator.PressSequentiallyOptions().setDelay(10));
        assertThat(p.locator("#partnersAdd-options option[value='" + partner + "']")).hasCount(1);
        p.locator("#partnersAdd").fill(partner);
        assertThat(p.locator("#partners")).hasValue(partner + "\n"); // one id a line, each line ended
        assertThat(p.locator("#partnersAdd")).hasValue("");
        // a person's id typed into the picker and not added still counts when the form is sent
        p.locator("#peopleAdd").fill(f.extIdOfPerson(member));
        screenshot(p, "challenge-apply-" + locale);
        p.locator("#plan").fill("端面耦合与晶圆级封装相结合的技术路线");
        p.locator("#commit1").fill("1.2");
        p.locator("#file").setInputFiles(new FilePayload("技术方案.pdf", "application/pdf",
                "%PDF-1.4 plan".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        p.locator("#apply-submit").click();
        assertThat(p.locator("#notice")).containsText(text.get("applied"));
        assertThat(p.locator("#attachments li")).containsText("技术方案.pdf");
        assertThat(p.locator("#members a[href='/organizations/" + partner + "']")).hasCount(1);
        assertThat(p.locator("#members a[href='/persons/" + f.extIdOfPerson(member) + "']")).hasCount(1);
        p.context().close();

        // the department puts an eligible reviewer on the panel and starts the review
        p = signIn(locale, admin);
        p.navigate(path + "/reviewers");
        Locator row = p.locator("#candidates tr[data-reviewer='" + reviewer.id() + "']");
        assertThat(row.locator("td.eligibility")).hasText(text.get("eligible"));
        row.locator("button.assign").click();
        p.navigate(path);
        p.locator("#action-start-review").click();
        assertThat(p.locator("#challenge-status")).containsText(text.get("under_review"));
        p.context().close();

        // the reviewer scores it
        p = signIn(locale, reviewer);
        p.navigate("/challenges/reviews");
        p.locator("#assignments a[href^='/challenges/applications/']").first().click();
        for (String criterion : new String[] {"merit", "team", "feasibility", "budget"}) {
            p.locator("#score-" + criterion).fill("85");
        }
        p.locator("#comment").fill("方案扎实");
        p.locator("#score-submit").click();
        assertThat(p.locator("#my-score")).containsText("85");
        p.context().close();

        // the award, with one milestone
        p = signIn(locale, admin);
        p.navigate(path);
        assertThat(p.locator("#ranking tbody tr")).hasCount(1);
        p.locator("#rationale").fill("唯一且高分的申报");
        p.locator("#m1Title").fill("样品交付");
        p.locator("#m1Deliverable").fill("10 只封装样品与测试报告");
        p.locator("#m1Due").fill(LocalDate.now().plusMonths(6).toString());
        p.locator("#m1Tranche").fill("1000000");
        p.locator("#award-submit").click();
        assertThat(p.locator("#challenge-status")).containsText(text.get("awarded"));
        p.context().close();

        // the team reports progress on the milestone
        p = signIn(locale, researcher);
        p.navigate(path);
        p.locator("#progress").fill("30");
        p.locator("#note").fill("完成封装工艺设计");
        p.locator("#report-submit").click();
        assertThat(p.locator("#milestones tbody tr").first()).containsText("30%");
        assertThat(p.locator("#milestones tbody tr").first()).containsText(text.get("on_track"));

        // the program view counts it and leads back to it
        p.navigate("/challenges/program");
        assertThat(p.locator("h1")).hasText(text.get("program"));
        p.locator("#program tr[data-technology='kct-02'] td[data-column='on_track'] a").click();
        assertThat(p.locator("#challenges a", new Page.LocatorOptions().setHasText(title))).isVisible();
        screenshot(p, "challenge-program-" + locale);
    }

    static final Map<String, String> INVITED = Map.of("zh-CN", "已受邀揭榜", "en", "has been invited to apply");

    @ParameterizedTest
    @ValueSource(strings = {"zh-CN", "en"})
    void theInvitedOrganizationIsToldAndAppliesFromTheInvitation(String locale) {
        ChallengeFixtures f = ChallengeFixtures.of(application);
        long invited = f.organization("Invited Optics Institute", "research_institute", null);
        long other = f.organization("Uninvited Optics Ltd", "enterprise", null);
        String organization = f.extIdOfOrganization(invited);
        Account admin = f.access.user(null, Role.ADMIN);
        Account researcher = f.access.user(invited, Role.RESEARCHER);
        Account outsider = f.access.user(other, Role.ENTERPRISE);
        String title = AccessFixtures.unique("邀请揭榜");
        String extId = f.published(title, "any");

        // the department invites the organization from the challenge's teams page
        Page p = signIn(locale, admin);
        p.navigate("/challenges/" + extId);
        p.locator("#teams-link").click();
        // picked by its name from the registry's suggestions, which put its id in the field
        p.locator("#invite-organization").pressSequentially(f.nameOfOrganization(invited), new Locator.PressSequentiallyOptions().setDelay(10));
        assertThat(p.locator("#invite-organization-options option[value='" + organization + "']")).hasCount(1);
        p.locator("#invite-organization").fill(organization);
        assertThat(p.locator("#invite-organization-name")).containsText("Invited Optics Institute");
        p.locator("#invite-submit").click();
        assertThat(p.locator("#notice")).isVisible();
        assertThat(p.locator("#invited tr[data-organization='" + organization + "']")).containsText("Invited Optics Institute");
        // and withdraws an invitation made by mistake, after ticking the confirmation
        String mistaken = f.extIdOfOrganization(other);
        p.locator("#invite-organization").fill(mistaken);
        p.locator("#invite-submit").click();
        Locator mistake = p.locator("#invited tr[data-organization='" + mistaken + "']");
        assertThat(mistake).containsText("Uninvited Optics Ltd");
        mistake.locator("input[name=confirm]").check();
        mistake.locator("button.withdraw").click();
        assertThat(p.locator("#notice")).isVisible();
        assertThat(p.locator("#invited tr[data-organization='" + mistaken + "']")).hasCount(0);
        assertThat(p.locator("#invited tbody tr")).hasCount(1);
        p.context().close();

        // another organization's user is told nothing
        p = signIn(locale, outsider);
        p.navigate("/challenges");
        assertThat(p.locator("#invitations-empty")).isVisible();
        assertThat(p.locator("#nav-count-challenges")).hasCount(0);
        p.navigate("/challenges/" + extId);
        assertThat(p.locator("#invitation-banner")).hasCount(0);
        p.context().close();

        // the invited organization's researcher sees the count, the invitation and the banner, and applies
        p = signIn(locale, researcher);
        assertThat(p.locator("#nav-count-challenges span[aria-hidden]")).hasText("1");
        p.locator("#site-nav a[href='/challenges']").click();
        Locator row = p.locator("#invitations-table tr[data-challenge='" + extId + "']");
        assertThat(row).containsText(title);
        assertThat(row.locator("td").nth(1)).containsText("Invited Optics Institute");
        screenshot(p, "challenge-invitations-" + locale);
        row.locator("a[href='/challenges/" + extId + "']").click();
        assertThat(p.locator("#invitation-banner")).containsText(INVITED.get(locale));
        assertThat(p.locator("#invitation-banner")).containsText("Invited Optics Institute");
        screenshot(p, "challenge-invitation-banner-" + locale);
        p.locator("#invitation-banner a.invitation-apply").click();
        assertThat(p.locator("#leadOrganization")).hasValue(organization);
        p.locator("#plan").fill("受邀后提出的技术路线");
        p.locator("#commit1").fill("224");
        p.locator("#commit2").fill("4.5");
        p.locator("#apply-submit").click();
        assertThat(p.locator("#notice")).isVisible();

        // applied: the invitation is answered
        p.navigate("/challenges");
        assertThat(p.locator("#invitations-empty")).isVisible();
        assertThat(p.locator("#nav-count-challenges")).hasCount(0);
        p.navigate("/challenges/" + extId);
        assertThat(p.locator("#invitation-banner")).hasCount(0);
    }

    /** What the applicant, the author and the team see when they change their minds or slip, in each language. */
    static final Map<String, Map<String, String>> CHANGE = Map.of(
            "zh-CN", Map.of("edited", "申报修改已保存", "confirm", "请勾选确认", "withdrawn", "已撤回", "draftSaved", "草稿已保存",
                    "reason", "进度由上次的 60% 降至 40%", "back", "进度回退：60% → 40%"),
            "en", Map.of("edited", "Your changes to the application are saved", "confirm", "tick the box to confirm", "withdrawn", "Withdrawn",
                    "draftSaved", "The draft is saved", "reason", "progress falls from 60% to 40%", "back", "Progress went back: 60% → 40%"));

    @ParameterizedTest
    @ValueSource(strings = {"zh-CN", "en"})
    void theApplicantEditsAndWithdrawsTheAuthorEditsTheDraftAndASetbackIsExplained(String locale) {
        Map<String, String> text = CHANGE.get(locale);
        expectHttpErrors(); // the refused report answers 400
        ChallengeFixtures f = ChallengeFixtures.of(application);
        Account applicant = f.access.user(f.organization("Change Enterprise", "enterprise", null), Role.ENTERPRISE);
        String open = f.published(AccessFixtures.unique("修改撤回"), "any");
        long applied = f.as(applicant, () -> f.applications.apply(open, ChallengeFixtures.application("初版方案", java.util.List.of(),
                java.util.List.of()))).id();

        // the applicant edits the plan, then withdraws: the box is checked by the server too
        Page p = signIn(locale, applicant);
        p.navigate("/challenges/applications/" + applied);
        p.locator("#edit-application").click();
        assertThat(p.locator("#plan")).hasValue("初版方案");
        p.locator("#plan").fill("修订后的方案");
        p.locator("#apply-submit").click();
        assertThat(p.locator("#notice")).containsText(text.get("edited"));
        assertThat(p.locator("#plan")).hasText("修订后的方案");
        p.locator("#confirm-withdraw-application").evaluate("box => box.removeAttribute('required')");
        p.locator("#withdraw-application").click();
        assertThat(p.locator("#refusal")).containsText(text.get("confirm"));
        assertThat(p.locator("#application-status")).not().hasText(text.get("withdrawn"));
        p.locator("#confirm-withdraw-application").check();
        p.locator("#withdraw-application").click();
        assertThat(p.locator("#application-status")).hasText(text.get("withdrawn"));
        assertThat(p.locator("#withdrawn-note")).isVisible();
        assertThat(p.locator("#withdraw-form")).hasCount(0);
        screenshot(p, "challenge-withdrawn-" + locale);

        // the author edits the draft with the posting form
        String draft = f.as(applicant, () -> f.challenges.create(ChallengeFixtures.draft(AccessFixtures.unique("草稿"), "any")).extId());
        p.navigate("/challenges/" + draft);
        p.locator("#edit-challenge").click();
        String title = AccessFixtures.unique("修订的草稿");
        p.locator(locale.equals("en") ? "#titleEn" : "#titleZh").fill(title); // the title the page shows in its language
        p.locator("#save-challenge").click();
        assertThat(p.locator("#notice")).containsText(text.get("draftSaved"));
        assertThat(p.locator("#challenge-title")).hasText(title);

        // progress back from 60 % to 40 %: why, then shown highlighted
        String work = f.published(AccessFixtures.unique("进度回退"), "any");
        long won = f.as(applicant, () -> f.applications.apply(work, ChallengeFixtures.application("方案", java.util.List.of(),
                java.util.List.of()))).id();
        f.system(() -> {
            f.challenges.perform(work, ChallengeAction.START_REVIEW);
            f.reviews.award(work, ChallengeFixtures.award(won));
        });
        f.as(applicant, () -> f.delivery.report(f.delivery.milestones(work).getFirst().id(), 60, "过半"));
        p.navigate("/challenges/" + work);
        p.locator("#progress").fill("40");
        p.locator("#note").fill("返工");
        p.locator("#report-submit").click();
        assertThat(p.locator("#reason")).hasAttribute("aria-invalid", "true");
        assertThat(p.locator("#form-problems")).containsText(text.get("reason"));
        assertThat(p.locator("#note")).hasValue("返工");
        p.locator("#reason").fill("样片良率不达标，需重新流片");
        p.locator("#report-submit").click();
        assertThat(p.locator(".milestone-regression").first()).hasText(text.get("back"));
        screenshot(p, "challenge-setback-" + locale);
    }

    private Page signIn(String locale, Account account) {
        BrowserContext context = newContext(new Browser.NewContextOptions().setLocale(locale).setViewportSize(1280, 900));
        Page p = context.newPage();
        p.navigate("/login");
        p.locator("#email").fill(account.email());
        p.locator("#password").fill(AccessFixtures.PASSWORD);
        p.locator("form[action='/login'] button[type=submit]").click();
        p.waitForLoadState();
        return p;
    }
}

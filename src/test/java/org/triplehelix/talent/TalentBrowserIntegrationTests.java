package org.triplehelix.talent;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.math.BigDecimal;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.triplehelix.access.AccessFixtures;
import org.triplehelix.access.Account;
import org.triplehelix.access.Role;
import org.triplehelix.web.BrowserTests;

/**
 * In a real browser, in Chinese and in English: an enterprise posts a thesis topic and declares
 * a talent need, the student finds the topic among their matches and chooses it, logs practice
 * hours, the industrial mentor approves them, and the gap view shows the new need; the
 * university's manager edits a student's record; a refused need edit comes back as typed, the
 * field at fault marked in the page's language, with nothing written; and lists offer edit links
 * only on the rows the user may change.
 */
class TalentBrowserIntegrationTests extends BrowserTests {

    @Autowired
    ApplicationContext spring;
    @Autowired
    TalentGap gap;

    @ParameterizedTest
    @CsvSource({"zh-CN, 人才供需缺口, 2031", "en-US, Talent supply and need, 2032"})
    void topicChosenHoursApprovedAndTheGapUpdates(String locale, String gapTitle, int year) {
        TalentFixtures fx = TalentFixtures.of(spring);
        String token = "qmag" + UUID.randomUUID().toString().substring(0, 6);
        long university = fx.organization("Browser University", "university", "420100");
        long enterprise = fx.organization("Browser Enterprise", "enterprise", "420500");
        long academic = fx.person("Browser Academic", university);
        long industrial = fx.person("Browser Industrial", enterprise);
        Account poster = fx.user(enterprise, null, Role.ENTERPRISE);
        Account mentor = fx.user(enterprise, industrial, Role.ENTERPRISE);
        Account studentAccount = fx.user(university, null, Role.STUDENT);
        String program = fx.program(university, enterprise, "0702", "ind-quantum", 2024);
        String student = fx.asSystem(() -> fx.student(program, enterprise, academic, industrial, studentAccount, 2027, "enrolled"));
        fx.jdbc().sql("update talent_student set background = :b where ext_id = :s")
                .param("b", "量子精密测量 NV色心磁力计 quantum magnetometer " + token).param("s", student).update();
        BigDecimal needBefore = needOf(year);

        // the enterprise posts a topic and declares a need
        Page enterprisePage = signedIn(locale, poster);
        enterprisePage.navigate("/talent/topics");
        String title = "NV色心量子磁力计 quantum magnetometer " + token;
        enterprisePage.locator("#t-zh").fill(title);
        enterprisePage.locator("#t-description").fill("量子精密测量 " + token);
        enterprisePage.locator("#post-topic").click();
        assertThat(enterprisePage.locator("#notice")).isVisible();
        assertThat(enterprisePage.locator("#topics")).containsText(title);
        enterprisePage.navigate("/talent/needs");
        enterprisePage.locator("#n-industry").selectOption("ind-quantum");
        enterprisePage.locator("#n-skill").fill("quantum sensing " + token);
        enterprisePage.locator("#n-year").fill(String.valueOf(year));
        enterprisePage.locator("#n-headcount").fill("4");
        enterprisePage.locator("#declare-need").click();
        assertThat(enterprisePage.locator("#notice")).isVisible();
        // and corrects it: 5, not 4 (the gap below counts 5)
        String needId = fx.jdbc().sql("select ext_id from talent_need where skill = :s").param("s", "quantum sensing " + token)
                .query(String.class).single();
        enterprisePage.navigate("/talent/needs/" + needId + "/edit");
        assertThat(enterprisePage.locator("#n-skill")).hasValue("quantum sensing " + token);
        enterprisePage.locator("#n-headcount").fill("5");
        enterprisePage.locator("#save-need").click();
        assertThat(enterprisePage.locator("#notice")).isVisible();

        // the student is matched with it, chooses it and logs hours
        Page studentPage = signedIn(locale, studentAccount);
        studentPage.navigate("/talent/me");
        assertThat(studentPage.locator("#topic-matches li").first()).containsText(token);
        studentPage.locator("#topic-matches li", new Page.LocatorOptions().setHasText(token)).locator("button.choose-topic").click();
        assertThat(studentPage.locator("#chosen-topic")).containsText(token);
        studentPage.locator("#h-hours").fill("6");
        studentPage.locator("#h-description").fill("调试磁力计 / magnetometer calibration");
        studentPage.locator("#log-hours").click();
        assertThat(studentPage.locator("#hours tbody tr[data-status=pending]")).hasCount(1);

        // the industrial mentor approves them from their list, and confirms the topic
        Page mentorPage = signedIn(locale, mentor);
        mentorPage.navigate("/talent");
        // by the student's name (the fixture's is "Student <id>"), the row keyed by the record
        assertThat(mentorPage.locator("#pending-hours tr[data-student='" + student + "'] td a").first()).hasText("Student " + student);
        mentorPage.navigate("/talent/students/" + student);
        mentorPage.locator("button.approve-hours").click();
        assertThat(mentorPage.locator("#hours tbody tr[data-status=approved]")).hasCount(1);
        assertThat(mentorPage.locator("#hours-progress")).containsText("6");
        mentorPage.locator("#confirm-topic").click();
        assertThat(mentorPage.locator("#notice")).isVisible();

        // the gap view shows the new need, and the number opens its records
        Page page = newContext(new Browser.NewContextOptions().setLocale(locale)).newPage();
        page.navigate("/talent/gap?by=industry&year=" + year);
        assertThat(page.locator("h1")).hasText(gapTitle);
        var need = page.locator("#gap tr[data-key=ind-quantum] a.need");
        assertThat(need).hasText(TalentGap.format(needBefore.add(BigDecimal.valueOf(5))));
        need.click();
        assertThat(page.locator("#gap-records")).containsText(token);
        assertThat(page.locator("#records-sum")).hasText(TalentGap.format(needBefore.add(BigDecimal.valueOf(5))));
        screenshot(page, "talent-gap-" + locale);
    }

    @ParameterizedTest
    @CsvSource({"zh-CN", "en-US"})
    void aNeedsRowOffersEditAndWithdrawOnlyToWhoMayChangeIt(String locale) {
        TalentFixtures fx = TalentFixtures.of(spring);
        long enterprise = fx.organization("Links Enterprise", "enterprise", "420500");
        long otherEnterprise = fx.organization("Other Links Enterprise", "enterprise", "420600");
        Account declarer = fx.user(enterprise, null, Role.ENTERPRISE);
        Account outsider = fx.user(otherEnterprise, null, Role.ENTERPRISE);
        String ours = AccessFixtures.unique("test-need");
        String theirs = AccessFixtures.unique("test-need");
        TalentWriter writer = spring.getBean(TalentWriter.class);
        fx.as(declarer, () -> writer.saveNeed(Fields.of("id", ours, "industry", "ind-optoelectronics", "skill", "laser optics",
                "year", "2031", "headcount", "2"), false));
        fx.as(outsider, () -> writer.saveNeed(Fields.of("id", theirs, "industry", "ind-optoelectronics", "skill", "laser optics",
                "year", "2031", "headcount", "2"), false));

        // the enterprise's user gets the links on its row
        Page declarerPage = signedIn(locale, declarer);
        declarerPage.navigate("/talent/needs?organization=" + fx.ext(enterprise));
        assertThat(declarerPage.locator("#needs tr[data-id='" + ours + "'] a.edit-need")).isVisible();
        assertThat(declarerPage.locator("#needs tr[data-id='" + ours + "'] a.withdraw-need")).isVisible();

        // another enterprise's user, who may declare needs too, sees the row without them, and has them on its own
        Page outsiderPage = signedIn(locale, outsider);
        outsiderPage.navigate("/talent/needs?organization=" + fx.ext(enterprise));
        assertThat(outsiderPage.locator("#need-form")).isVisible();
        assertThat(outsiderPage.locator("#needs tr[data-id='" + ours + "']")).isVisible();
        assertThat(outsiderPage.locator("#needs tr[data-id='" + ours + "'] a")).hasCount(1); // the organization's name only
        outsiderPage.navigate("/talent/needs?organization=" + fx.ext(otherEnterprise));
        assertThat(outsiderPage.locator("#needs tr[data-id='" + theirs + "'] a.edit-need")).isVisible();
        assertThat(outsiderPage.locator("#needs tr[data-id='" + theirs + "'] a.withdraw-need")).isVisible();
    }

    @ParameterizedTest
    @CsvSource({"zh-CN, 已毕业", "en-US, Graduated"})
    void aManagerEditsAStudentAndAMentorIsOfferedNoEdit(String locale, String graduated) {
        TalentFixtures fx = TalentFixtures.of(spring);
        long university = fx.organization("Edit University", "university", "420100");
        long enterprise = fx.organization("Edit Enterprise", "enterprise", "420500");
        long academic = fx.person("Edit Academic", university);
        long industrial = fx.person("Edit Industrial", enterprise);
        Account manager = fx.user(university, null, Role.ORG_ADMIN);
        Account mentor = fx.user(enterprise, industrial, Role.ENTERPRISE);
        String program = fx.program(university, enterprise, "0803", "ind-optoelectronics", 2024);
        String student = fx.student(program, enterprise, academic, industrial, null, 2027, "enrolled");

        // the university's manager opens the record from the program's list, pre-filled
        Page managerPage = signedIn(locale, manager);
        managerPage.navigate("/talent/programs/" + program);
        managerPage.locator("#students li[data-id='" + student + "'] a.edit-student").click();
        assertThat(managerPage.locator("#s-year")).hasValue("2027");
        assertThat(managerPage.locator("#s-academic")).hasValue(fx.personExt(academic));
        assertThat(managerPage.locator("#s-industrial")).hasValue(fx.personExt(industrial));

        // a refused field comes back marked, as typed, and nothing is written (not even the valid year beside it)
        expectHttpErrors();
        managerPage.locator("#s-year").fill("2028");
        managerPage.locator("#s-industrial").fill(fx.personExt(academic));
        managerPage.locator("#save-student").click();
        assertThat(managerPage.locator("#form-problems")).isVisible();
        assertThat(managerPage.locator("#f-industrial_mentor #s-industrial")).hasAttribute("aria-invalid", "true");
        assertThat(managerPage.locator(".field-error")).hasCount(1);
        assertThat(managerPage.locator("#f-industrial_mentor .field-error")).isVisible();
        assertThat(managerPage.locator("#s-year")).hasValue("2028");
        assertThat(graduationYear(fx, student)).isEqualTo(2027);
        screenshot(managerPage, "talent-student-refused-" + locale);

        // corrected by picking the mentor by name: the suggestion puts the id in the field and shows the name
        String industrialName = fx.jdbc().sql("select name_en from person where id = :id").param("id", industrial).query(String.class).single();
        managerPage.locator("#s-industrial").fill("");
        managerPage.locator("#s-industrial").pressSequentially(industrialName, new Locator.PressSequentiallyOptions().setDelay(10));
        assertThat(managerPage.locator("#s-industrial-options option[value='" + fx.personExt(industrial) + "']")).hasCount(1);
        managerPage.locator("#s-industrial").fill(fx.personExt(industrial));
        assertThat(managerPage.locator("#s-industrial-name")).containsText(industrialName);
        managerPage.locator("#s-status").selectOption("graduated");
        managerPage.locator("#save-student").click();
        assertThat(managerPage.locator("#notice")).isVisible();
        assertThat(managerPage.locator("dl.facts")).containsText("2028 · " + graduated);
        assertThat(graduationYear(fx, student)).isEqualTo(2028);
        assertThat(fx.access().auditRows("talent_student", student, "update")).isEqualTo(1);

        // the industrial mentor sees the record but is offered no edit, in the list or on the record
        Page mentorPage = signedIn(locale, mentor);
        mentorPage.navigate("/talent/programs/" + program);
        assertThat(mentorPage.locator("#students li[data-id='" + student + "']")).isVisible();
        assertThat(mentorPage.locator("#students a.edit-student")).hasCount(0);
        mentorPage.navigate("/talent/students/" + student);
        assertThat(mentorPage.locator("dl.facts")).containsText("2028");
        assertThat(mentorPage.locator("#edit-student")).hasCount(0);

    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "zh-CN | 请选择学科或填写技能 | 学科：请选择学科或填写技能",
            "en-US | choose a discipline or name a skill | Discipline: choose a discipline or name a skill"})
    void aRefusedNeedEditKeepsWhatWasTypedAndChangesNothing(String locale, String fieldError, String summary) {
        TalentFixtures fx = TalentFixtures.of(spring);
        long enterprise = fx.organization("Refused Need Enterprise", "enterprise", "420500");
        Account declarer = fx.user(enterprise, null, Role.ENTERPRISE);
        String need = AccessFixtures.unique("test-need");
        fx.as(declarer, () -> spring.getBean(TalentWriter.class).saveNeed(Fields.of("id", need, "industry", "ind-optoelectronics",
                "skill", "laser optics", "year", "2031", "headcount", "2"), false));

        // the enterprise's user changes every field, but leaves neither a discipline nor a skill
        Page declarerPage = signedIn(locale, declarer);
        declarerPage.navigate("/talent/needs?organization=" + fx.ext(enterprise));
        declarerPage.locator("#needs tr[data-id='" + need + "'] a.edit-need").click();
        assertThat(declarerPage.locator("#n-skill")).hasValue("laser optics");
        expectHttpErrors();
        declarerPage.locator("#n-industry").selectOption("ind-ai");
        declarerPage.locator("#n-degree").selectOption("doctorate");
        declarerPage.locator("#n-skill").fill("");
        declarerPage.locator("#n-year").fill("2033");
        declarerPage.locator("#n-headcount").fill("9");
        declarerPage.locator("#save-need").click();

        // the form comes back as typed, the field at fault marked and said what is wrong with, in the page's language
        assertThat(declarerPage.locator("#form-problems li")).hasText(summary);
        assertThat(declarerPage.locator("#f-discipline #n-discipline")).hasAttribute("aria-invalid", "true");
        assertThat(declarerPage.locator("#f-discipline .field-error")).hasText(fieldError);
        assertThat(declarerPage.locator("[aria-invalid=true]")).hasCount(1);
        assertThat(declarerPage.locator("#n-industry")).hasValue("ind-ai");
        assertThat(declarerPage.locator("#n-degree")).hasValue("doctorate");
        assertThat(declarerPage.locator("#n-year")).hasValue("2033");
        assertThat(declarerPage.locator("#n-headcount")).hasValue("9");
        assertThat(declarerPage.locator("#n-skill")).hasValue("");
        assertThat(needRow(fx, need)).isEqualTo("ind-optoelectronics laser optics 2031 2");
        screenshot(declarerPage, "talent-need-refused-" + locale);

        // the summary leads to the field; given a skill, the rest as typed is saved
        declarerPage.locator("#form-problems a").click();
        declarerPage.locator("#n-skill").fill("photonic integration");
        declarerPage.locator("#save-need").click();
        assertThat(declarerPage.locator("#notice")).isVisible();
        assertThat(needRow(fx, need)).isEqualTo("ind-ai photonic integration 2033 9");
    }

    /**
     * On a phone the wide tables scroll sideways in their own box; a keyboard must reach that box to
     * scroll it (WCAG 2.1.1, axe's serious "scrollable-region-focusable"), also when the table holds no
     * link: the crosswalk (in English, wider than the phone), a student's practice hours.
     */
    @org.junit.jupiter.api.Test
    void tablesThatScrollSidewaysOnAPhoneCanBeReachedByKeyboard() throws java.io.IOException {
        TalentFixtures fx = TalentFixtures.of(spring);
        long university = fx.organization("Phone University", "university", "420100");
        long enterprise = fx.organization("Phone Enterprise", "enterprise", "420500");
        Account studentAccount = fx.user(university, null, Role.STUDENT);
        String program = fx.program(university, enterprise, "0803", "ind-optoelectronics", 2024);
        String student = fx.asSystem(() -> fx.student(program, enterprise, fx.person("Phone Academic", university),
                fx.person("Phone Industrial", enterprise), studentAccount, 2027, "enrolled"));
        fx.as(studentAccount, () -> spring.getBean(Practice.class).log(student, java.time.LocalDate.now().minusDays(1),
                new BigDecimal("7.5"), "光模块老化测试与数据整理 burn-in tests of optical modules and their records"));
        String axe;
        try (java.io.InputStream in = new org.springframework.core.io.ClassPathResource("axe.min.js").getInputStream()) {
            axe = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        Page phone = newContext(new Browser.NewContextOptions().setLocale("en").setViewportSize(390, 844).setIsMobile(true)
                .setHasTouch(true).setBypassCSP(true)).newPage();
        phone.navigate("/login");
        phone.locator("#email").fill(studentAccount.email());
        phone.locator("#password").fill(AccessFixtures.PASSWORD);
        phone.locator("form[action='/login'] button[type=submit]").click();
        phone.waitForLoadState();
        phone.navigate("/talent/crosswalk");
        // the English names make the crosswalk wider than a phone: its box really scrolls
        assertThat((Boolean) phone.evaluate("() => { const box = document.querySelector('.table-scroll'); return box.scrollWidth > box.clientWidth; }"))
                .as("the crosswalk scrolls sideways on a phone").isTrue();
        for (String path : java.util.List.of("/talent/crosswalk", "/talent/students/" + student)) {
            phone.navigate(path);
            assertThat(phone.locator(".table-scroll table").first()).isVisible();
            phone.addScriptTag(new Page.AddScriptTagOptions().setContent(axe));
            Object violations = phone.evaluate("""
                    async () => (await axe.run(document, {runOnly: {type: 'rule', values: ['scrollable-region-focusable']},
                        resultTypes: ['violations']})).violations.map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', '))""");
            assertThat((java.util.List<?>) violations).as("keyboard access to the scrolling tables of %s", path).isEmpty();
        }
    }

    private static String needRow(TalentFixtures fx, String need) {
        return fx.jdbc().sql("select industry_code || ' ' || skill || ' ' || year || ' ' || headcount from talent_need where ext_id = :id")
                .param("id", need).query(String.class).single();
    }

    private static int graduationYear(TalentFixtures fx, String student) {
        return fx.jdbc().sql("select graduation_year from talent_student where ext_id = :s").param("s", student).query(Integer.class).single();
    }

    private BigDecimal needOf(int year) {
        return gap.rows(TalentGap.By.INDUSTRY, year).stream().filter(r -> "ind-quantum".equals(r.key()))
                .map(TalentGap.GapRow::need).findFirst().orElse(BigDecimal.ZERO);
    }

    private Page signedIn(String locale, Account account) {
        Page signedIn = newContext(new Browser.NewContextOptions().setLocale(locale).setViewportSize(1280, 900)).newPage();
        signedIn.navigate("/login");
        signedIn.locator("#email").fill(account.email());
        signedIn.locator("#password").fill(AccessFixtures.PASSWORD);
        signedIn.locator("form[action='/login'] button[type=submit]").click();
        signedIn.waitForLoadState();
        return signedIn;
    }
}

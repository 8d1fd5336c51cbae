package org.triplehelix.challenge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.triplehelix.access.AccessFixtures;
import org.triplehelix.access.Account;
import org.triplehelix.access.HelixClient;
import org.triplehelix.access.Role;

/** Posting a challenge from the page: a refused form comes back as typed, 400, the field marked, nothing written. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChallengePagesIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;

    Account enterprise;

    @BeforeAll
    void world() {
        AccessFixtures fixtures = AccessFixtures.of(context);
        enterprise = fixtures.user(fixtures.organization("Challenge Form Enterprise", null), Role.ENTERPRISE);
    }

    private HelixClient signedIn() {
        HelixClient client = HelixClient.browser(port);
        assertThat(client.signIn(enterprise.email(), AccessFixtures.PASSWORD)).isTrue();
        return client;
    }

    private Map<String, String> typed(String title) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("titleZh", title);
        form.put("problemZh", "百瓦级激光器的 <核心> 器件 & 工艺");
        form.put("technology", "kct-05");
        form.put("target1Indicator", "输出功率");
        form.put("target1Unit", "W");
        form.put("target1Threshold", "100");
        form.put("target1Direction", "lower");
        form.put("budget", "500000");
        form.put("durationMonths", "18");
        form.put("deadline", LocalDate.now().plusDays(30).toString());
        form.put("eligibility", "enterprise_and_academic");
        form.put("ipTerms", "共有");
        return form;
    }

    private long rows(String title) {
        return jdbc.sql("select count(*) from challenge where title_zh = :t").param("t", title).query(Long.class).single();
    }

    @Test
    void aBudgetInWordsComesBackAsTypedAndMarked() {
        HelixClient client = signedIn();
        String title = "激光器件攻关 " + AccessFixtures.unique("budget");
        Map<String, String> form = typed(title);
        form.put("budget", "五十万");
        HelixClient.Response refused = client.postForm("/challenges?lang=zh", form);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("value=\"" + title + "\"")
                .contains(">百瓦级激光器的 &lt;核心&gt; 器件 &amp; 工艺</textarea>")
                .contains("value=\"kct-05\" selected").contains("<option value=\"lower\" selected>")
                .contains("<option value=\"enterprise_and_academic\" selected>")
                .contains("value=\"" + form.get("deadline") + "\"").contains("value=\"18\"").contains(">共有</textarea>")
                .contains("id=\"budget\" name=\"budget\" aria-invalid=\"true\" aria-describedby=\"f-budget-error\" value=\"五十万\"")
                .contains("id=\"f-budget-error\">应填写数字，例如 25.5（您填写的是“五十万”）</span>")
                .contains("<a href=\"#budget\">经费或奖励（元）</a>");
        assertThat(rows(title)).isZero();
    }

    @Test
    void aTargetWithoutItsUnitOrItsIndicatorIsMarkedOnThatInputOfItsRow() {
        HelixClient client = signedIn();
        String title = "激光器件攻关 " + AccessFixtures.unique("targets");
        Map<String, String> form = typed(title);
        form.put("target2Indicator", "光束质量");
        form.put("target2Threshold", "1.2");
        HelixClient.Response noUnit = client.postForm("/challenges?lang=zh", form);
        assertThat(noUnit.status()).isEqualTo(400);
        assertThat(noUnit.body()).contains("id=\"target2Unit\" name=\"target2Unit\" aria-invalid=\"true\"")
                .contains("id=\"f-target2Unit-error\">每项指标须有单位（最多 40 字），例如 %、W 或 Gb/s</span>")
                .contains("<a href=\"#target2Unit\">单位 2</a>")
                .doesNotContain("id=\"target1Indicator\" name=\"target1Indicator\" aria-invalid=\"true\"")
                .contains("value=\"光束质量\"").contains("value=\"1.2\"");
        assertThat(rows(title)).isZero();

        // a unit and a threshold typed in a row without its indicator were left out without a word
        form.put("target2Unit", "M²");
        form.put("target3Unit", "nm");
        form.put("target3Threshold", "1064");
        HelixClient.Response noIndicator = client.postForm("/challenges?lang=en", form);
        assertThat(noIndicator.status()).isEqualTo(400);
        assertThat(noIndicator.body()).contains("id=\"target3Indicator\" name=\"target3Indicator\" aria-invalid=\"true\"")
                .contains("id=\"f-target3Indicator-error\">each target names its indicator (at most 200 characters)</span>")
                .contains("<a href=\"#target3Indicator\">Indicator 3</a>").contains("value=\"1064\"");
        assertThat(rows(title)).isZero();
    }

    @Test
    void aPastDeadlineAndAMissingTitleAreMarkedOnTheirFields() {
        HelixClient client = signedIn();
        String title = "激光器件攻关 " + AccessFixtures.unique("deadline");
        Map<String, String> form = typed(title);
        form.put("deadline", "2001-01-01");
        HelixClient.Response refused = client.postForm("/challenges?lang=en", form);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"deadline\" name=\"deadline\" aria-invalid=\"true\" aria-describedby=\"f-deadline-error\" type=\"date\" value=\"2001-01-01\"")
                .contains("id=\"f-deadline-error\">the application deadline must be in the future</span>")
                .contains("value=\"" + title + "\"");
        assertThat(rows(title)).isZero();

        form.put("deadline", LocalDate.now().plusDays(30).toString());
        form.put("titleZh", "");
        refused = client.postForm("/challenges?lang=en", form);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"f-titleZh-error\">give the challenge a title in Chinese or English</span>")
                .contains(">百瓦级激光器的 &lt;核心&gt; 器件 &amp; 工艺</textarea>");
    }

    /** A problem statement or IP terms longer than the limit the inputs show: marked on the form in the reader's language, nothing saved. */
    @Test
    void anOverlongProblemOrIpTermsIsMarkedOnItsInputInThePagesLanguage() {
        HelixClient client = signedIn();
        String title = "超长问题 " + AccessFixtures.unique("long");
        Map<String, String> form = typed(title);
        form.put("problemZh", "问".repeat(org.triplehelix.challenge.ChallengeDraft.MAX_PROBLEM + 1));
        HelixClient.Response zh = client.postForm("/challenges?lang=zh", form);
        assertThat(zh.status()).isEqualTo(400);
        assertThat(zh.body()).contains("id=\"problemZh\" name=\"problemZh\" aria-invalid=\"true\" aria-describedby=\"f-problemZh-error\" rows=\"4\" maxlength=\"10000\"")
                .contains("id=\"f-problemZh-error\">最多 10000 个字符</span>")
                .contains("<a href=\"#problemZh\">难题描述（中文）</a>")
                .contains("value=\"" + title + "\"");
        assertThat(rows(title)).isZero();

        form.put("problemZh", "问题");
        form.put("ipTerms", "知".repeat(100_000));
        HelixClient.Response en = client.postForm("/challenges?lang=en", form);
        assertThat(en.status()).isEqualTo(400);
        assertThat(en.body()).contains("id=\"ipTerms\" name=\"ipTerms\" aria-invalid=\"true\" aria-describedby=\"f-ipTerms-error\" rows=\"2\" maxlength=\"5000\"")
                .contains("id=\"f-ipTerms-error\">at most 5000 characters</span>")
                .contains("maxlength=\"200\" lang=\"zh-CN\"");
        assertThat(rows(title)).isZero();
    }

    private long applications(String extId) {
        return jdbc.sql("select count(*) from challenge_application a join challenge c on c.id = a.challenge_id where c.ext_id = :e")
                .param("e", extId).query(Long.class).single();
    }

    private Map<String, String> application(String partners, String partnersAdd, String peopleAdd) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("leadOrganization", "");
        form.put("partners", partners);
        form.put("partnersAdd", partnersAdd);
        form.put("people", "");
        form.put("peopleAdd", peopleAdd);
        form.put("plan", "硅光 <方案> & 验证");
        form.put("commit1", "224");
        form.put("commit2", "4.5");
        return form;
    }

    @Test
    void aRefusedApplicationComesBackAsTypedWithThePartnerMarkedAndTheFileToChooseAgain() {
        ChallengeFixtures f = ChallengeFixtures.of(context);
        String extId = f.published("申报表单 " + AccessFixtures.unique("apply"), "any");
        String person = f.extIdOfPerson(f.person("Picker Person", null));
        HelixClient client = signedIn();
        Map<String, String> form = application("org-nowhere-at-all", "org-typed-in-the-picker", person);

        HelixClient.Response refused = client.postMultipart("/challenges/" + extId + "/applications?lang=zh", form, "file",
                "plan.pdf", "%PDF-1.4 plan".getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body())
                .contains("id=\"partners\" name=\"partners\" aria-invalid=\"true\" aria-describedby=\"f-partners-error\" rows=\"3\">org-nowhere-at-all</textarea>")
                .contains("id=\"f-partners-error\">机构库中没有编号为“org-nowhere-at-all”的机构</span>")
                .contains("value=\"org-typed-in-the-picker\"").contains("value=\"" + person + "\"")
                .contains(">硅光 &lt;方案&gt; &amp; 验证</textarea>")
                .contains("value=\"224\"").contains("value=\"4.5\"")
                .contains("id=\"f-file-again\">浏览器无法保留已选择的文件，请重新选择文件。</span>")
                .contains("<a href=\"#partners\">");
        assertThat(applications(extId)).isZero();
    }

    @Test
    void aRefusedFileRefusesTheApplicationAndAMissingCommitmentIsMarked() {
        ChallengeFixtures f = ChallengeFixtures.of(context);
        String extId = f.published("申报附件 " + AccessFixtures.unique("apply-file"), "any");
        HelixClient client = signedIn();
        Map<String, String> form = application("", "", "");

        HelixClient.Response exe = client.postMultipart("/challenges/" + extId + "/applications?lang=en", form, "file",
                "tool.exe", "MZ".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(exe.status()).isEqualTo(400);
        assertThat(exe.body()).contains("id=\"f-file-error\">only PDF, Word (docx)")
                .contains("id=\"file\" name=\"file\" aria-invalid=\"true\"")
                .contains("Files cannot be kept by the browser: choose the file again.")
                .contains(">硅光 &lt;方案&gt; &amp; 验证</textarea>");
        assertThat(applications(extId)).isZero();

        form.put("commit2", "");
        HelixClient.Response missing = client.postMultipart("/challenges/" + extId + "/applications?lang=en", form, "file", "", new byte[0]);
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body()).contains("id=\"f-commitments-error\">commit to every target: 功耗 (pJ/bit) has no commitment</span>")
                .contains("id=\"commit2\" name=\"commit2\" aria-invalid=\"true\" aria-describedby=\"f-commitments-error\" value=\"\"")
                .contains("id=\"commit1\" name=\"commit1\" value=\"224\"")
                .doesNotContain("f-file-again");
        assertThat(applications(extId)).isZero();
    }

    private HelixClient signedIn(Account account) {
        return HelixClient.signedIn(port, account);
    }

    private long count(String sql, Object id) {
        return jdbc.sql(sql).param("id", id).query(Long.class).single();
    }

    @Test
    void theArchiveShowsACallTheSourceListsTwiceOnceWithBothItsLines() {
        HelixClient visitor = HelixClient.browser(port);
        HelixClient.Response page = visitor.get("/challenges/archive?lang=en&q=" + java.net.URLEncoder.encode("岩石圈演化",
                java.nio.charset.StandardCharsets.UTF_8));
        assertThat(page.status()).isEqualTo(200);
        // lines 2 and 1702 of the source file list the same call
        assertThat(page.body().split("2017年岩石圈演化国家重点实验室自主研究课题和开放课题", -1)).hasSize(2);
        assertThat(page.body()).contains("cnki-apply-project-2017-9-26.csv:2</code>").contains("also line 1702")
                .doesNotContain("csv:1702</code>");
        assertThat(visitor.get("/challenges/archive?lang=zh&q=" + java.net.URLEncoder.encode("岩石圈演化",
                java.nio.charset.StandardCharsets.UTF_8)).body()).contains("另见第 1702 行");
        assertThat(visitor.get("/api/v1/challenges/archive?q=" + java.net.URLEncoder.encode("岩石圈演化",
                java.nio.charset.StandardCharsets.UTF_8)).body()).contains("\"total\":1").contains("\"alsoOnLines\":[1702]");
    }

    @Test
    void aChineseSearchKeepsItsWordsOnTheNextPageAndInTheLanguageSwitch() {
        HelixClient visitor = HelixClient.browser(port);
        String words = java.net.URLEncoder.encode("研究", java.nio.charset.StandardCharsets.UTF_8); // %E7%A0%94%E7%A9%B6
        HelixClient.Response first = visitor.get("/challenges/archive?lang=en&q=" + words);
        assertThat(first.body()).contains("href=\"/challenges/archive?lang=en&amp;q=" + words + "&amp;page=1\"")
                .contains("href=\"/challenges/archive?q=" + words + "&amp;lang=zh\"").doesNotContain("%25E7");
        HelixClient.Response next = visitor.get("/challenges/archive?lang=en&q=" + words + "&page=1");
        assertThat(next.body()).contains("value=\"研究\"").contains("研究").doesNotContain("No call matches.");
        assertThat(visitor.get("/match?lang=zh&q=" + words).body()).contains("href=\"/match?q=" + words + "&amp;lang=en\"")
                .doesNotContain("%25E7");
    }

    @Test
    void aPassingAcceptanceWithATargetNotMetIsRefusedOnThatResult() {
        ChallengeFixtures f = ChallengeFixtures.of(context);
        String extId = f.published("验收校验 " + AccessFixtures.unique("accept"), "any"); // ≥ 200 Gb/s, ≤ 5 pJ/bit
        long application = f.as(enterprise, () -> f.applications.apply(extId, ChallengeFixtures.application("plan", java.util.List.of(),
                java.util.List.of()))).id();
        f.system(() -> f.challenges.perform(extId, org.triplehelix.challenge.ChallengeAction.START_REVIEW));
        f.system(() -> f.reviews.award(extId, ChallengeFixtures.award(application)));
        f.system(() -> f.challenges.perform(extId, org.triplehelix.challenge.ChallengeAction.START));
        HelixClient admin = signedIn(f.access.user(null, Role.ADMIN));
        Map<String, String> acceptance = new LinkedHashMap<>(Map.of("achieved1", "210", "evidence1", "第三方测试报告", "achieved2", "5.5",
                "evidence2", "功耗测试报告", "verdict", "pass", "note", "通过"));
        HelixClient.Response unmet = admin.postForm("/challenges/" + extId + "/acceptance?lang=zh", acceptance);
        assertThat(unmet.status()).isEqualTo(400);
        assertThat(unmet.body()).contains("id=\"achieved2\" name=\"achieved2\" inputmode=\"decimal\" required value=\"5.5\" aria-invalid=\"true\"")
                .contains("指标“功耗”未达到（实测 5.5 pJ/bit，要求 ≤ 5 pJ/bit）：验收通过须各项指标均达到")
                .contains("value=\"210\"").contains(">通过</textarea>");
        assertThat(f.system(() -> f.challenges.find(extId)).status()).isEqualTo(ChallengeStatus.IN_PROGRESS);
        assertThat(count("select count(*) from acceptance_evidence e join challenge c on c.id = e.challenge_id where c.ext_id = :id", extId))
                .isZero();

        acceptance.put("verdict", "fail");
        acceptance.put("note", "功耗未达到");
        assertThat(admin.postForm("/challenges/" + extId + "/acceptance?lang=zh", acceptance).status()).isEqualTo(302);
        assertThat(f.system(() -> f.challenges.find(extId)).status()).isEqualTo(ChallengeStatus.TERMINATED);
    }

    @Test
    void anAwardWithAMilestoneDueBeforeItOrTranchesOverTheBudgetIsRefusedOnThatInput() {
        ChallengeFixtures f = ChallengeFixtures.of(context);
        String extId = f.published("授予校验 " + AccessFixtures.unique("award"), "any"); // budget ¥5,000,000
        long application = f.as(enterprise, () -> f.applications.apply(extId, ChallengeFixtures.application("plan", java.util.List.of(),
                java.util.List.of()))).id();
        f.system(() -> f.challenges.perform(extId, org.triplehelix.challenge.ChallengeAction.START_REVIEW));
        HelixClient admin = signedIn(f.access.user(null, Role.ADMIN));
        // the first row left empty: the refusal is on the row typed, the second
        Map<String, String> award = new LinkedHashMap<>(Map.of("applicationId", String.valueOf(application), "rationale", "最高分",
                "m2Title", "样片流片", "m2Deliverable", "8 片样片", "m2Due", LocalDate.now().minusDays(1).toString(), "m2Tranche", "3000000",
                "m3Title", "可靠性验证", "m3Deliverable", "试验报告", "m3Due", LocalDate.now().plusMonths(18).toString(), "m3Tranche", "2500000"));
        HelixClient.Response past = admin.postForm("/challenges/" + extId + "/award?lang=zh", award);
        assertThat(past.status()).isEqualTo(400);
        assertThat(past.body()).containsPattern("id=\"m2Due\" name=\"m2Due\" type=\"date\" value=\"" + LocalDate.now().minusDays(1)
                        + "\" aria-invalid=\"true\"")
                .contains("id=\"f-award-milestones-error\">里程碑 1 的截止日期 " + LocalDate.now().minusDays(1) + " 早于授予之日：截止日期应为今天或以后</span>");

        award.put("m2Due", LocalDate.now().plusMonths(6).toString());
        HelixClient.Response over = admin.postForm("/challenges/" + extId + "/award?lang=en", award);
        assertThat(over.status()).isEqualTo(400);
        assertThat(over.body()).containsPattern("id=\"m2Tranche\" name=\"m2Tranche\" inputmode=\"decimal\" value=\"3000000\" aria-invalid=\"true\"")
                .contains("the tranches of the milestones add up to ¥5,500,000, more than the budget or reward of the challenge, ¥5,000,000")
                .contains("value=\"可靠性验证\"");
        assertThat(f.system(() -> f.challenges.find(extId)).status()).isEqualTo(ChallengeStatus.UNDER_REVIEW);
        assertThat(count("select count(*) from milestone m join challenge c on c.id = m.challenge_id where c.ext_id = :id", extId)).isZero();

        award.put("m3Tranche", "2000000");
        assertThat(admin.postForm("/challenges/" + extId + "/award?lang=en", award).status()).isEqualTo(302);
        assertThat(f.system(() -> f.challenges.find(extId)).status()).isEqualTo(ChallengeStatus.AWARDED);
        assertThat(count("select count(*) from milestone m join challenge c on c.id = m.challenge_id where c.ext_id = :id", extId)).isEqualTo(2);
    }

    @Test
    void refusedScoresAwardReportAndAcceptanceComeBackAsTypedWithTheInputMarkedAndNothingWritten() {
        ChallengeFixtures f = ChallengeFixtures.of(context);
        String extId = f.published("交付表单 " + AccessFixtures.unique("deliver"), "any");
        long application = f.as(enterprise, () -> f.applications.apply(extId, ChallengeFixtures.application("plan", java.util.List.of(),
                java.util.List.of()))).id();
        Account reviewer = f.access.user(f.organization("Form Review Institute", "research_institute", null), Role.REVIEWER);
        Account department = f.access.user(null, Role.ADMIN);
        f.system(() -> f.reviews.assign(extId, reviewer.id()));
        f.system(() -> f.challenges.perform(extId, org.triplehelix.challenge.ChallengeAction.START_REVIEW));

        // scores: a score in words, then one out of range, each marked on its input, in the page's language
        HelixClient panel = signedIn(reviewer);
        Map<String, String> scores = new LinkedHashMap<>(Map.of("score-merit", "九十", "score-team", "80", "score-feasibility", "70",
                "score-budget", "60", "comment", "<方案> & 团队扎实"));
        HelixClient.Response words = panel.postForm("/challenges/applications/" + application + "/scores?lang=zh", scores);
        assertThat(words.status()).isEqualTo(400);
        assertThat(words.body()).containsPattern("id=\"score-merit\"[^>]*value=\"九十\"\\s+aria-invalid=\"true\"")
                .containsPattern("id=\"score-team\"[^>]*value=\"80\"\\s+>")
                .contains(">&lt;方案&gt; &amp; 团队扎实</textarea>")
                .contains("id=\"f-scores-error\">应填写整数（您填写的是“九十”）</span>").contains("<a href=\"#scores\">评分</a>");
        scores.put("score-merit", "90");
        scores.put("score-team", "120");
        HelixClient.Response range = panel.postForm("/challenges/applications/" + application + "/scores?lang=zh", scores);
        assertThat(range.status()).isEqualTo(400);
        assertThat(range.body()).containsPattern("id=\"score-team\"[^>]*value=\"120\"\\s+aria-invalid=\"true\"")
                .contains("id=\"f-scores-error\">每项评分为 0 至 100 的整数</span>");
        assertThat(count("select count(*) from review_score where application_id = :id", application)).isZero();

        // the award: a milestone without its deliverable, then no rationale
        HelixClient admin = signedIn(department);
        Map<String, String> award = new LinkedHashMap<>(Map.of("applicationId", String.valueOf(application), "rationale", "最高分 <方案>",
                "m1Title", "样片流片", "m1Deliverable", "", "m1Due", LocalDate.now().plusMonths(6).toString(), "m1Tranche", "2000000"));
        HelixClient.Response noDeliverable = admin.postForm("/challenges/" + extId + "/award?lang=en", award);
        assertThat(noDeliverable.status()).isEqualTo(400);
        assertThat(noDeliverable.body()).contains("value=\"样片流片\"").contains(">最高分 &lt;方案&gt;</textarea>")
                .contains("value=\"2000000\"").containsPattern("id=\"m1Deliverable\" name=\"m1Deliverable\" value=\"\" aria-invalid=\"true\"")
                .contains("id=\"f-award-milestones-error\">each milestone names its deliverable</span>")
                .contains("<a href=\"#award-milestones\">Milestones</a>");
        award.put("m1Deliverable", "8 片样片");
        award.put("rationale", " ");
        HelixClient.Response noRationale = admin.postForm("/challenges/" + extId + "/award?lang=en", award);
        assertThat(noRationale.status()).isEqualTo(400);
        assertThat(noRationale.body()).contains("id=\"f-rationale-error\">record why this application wins</span>")
                .contains("value=\"8 片样片\"").containsPattern("<option value=\"" + application + "\" selected>");
        assertThat(f.system(() -> f.challenges.find(extId)).status()).isEqualTo(ChallengeStatus.UNDER_REVIEW);
        assertThat(count("select count(*) from milestone m join challenge c on c.id = m.challenge_id where c.ext_id = :id", extId)).isZero();

        f.system(() -> f.reviews.award(extId, ChallengeFixtures.award(application)));
        f.system(() -> f.challenges.perform(extId, org.triplehelix.challenge.ChallengeAction.START));
        long milestone = f.delivery.milestones(extId).get(1).id();

        // a progress report over 100 %
        HelixClient team = signedIn();
        HelixClient.Response over = team.postForm("/challenges/" + extId + "/reports?lang=zh",
                Map.of("milestone", String.valueOf(milestone), "progress", "150", "note", "流片 <完成>"));
        assertThat(over.status()).isEqualTo(400);
        assertThat(over.body()).contains("value=\"150\" aria-invalid=\"true\"").contains(">流片 &lt;完成&gt;</textarea>")
                .contains("<option value=\"" + milestone + "\" selected>")
                .contains("id=\"f-progress-error\">进度为 0 至 100 的整数（%）</span>");
        assertThat(count("select count(*) from milestone_report where milestone_id = :id", milestone)).isZero();

        // a report posted on another challenge's page for this challenge's milestone: no such milestone there
        String other = f.published("另一榜单 " + AccessFixtures.unique("other"), "any");
        HelixClient.Response elsewhere = team.postForm("/challenges/" + other + "/reports?lang=zh",
                Map.of("milestone", String.valueOf(milestone), "progress", "50", "note", "流片完成一半"));
        assertThat(elsewhere.status()).isEqualTo(404);
        assertThat(count("select count(*) from milestone_report where milestone_id = :id", milestone)).isZero();

        // acceptance: a measured value in words
        Map<String, String> acceptance = new LinkedHashMap<>(Map.of("achieved1", "210", "evidence1", "第三方测试报告", "achieved2", "四点八",
                "evidence2", "检测 <报告>", "verdict", "fail", "note", "部分指标未达到"));
        HelixClient.Response measured = admin.postForm("/challenges/" + extId + "/acceptance?lang=en", acceptance);
        assertThat(measured.status()).isEqualTo(400);
        assertThat(measured.body()).contains("value=\"四点八\" aria-invalid=\"true\"").contains("value=\"210\"")
                .contains("value=\"检测 &lt;报告>\"").contains("<option value=\"fail\" selected>").contains(">部分指标未达到</textarea>")
                .contains("id=\"f-acceptance-evidence-error\">a number is expected, such as 25.5 (you typed “四点八”)</span>");
        assertThat(f.system(() -> f.challenges.find(extId)).status()).isEqualTo(ChallengeStatus.IN_PROGRESS);

        // a conflict in the page's language naming the status in the way, the typed id kept; a button without its
        // confirmation, in the page's language
        HelixClient.Response late = admin.postForm("/challenges/" + extId + "/invitations?lang=zh", Map.of("organization", "org-typed"));
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.body()).contains("本榜单已在攻关中，不能再进行此操作。").contains("value=\"org-typed\"")
                .doesNotContain("only a published challenge");
        HelixClient.Response unconfirmed = admin.postForm("/challenges/" + extId + "/actions/terminate?lang=zh", Map.of());
        assertThat(unconfirmed.status()).isEqualTo(302);
        assertThat(admin.get("/challenges/" + extId).body()).contains("请勾选确认").doesNotContain("tick the box");
    }

    @Test
    void anInvitationOfAnUnknownOrganizationComesBackAsTyped() {
        ChallengeFixtures f = ChallengeFixtures.of(context);
        String extId = f.published("邀请表单 " + AccessFixtures.unique("invite"), "any");
        HelixClient admin = signedIn(f.access.user(null, Role.ADMIN));
        HelixClient.Response refused = admin.postForm("/challenges/" + extId + "/invitations?lang=zh", Map.of("organization", "org-<nowhere>"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("value=\"org-&lt;nowhere>\"").contains("aria-invalid=\"true\"")
                .contains("id=\"f-invite-organization-error\">没有编号为 org-&lt;nowhere&gt; 的机构，请从建议中选择</span>");
        assertThat(count("select count(*) from challenge_invitation i join challenge c on c.id = i.challenge_id where c.ext_id = :id", extId))
                .isZero();
    }

    @Test
    void aSecondApplicationIsRefusedInThePagesLanguageAsTyped() {
        ChallengeFixtures f = ChallengeFixtures.of(context);
        String extId = f.published("二次申报 " + AccessFixtures.unique("again"), "any");
        f.as(enterprise, () -> f.applications.apply(extId, ChallengeFixtures.application("first", java.util.List.of(), java.util.List.of())));
        HelixClient client = signedIn();
        HelixClient.Response again = client.postMultipart("/challenges/" + extId + "/applications?lang=zh", application("", "", ""), "file",
                "", new byte[0]);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body()).contains("贵单位已申报过本榜单。").contains(">硅光 &lt;方案&gt; &amp; 验证</textarea>")
                .doesNotContain("has applied to the challenge already");
        assertThat(applications(extId)).isEqualTo(1);

        // assigning a conflicted reviewer (a button): refused in the page's language after the redirect
        Account colleague = f.access.user(enterprise.organizationId(), Role.REVIEWER);
        HelixClient admin = signedIn(f.access.user(null, Role.ADMIN));
        HelixClient.Response assign = admin.postForm("/challenges/" + extId + "/reviewers?lang=zh", Map.of("userId", String.valueOf(colleague.id())));
        assertThat(assign.status()).isEqualTo(302);
        assertThat(admin.get("/challenges/" + extId + "/reviewers").body())
                .contains("该专家与发榜方或揭榜团队成员同单位（" + f.nameOfOrganization(enterprise.organizationId()) + "），存在利益冲突，不能加入评审组。")
                .doesNotContain("conflict of interest:");
        assertThat(jdbc.sql("select count(*) from challenge_reviewer where user_id = :u").param("u", colleague.id()).query(Long.class).single())
                .isZero();
    }
    @Test
    void anActionTheStatusDoesNotAllowNamesThatStatusInThePagesLanguage() {
        ChallengeFixtures f = ChallengeFixtures.of(context);
        String extId = f.published("状态冲突 " + AccessFixtures.unique("status"), "any");
        long application = f.as(enterprise, () -> f.applications.apply(extId, ChallengeFixtures.application("plan", java.util.List.of(),
                java.util.List.of()))).id();
        HelixClient admin = signedIn(f.access.user(null, Role.ADMIN));

        // the award while the call is still open: 409 on the challenge's page, the status named, nothing written
        // (the page offers no award form in this status, so there is no typed form to show again)
        Map<String, String> award = new LinkedHashMap<>(Map.of("applicationId", String.valueOf(application), "rationale", "方案 <最优>",
                "m1Title", "样片流片", "m1Deliverable", "8 片样片", "m1Due", LocalDate.now().plusMonths(6).toString(), "m1Tranche", "100"));
        HelixClient.Response zh = admin.postForm("/challenges/" + extId + "/award?lang=zh", award);
        assertThat(zh.status()).isEqualTo(409);
        assertThat(zh.body()).contains("本榜单正在揭榜（申报尚未截止），现在不能进行此操作。")
                .doesNotContain("榜单当前状态（见页面顶部）").doesNotContain("cannot award");
        HelixClient.Response en = admin.postForm("/challenges/" + extId + "/award?lang=en", award);
        assertThat(en.status()).isEqualTo(409);
        assertThat(en.body()).contains("this challenge is open for applications (its call is not closed yet): this cannot be done now.")
                .doesNotContain("cannot award");
        assertThat(f.system(() -> f.challenges.find(extId)).status()).isEqualTo(ChallengeStatus.PUBLISHED);
        assertThat(count("select count(*) from milestone m join challenge c on c.id = m.challenge_id where c.ext_id = :id", extId)).isZero();

        // closed without an award: applying is refused (409) and a button refused after the redirect, each naming it
        f.system(() -> f.challenges.perform(extId, ChallengeAction.CLOSE));
        HelixClient team = signedIn();
        HelixClient.Response apply = team.postMultipart("/challenges/" + extId + "/applications?lang=zh", application("", "", ""), "file",
                "", new byte[0]);
        assertThat(apply.status()).isEqualTo(409);
        assertThat(apply.body()).contains("本榜单已流榜（未授予即结束），不能再进行此操作。").contains(">硅光 &lt;方案&gt; &amp; 验证</textarea>")
                .doesNotContain("申报已截止，本榜单不再接受申报。").doesNotContain("takes no applications");
        apply = team.postMultipart("/challenges/" + extId + "/applications?lang=en", application("", "", ""), "file", "", new byte[0]);
        assertThat(apply.status()).isEqualTo(409);
        assertThat(apply.body()).contains("this challenge was closed without an award: this can no longer be done.");

        HelixClient.Response again = admin.postForm("/challenges/" + extId + "/actions/start-review?lang=zh", Map.of());
        assertThat(again.status()).isEqualTo(302);
        assertThat(admin.get("/challenges/" + extId).body()).contains("本榜单已流榜（未授予即结束），不能再进行此操作。")
                .doesNotContain("cannot start review");
        admin.postForm("/challenges/" + extId + "/actions/start-review?lang=en", Map.of());
        assertThat(admin.get("/challenges/" + extId).body()).contains("this challenge was closed without an award: this can no longer be done.");
        assertThat(applications(extId)).isEqualTo(1);
        assertThat(f.system(() -> f.challenges.find(extId)).status()).isEqualTo(ChallengeStatus.CLOSED);
    }

    // --- lists past the end -------------------------------------------------------------------

    @Test
    void aPageNumberPastTheEndShowsTheLastPageAndABadOneTheFirst() {
        ChallengeFixtures f = ChallengeFixtures.of(context);
        f.published("翻页 " + AccessFixtures.unique("pages"), "any");
        HelixClient visitor = HelixClient.browser(port);
        long total = f.challenges.list(null, null, null, null, "newest", false, 0, 20).total(); // as a visitor (no drafts), 20 a page
        long pages = Math.max(1, (total + 19) / 20);

        HelixClient.Response past = visitor.get("/challenges?lang=en&page=99999");
        assertThat(past.status()).isEqualTo(200);
        assertThat(past.body()).doesNotContain("No challenge matches").contains("data-challenge=");
        if (pages > 1) {
            assertThat(past.body()).contains("<span class=\"current\">" + pages + " / " + pages + "</span>");
        }
        assertThat(visitor.get("/challenges?lang=en&page=99999999999999999999").status()).isEqualTo(200);
        for (String bad : new String[] {"-3", "abc", ""}) {
            HelixClient.Response first = visitor.get("/challenges?lang=en&page=" + bad);
            assertThat(first.status()).as(bad).isEqualTo(200);
            assertThat(first.body()).as(bad).doesNotContain("rel=\"prev\"");
        }

        HelixClient.Response archive = visitor.get("/challenges/archive?lang=en&page=99999");
        assertThat(archive.status()).isEqualTo(200);
        assertThat(archive.body()).doesNotContain("No call matches.").contains("rel=\"prev\"").doesNotContain("rel=\"next\"")
                .containsPattern("<span class=\"current\">(\\d+) / \\1</span>");
        HelixClient.Response first = visitor.get("/challenges/archive?lang=zh&page=x");
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body()).contains("<span class=\"current\">1 / ").doesNotContain("rel=\"prev\"");
    }

    // --- the sponsor does not take on its own challenge ---------------------------------------

    @Test
    void theSponsorIsToldItDoesNotApplyToItsOwnChallengeInThePagesLanguage() {
        ChallengeFixtures f = ChallengeFixtures.of(context);
        String extId = f.as(enterprise, () -> f.challenges.create(ChallengeFixtures.draft("发榜方自揭 " + AccessFixtures.unique("own"), "any")).extId());
        f.system(() -> f.challenges.perform(extId, ChallengeAction.PUBLISH));
        HelixClient client = signedIn();

        HelixClient.Response page = client.get("/challenges/" + extId + "?lang=zh");
        assertThat(page.body()).contains("id=\"sponsor-side-note\">您的机构是本榜单的发榜方：由发榜方出题，其他机构揭榜。")
                .doesNotContain("id=\"apply\"");
        assertThat(client.get("/challenges/" + extId + "/apply?lang=en").body())
                .contains("id=\"sponsor-side-note\">Your organization sponsors this challenge: it poses the problem, and other organizations apply to solve it.");
        HelixClient.Response refused = client.postMultipart("/challenges/" + extId + "/applications?lang=zh", application("", "", ""), "file",
                "", new byte[0]);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"f-leadOrganization-error\">" + f.nameOfOrganization(enterprise.organizationId())
                        + "是本榜单的发榜方或其下属单位：发榜方出题、他方揭榜，不能作为牵头单位申报，请选择其他牵头单位。</span>")
                .contains(">硅光 &lt;方案&gt; &amp; 验证</textarea>");
        HelixClient.Response english = client.postMultipart("/challenges/" + extId + "/applications?lang=en", application("", "", ""), "file",
                "", new byte[0]);
        assertThat(english.body()).contains("is the sponsor of this challenge or one of its units: the sponsor poses the problem and other organizations solve it");
        assertThat(applications(extId)).isZero();

        // the department's teams page: inviting the sponsor by its id is refused on that input
        HelixClient admin = signedIn(f.access.user(null, Role.ADMIN));
        HelixClient.Response invite = admin.postForm("/challenges/" + extId + "/invitations?lang=en",
                Map.of("organization", f.extIdOfOrganization(enterprise.organizationId())));
        assertThat(invite.status()).isEqualTo(400);
        assertThat(invite.body()).contains("is the sponsor of this challenge or one of its units: the sponsor poses the problem, so it is not invited to solve it");
        assertThat(count("select count(*) from challenge_invitation i join challenge c on c.id = i.challenge_id where c.ext_id = :id", extId))
                .isZero();
    }

    // --- withdrawing and editing an application -----------------------------------------------

    @Test
    void theApplicantWithdrawsOnlyWithTheBoxTickedAndTheApplicationStaysShownAsWithdrawn() {
        ChallengeFixtures f = ChallengeFixtures.of(context);
        String extId = f.published("撤回申报 " + AccessFixtures.unique("withdraw"), "any");
        long application = f.as(enterprise, () -> f.applications.apply(extId, ChallengeFixtures.application("plan", java.util.List.of(),
                java.util.List.of()))).id();
        HelixClient client = signedIn();
        String path = "/challenges/applications/" + application;
        assertThat(client.get(path + "?lang=zh").body()).contains("id=\"withdraw-form\"").contains("id=\"confirm-withdraw-application\"")
                .contains("id=\"edit-application\"");

        HelixClient.Response unconfirmed = client.postForm(path + "/withdraw?lang=zh", Map.of());
        assertThat(unconfirmed.status()).isEqualTo(302);
        assertThat(client.get(path).body()).contains("请勾选确认");
        assertThat(status(application)).isEqualTo("submitted");

        assertThat(client.postForm(path + "/withdraw?lang=en", Map.of("confirm", "yes")).status()).isEqualTo(302);
        assertThat(status(application)).isEqualTo("withdrawn");
        HelixClient.Response shown = client.get(path + "?lang=en");
        assertThat(shown.body()).contains("id=\"application-status\">Withdrawn</span>").contains("id=\"withdrawn-note\"")
                .contains("The application is withdrawn.").doesNotContain("id=\"withdraw-form\"").doesNotContain("id=\"attach-form\"");
        assertThat(client.get(path + "?lang=zh").body()).contains(">已撤回</span>");
        HelixClient admin = signedIn(f.access.user(null, Role.ADMIN));
        assertThat(admin.get("/challenges/" + extId + "?lang=en").body()).contains("data-application=\"" + application + "\"")
                .contains("<td>Withdrawn</td>");
        // someone else's application: not theirs to withdraw
        Account other = f.access.user(f.organization("Withdraw Stranger Ltd", "enterprise", null), Role.ENTERPRISE);
        long theirs = f.as(other, () -> f.applications.apply(extId, ChallengeFixtures.application("theirs", java.util.List.of(),
                java.util.List.of()))).id();
        assertThat(client.postForm("/challenges/applications/" + theirs + "/withdraw", Map.of("confirm", "yes")).status()).isEqualTo(404);
        assertThat(status(theirs)).isEqualTo("submitted");
    }

    @Test
    void anEditedApplicationIsSavedAndAStaleEditComesBackAsTyped() {
        ChallengeFixtures f = ChallengeFixtures.of(context);
        String extId = f.published("修改申报 " + AccessFixtures.unique("edit-app"), "any");
        ApplicationView applied = f.as(enterprise, () -> f.applications.apply(extId, ChallengeFixtures.application("初版", java.util.List.of(),
                java.util.List.of())));
        HelixClient client = signedIn();
        String path = "/challenges/applications/" + applied.id() + "/edit";
        HelixClient.Response form = client.get(path + "?lang=zh");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains(">初版</textarea>").contains("name=\"version\" value=\"" + applied.version() + "\"")
                .contains("id=\"lead-fixed\"").contains("value=\"224\"").doesNotContain("id=\"file\"");

        Map<String, String> typed = new LinkedHashMap<>(Map.of("partners", "", "people", "", "plan", "修订 <方案>", "commit1", "230",
                "commit2", "4.2", "version", String.valueOf(applied.version())));
        assertThat(client.postForm(path + "?lang=zh", typed).status()).isEqualTo(302);
        assertThat(f.system(() -> f.applications.find(applied.id())).plan()).isEqualTo("修订 <方案>");

        typed.put("plan", "过期的修改");
        HelixClient.Response stale = client.postForm(path + "?lang=zh", typed);
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.body()).contains("本申报已被修改").contains(">过期的修改</textarea>").contains("value=\"4.2\"");
        assertThat(f.system(() -> f.applications.find(applied.id())).plan()).isEqualTo("修订 <方案>");

        typed.put("version", String.valueOf(applied.version() + 1));
        typed.put("commit2", "很低");
        HelixClient.Response bad = client.postForm(path + "?lang=en", typed);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("id=\"commit2\" name=\"commit2\" aria-invalid=\"true\" aria-describedby=\"f-commitments-error\" value=\"很低\"").contains(">过期的修改</textarea>");

        // another enterprise may not open the form
        Account other = f.access.user(f.organization("Edit Stranger Ltd", "enterprise", null), Role.ENTERPRISE);
        assertThat(signedIn(other).get(path).status()).isEqualTo(404);
    }

    /** A text area's text as the browser reads it (the line break right after its opening tag is not part of it). */
    private static String textarea(String html, String id) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<textarea\\b[^>]*\\bid=\"" + java.util.regex.Pattern.quote(id)
                + "\"[^>]*>\\n?([\\s\\S]*?)</textarea>").matcher(html);
        assertThat(m.find()).as("a text area #%s", id).isTrue();
        return org.springframework.web.util.HtmlUtils.htmlUnescape(m.group(1));
    }

    /**
     * A partner whose id holds a comma and a semicolon (an id may) is shown one id a line in the application's edit form,
     * and stays one partner when the form is saved unchanged, alone or with another; typed on one line, ids are still
     * separated by commas or whitespace.
     */
    @Test
    void aPartnerWhoseIdHoldsACommaSurvivesTheEditFormSavedUnchanged() {
        ChallengeFixtures f = ChallengeFixtures.of(context);
        String extId = f.published("逗号伙伴 " + AccessFixtures.unique("comma-partner"), "any");
        long commaPartner = f.organization("Comma Partner", "enterprise", null);
        String commaId = AccessFixtures.unique("org,x;y");
        jdbc.sql("update organization set ext_id = :e where id = :o").param("e", commaId).param("o", commaPartner).update();
        String other = f.extIdOfOrganization(f.organization("Other Partner", "university", null));
        HelixClient client = signedIn();

        // applied through the form, the partner typed on a line of its own
        HelixClient.Response applied = client.postMultipart("/challenges/" + extId + "/applications?lang=en",
                application(commaId + "\r\n", "", ""), "file", "", new byte[0]);
        assertThat(applied.status()).as(applied.body()).isEqualTo(302);
        long id = Long.parseLong(applied.header("Location").replaceAll(".*/applications/(\\d+).*", "$1"));
        java.util.function.Supplier<List<String>> partners = () -> f.system(() -> f.applications.find(id)).partners().stream()
                .map(ApplicationView.Member::extId).toList();
        assertThat(partners.get()).containsExactly(commaId);

        String path = "/challenges/applications/" + id + "/edit";
        for (List<String> expected : List.of(List.of(commaId), List.of(commaId, other))) {
            if (expected.size() == 2) {
                Map<String, String> typed = new LinkedHashMap<>(Map.of("partners", commaId + "\r\n" + other + "\r\n", "people", "",
                        "plan", "方案", "commit1", "224", "commit2", "4.5", "version", String.valueOf(f.system(() -> f.applications.find(id)).version())));
                assertThat(client.postForm(path + "?lang=en", typed).status()).isEqualTo(302);
            }
            String form = client.get(path + "?lang=en").body();
            assertThat(textarea(form, "partners")).isEqualTo(String.join("", expected.stream().map(e -> e + "\n").toList()));
            Map<String, String> unchanged = new LinkedHashMap<>(Map.of("partners", textarea(form, "partners").replace("\n", "\r\n"),
                    "people", textarea(form, "people"), "plan", textarea(form, "plan"), "commit1", "224", "commit2", "4.5",
                    "version", String.valueOf(f.system(() -> f.applications.find(id)).version())));
            HelixClient.Response saved = client.postForm(path + "?lang=en", unchanged);
            assertThat(saved.status()).as(saved.body()).isEqualTo(302);
            assertThat(partners.get()).containsExactlyElementsOf(expected);
        }

        // typed on one line, as before: separated by a comma or by whitespace
        long third = f.organization("Third Partner", "enterprise", null);
        for (String line : List.of(other + ", " + f.extIdOfOrganization(third), other + " " + f.extIdOfOrganization(third))) {
            Map<String, String> typed = new LinkedHashMap<>(Map.of("partners", line, "people", "", "plan", "方案", "commit1", "224",
                    "commit2", "4.5", "version", String.valueOf(f.system(() -> f.applications.find(id)).version())));
            HelixClient.Response saved = client.postForm(path + "?lang=en", typed);
            assertThat(saved.status()).as(line + ": " + saved.body()).isEqualTo(302);
            assertThat(partners.get()).as(line).containsExactly(other, f.extIdOfOrganization(third));
        }
    }

    // --- editing a draft ----------------------------------------------------------------------

    @Test
    void theAuthorEditsADraftWithTheFormOfPostingAndAStaleEditKeepsWhatWasTyped() {
        ChallengeFixtures f = ChallengeFixtures.of(context);
        HelixClient client = signedIn();
        String title = "草稿修改 " + AccessFixtures.unique("edit-draft");
        assertThat(client.postForm("/challenges?lang=zh", typed(title)).status()).isEqualTo(302);
        String extId = jdbc.sql("select ext_id from challenge where title_zh = :t").param("t", title).query(String.class).single();
        assertThat(client.get("/challenges/" + extId + "?lang=zh").body()).contains("id=\"edit-challenge\"");

        HelixClient.Response form = client.get("/challenges/" + extId + "/edit?lang=zh");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains("value=\"" + title + "\"").contains("value=\"kct-05\" selected").contains("name=\"version\" value=\"0\"")
                .contains("action=\"/challenges/" + extId + "/edit\"").contains("value=\"500000\"");

        Map<String, String> edited = typed(title + "（修订）");
        edited.put("version", "0");
        edited.put("budget", "600000");
        assertThat(client.postForm("/challenges/" + extId + "/edit?lang=zh", edited).status()).isEqualTo(302);
        assertThat(rows(title + "（修订）")).isEqualTo(1);
        assertThat(f.system(() -> f.challenges.find(extId)).budget()).isEqualByComparingTo("600000");

        edited.put("titleZh", title + "（过期）");
        HelixClient.Response stale = client.postForm("/challenges/" + extId + "/edit?lang=en", edited);
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.body()).contains("this draft was changed meanwhile (you opened version 0, it is now version 1)")
                .contains("value=\"" + title + "（过期）\"");
        assertThat(rows(title + "（过期）")).isZero();

        edited.put("version", "1");
        edited.put("deadline", "2001-01-01");
        HelixClient.Response past = client.postForm("/challenges/" + extId + "/edit?lang=en", edited);
        assertThat(past.status()).isEqualTo(400);
        assertThat(past.body()).contains("id=\"f-deadline-error\">the application deadline must be in the future</span>");
        assertThat(rows(title + "（过期）")).isZero();

        // another enterprise: the draft does not exist for it
        Account other = f.access.user(f.organization("Draft Stranger Ltd", "enterprise", null), Role.ENTERPRISE);
        assertThat(signedIn(other).get("/challenges/" + extId + "/edit").status()).isEqualTo(404);
    }

    /**
     * A draft posted through the API with as many targets as a challenge may have (20) keeps every one of them,
     * in order and with its direction, when its author opens the edit page and saves it unchanged: the page shows
     * a row for each. The API refuses a 21st, naming the field, so no draft has a target the form cannot show.
     */
    @Test
    void aDraftWithTheMostTargetsKeepsThemAllThroughTheEditFormAndTheApiRefusesOneMoreNamingTheField() {
        ChallengeFixtures f = ChallengeFixtures.of(context);
        HelixClient api = HelixClient.basic(port, enterprise.email(), AccessFixtures.PASSWORD);
        String title = "二十项指标 " + AccessFixtures.unique("targets-max");
        String deadline = java.time.Instant.now().plus(30, java.time.temporal.ChronoUnit.DAYS).toString();
        HelixClient.Response tooMany = api.json("POST", "/api/v1/challenges", draftJson(title, deadline, 21));
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.body()).contains("\"field\":\"targets\"").contains("give 1 to 20 measurable targets");
        assertThat(rows(title)).isZero();
        HelixClient.Response created = api.json("POST", "/api/v1/challenges", draftJson(title, deadline, 20));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String extId = jdbc.sql("select ext_id from challenge where title_zh = :t").param("t", title).query(String.class).single();

        HelixClient client = signedIn();
        String page = client.get("/challenges/" + extId + "/edit?lang=zh").body();
        Map<String, String> form = typed(title + "（修订）");
        form.put("version", "0");
        form.keySet().removeIf(field -> field.startsWith("target")); // the rows are the page's
        java.util.regex.Matcher input = java.util.regex.Pattern
                .compile("name=\"(target\\d+(?:Indicator|Unit|Threshold))\"[^>]*value=\"([^\"]*)\"").matcher(page);
        while (input.find()) {
            form.put(input.group(1), input.group(2));
        }
        java.util.regex.Matcher lower = java.util.regex.Pattern
                .compile("name=\"(target\\d+)Direction\">\\s*<option value=\"higher\">[^<]*</option>\\s*<option value=\"lower\" selected").matcher(page);
        while (lower.find()) {
            form.put(lower.group(1) + "Direction", "lower");
        }
        for (int i = 1; i <= 20; i++) {
            assertThat(form).as("row %d on the edit page", i).containsEntry("target" + i + "Indicator", "指标" + i);
        }
        HelixClient.Response saved = client.postForm("/challenges/" + extId + "/edit?lang=zh", form);
        assertThat(saved.status()).as(saved.body()).isEqualTo(302);

        java.util.List<org.triplehelix.challenge.Target> kept = f.system(() -> f.challenges.find(extId)).targets();
        assertThat(kept).hasSize(20);
        for (int i = 1; i <= 20; i++) {
            org.triplehelix.challenge.Target target = kept.get(i - 1);
            assertThat(target.indicator()).isEqualTo("指标" + i);
            assertThat(target.unit()).isEqualTo("u" + i);
            assertThat(target.threshold()).isEqualByComparingTo(String.valueOf(i * 10));
            assertThat(target.higherIsBetter()).as("target %d's direction", i).isEqualTo(i % 2 == 1);
        }
        assertThat(rows(title + "（修订）")).isEqualTo(1);
    }

    private static String draftJson(String title, String deadline, int targets) {
        StringBuilder list = new StringBuilder();
        for (int i = 1; i <= targets; i++) {
            list.append(i == 1 ? "" : ", ").append("{\"position\": %d, \"indicator\": \"指标%d\", \"unit\": \"u%d\", \"threshold\": %d, \"higherIsBetter\": %s}"
                    .formatted(i, i, i, i * 10, i % 2 == 1));
        }
        return """
                {"titleZh": "%s", "problemZh": "问题", "technologyCode": "kct-05", "budget": 100, "durationMonths": 12,
                 "deadline": "%s", "targets": [%s]}
                """.formatted(title, deadline, list);
    }

    // --- progress going backwards -------------------------------------------------------------

    @Test
    void progressGoingBackAsksWhyAndIsShownHighlighted() {
        ChallengeFixtures f = ChallengeFixtures.of(context);
        String extId = f.published("进度回退 " + AccessFixtures.unique("back"), "any");
        long application = f.as(enterprise, () -> f.applications.apply(extId, ChallengeFixtures.application("plan", java.util.List.of(),
                java.util.List.of()))).id();
        f.system(() -> f.challenges.perform(extId, ChallengeAction.START_REVIEW));
        f.system(() -> f.reviews.award(extId, ChallengeFixtures.award(application)));
        long milestone = f.delivery.milestones(extId).getFirst().id();
        f.as(enterprise, () -> f.delivery.report(milestone, 60, "过半"));
        HelixClient client = signedIn();

        Map<String, String> report = new LinkedHashMap<>(Map.of("milestone", String.valueOf(milestone), "progress", "40", "note", "返工 <重做>",
                "reason", ""));
        HelixClient.Response refused = client.postForm("/challenges/" + extId + "/reports?lang=zh", report);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"f-reason-error\">进度由上次的 60% 降至 40%：请在“进度回退原因”中说明原因</span>")
                .contains("id=\"reason\" name=\"reason\" rows=\"2\" maxlength=\"2000\" aria-invalid=\"true\"")
                .contains(">返工 &lt;重做&gt;</textarea>").contains("value=\"40\"");
        assertThat(f.delivery.milestones(extId).getFirst().progress()).isEqualTo(60);

        report.put("reason", "样片良率不达标");
        assertThat(client.postForm("/challenges/" + extId + "/reports?lang=en", report).status()).isEqualTo(302);
        HelixClient.Response shown = client.get("/challenges/" + extId + "?lang=en");
        assertThat(shown.body()).contains("id=\"regression-" + milestone + "\">Progress went back: 60% → 40%</span>")
                .contains("Reason: 样片良率不达标");
        assertThat(client.get("/challenges/" + extId + "?lang=zh").body()).contains("进度回退：60% → 40%");
    }

    private String status(long application) {
        return jdbc.sql("select status from challenge_application where id = :id").param("id", application).query(String.class).single();
    }
}

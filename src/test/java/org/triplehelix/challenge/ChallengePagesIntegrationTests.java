package org.triplehelix.challenge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
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
                .contains("id=\"budget\" name=\"budget\" aria-invalid=\"true\" value=\"五十万\"")
                .contains("id=\"f-budget-error\">应填写数字，例如 25.5（您填写的是“五十万”）</span>")
                .contains("<a href=\"#budget\">经费或奖励（元）</a>");
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
        assertThat(refused.body()).contains("id=\"deadline\" name=\"deadline\" aria-invalid=\"true\" type=\"date\" value=\"2001-01-01\"")
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
                .contains("id=\"partners\" name=\"partners\" aria-invalid=\"true\" rows=\"3\">org-nowhere-at-all</textarea>")
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
                .contains("id=\"commit2\" name=\"commit2\" aria-invalid=\"true\" value=\"\"")
                .contains("id=\"commit1\" name=\"commit1\" value=\"224\"")
                .doesNotContain("f-file-again");
        assertThat(applications(extId)).isZero();
    }
}

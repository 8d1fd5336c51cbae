package org.triplehelix.challenge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import org.triplehelix.access.AccessFixtures;
import org.triplehelix.access.Account;
import org.triplehelix.access.HelixClient;
import org.triplehelix.access.Role;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON API as scripts see it: problem details with the field at fault, 409 for an illegal
 * transition and for a late application, attachments with their limits, reviewer candidates
 * with {@code eligible} and the reasons, the invitations of the caller's organization and their
 * withdrawal (the page's form asks for a confirmation).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChallengeApiIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    ChallengeFixtures f;
    HelixClient admin;
    Account adminAccount;
    HelixClient applicant;
    Account applicantAccount;

    @BeforeAll
    void clients() {
        f = ChallengeFixtures.of(context);
        adminAccount = f.access.user(null, Role.ADMIN);
        admin = HelixClient.basic(port, adminAccount.email(), AccessFixtures.PASSWORD);
        applicantAccount = f.access.user(f.organization("API Applicant Ltd", "enterprise", null), Role.ENTERPRISE);
        applicant = HelixClient.basic(port, applicantAccount.email(), AccessFixtures.PASSWORD);
    }

    @Test
    void badInputNamesTheFieldAndIllegalTransitionsAnswer409() {
        HelixClient.Response missing = admin.json("POST", "/api/v1/challenges", "{\"titleZh\": \"无问题\", \"budget\": 1}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body()).contains("\"field\":\"problem\"");

        String extId = f.published("接口榜单", "any");
        HelixClient.Response again = admin.json("POST", "/api/v1/challenges/" + extId + "/publish", null);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.header("Content-Type")).startsWith("application/problem+json");
        assertThat(again.body()).contains("\"status\":\"published\"").contains("\"action\":\"publish\"");
        assertThat(admin.json("POST", "/api/v1/challenges/" + extId + "/start", null).status()).isEqualTo(409);
        assertThat(admin.json("POST", "/api/v1/challenges/" + extId + "/accept", null).status()).isIn(404, 405);
        assertThat(admin.json("GET", "/api/v1/challenges/no-such-challenge", null).status()).isEqualTo(404);
    }

    @Test
    void applicationsWithAttachmentsWithinTheLimitsAndNotAfterTheDeadline() {
        String extId = f.published("附件榜单", "any");
        HelixClient.Response applied = applicant.json("POST", "/api/v1/challenges/" + extId + "/applications",
                "{\"plan\": \"方案\", \"commitments\": {\"1\": 224, \"2\": 4}}");
        assertThat(applied.status()).isEqualTo(201);
        long id = Long.parseLong(applied.body().replaceFirst("^\\{\"id\":(\\d+),.*", "$1"));

        HelixClient.Response pdf = upload(applicant, id, "plan.pdf", "%PDF-1.4 a technical plan".getBytes(StandardCharsets.UTF_8));
        assertThat(pdf.status()).isEqualTo(201);
        assertThat(pdf.body()).contains("\"contentType\":\"application/pdf\"");
        HelixClient.Response exe = upload(applicant, id, "tool.exe", "MZ".getBytes(StandardCharsets.UTF_8));
        assertThat(exe.status()).isEqualTo(400);
        assertThat(exe.body()).contains("\"field\":\"file\"").contains("only PDF");
        HelixClient.Response big = upload(applicant, id, "big.pdf", new byte[Applications.MAX_ATTACHMENT_BYTES + 1]);
        assertThat(big.status()).isEqualTo(400);
        assertThat(big.body()).contains("larger than 5 MB");
        long attachment = Long.parseLong(pdf.body().replaceFirst("^\\{\"id\":(\\d+),.*", "$1"));
        HelixClient.Response download = applicant.get("/api/v1/challenges/applications/" + id + "/attachments/" + attachment);
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.body()).startsWith("%PDF");
        assertThat(HelixClient.browser(port).get("/api/v1/challenges/applications/" + id + "/attachments/" + attachment).status()).isEqualTo(404);

        f.pastDeadline(extId);
        HelixClient.Response late = HelixClient.basic(port, f.access.user(f.organization("Late Ltd", "enterprise", null), Role.ENTERPRISE).email(),
                AccessFixtures.PASSWORD).json("POST", "/api/v1/challenges/" + extId + "/applications", "{\"plan\": \"迟到\", \"commitments\": {\"1\": 1, \"2\": 1}}");
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.body()).contains("deadline");
        assertThat(upload(applicant, id, "late.pdf", "%PDF-1.4".getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(409);
    }

    @Test
    void reviewerCandidatesSayWhetherEligibleAndWhy() {
        long lead = f.organization("Candidate Lead Ltd", "enterprise", null);
        Account leader = f.access.user(lead, Role.ENTERPRISE);
        String extId = f.published("候选专家", "any");
        f.as(leader, () -> f.applications.apply(extId, ChallengeFixtures.application("plan", List.of(), List.of())));
        Account colleague = f.access.user(lead, Role.REVIEWER);
        HelixClient.Response candidates = admin.get("/api/v1/challenges/" + extId + "/reviewer-candidates");
        assertThat(candidates.status()).isEqualTo(200);
        String mine = candidates.body().substring(candidates.body().indexOf("{\"userId\":" + colleague.id() + ","));
        assertThat(mine).startsWith("{\"userId\":" + colleague.id()).contains("\"eligible\":false").contains("\"code\":\"same-organization\"");
        HelixClient.Response refused = admin.json("POST", "/api/v1/challenges/" + extId + "/reviewers", "{\"userId\": " + colleague.id() + "}");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body()).contains("same-organization");
    }

    @Test
    void theInvitationsOfMyOrganizationComeAsAPageAndAVisitorIsToldToSignIn() {
        long invited = f.organization("API Invited Institute", "research_institute", null);
        HelixClient invitedUser = HelixClient.basic(port, f.access.user(invited, Role.RESEARCHER).email(), AccessFixtures.PASSWORD);
        String extId = f.published("接口邀请", "any");
        String organization = f.extIdOfOrganization(invited);
        assertThat(invitedUser.get("/api/v1/challenges/invitations").body()).contains("\"total\":0");
        assertThat(admin.json("POST", "/api/v1/challenges/" + extId + "/invitations", "{\"organization\": \"" + organization + "\"}").status())
                .isEqualTo(201);

        HelixClient.Response mine = invitedUser.get("/api/v1/challenges/invitations");
        assertThat(mine.status()).isEqualTo(200);
        JsonNode page = JSON.readTree(mine.body());
        assertThat(page.get("total").asLong()).isEqualTo(1);
        assertThat(page.get("page").asInt()).isZero();
        assertThat(page.get("size").asInt()).isEqualTo(20);
        JsonNode invitation = page.get("items").get(0);
        assertThat(invitation.get("challengeExtId").asString()).isEqualTo(extId);
        assertThat(invitation.get("challengeTitle").get("zh").asString()).isEqualTo("接口邀请");
        assertThat(invitation.get("organizationExtId").asString()).isEqualTo(organization);
        assertThat(invitation.get("organization").get("en").asString()).startsWith("API Invited Institute");
        assertThat(java.time.Instant.parse(invitation.get("deadline").asString())).isEqualTo(f.challenges.find(extId).deadline());
        assertThat(java.time.Instant.parse(invitation.get("invitedAt").asString())).isBefore(java.time.Instant.now().plusSeconds(1));

        // another organization's user sees an empty page; a visitor gets the problem detail
        HelixClient.Response others = applicant.get("/api/v1/challenges/invitations");
        assertThat(others.status()).isEqualTo(200);
        assertThat(JSON.readTree(others.body()).get("items").size()).isZero();
        HelixClient.Response visitor = HelixClient.browser(port).json("GET", "/api/v1/challenges/invitations", null);
        assertThat(visitor.status()).isEqualTo(401);
        assertThat(visitor.header("Content-Type")).startsWith("application/problem+json");
        assertThat(JSON.readTree(visitor.body()).get("status").asInt()).isEqualTo(401);
    }

    @Test
    void anInvitationIsWithdrawnOnlyWhenConfirmedOnThePageAndOnceThroughTheApi() {
        long invited = f.organization("API Withdrawn Ltd", "enterprise", null);
        String organization = f.extIdOfOrganization(invited);
        String extId = f.published("撤回接口", "any");
        f.system(() -> f.challenges.invite(extId, organization));
        HelixClient department = HelixClient.browser(port);
        assertThat(department.signIn(adminAccount.email(), AccessFixtures.PASSWORD)).isTrue();

        HelixClient.Response unconfirmed = department.postForm("/challenges/" + extId + "/invitations/" + organization + "/withdraw", Map.of());
        assertThat(unconfirmed.status()).isEqualTo(302);
        assertThat(f.system(() -> f.challenges.invitations(extId))).hasSize(1);

        assertThat(admin.json("DELETE", "/api/v1/challenges/" + extId + "/invitations/" + organization, null).status()).isEqualTo(204);
        assertThat(f.system(() -> f.challenges.invitations(extId))).isEmpty();
        HelixClient.Response again = admin.json("DELETE", "/api/v1/challenges/" + extId + "/invitations/" + organization, null);
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.header("Content-Type")).startsWith("application/problem+json");
        HelixClient.Response unknown = admin.json("DELETE", "/api/v1/challenges/" + extId + "/invitations/no-such-organization", null);
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(JSON.readTree(unknown.body()).get("field").asString()).isEqualTo("organization");
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static HelixClient.Response upload(HelixClient client, long application, String name, byte[] content) {
        String boundary = "----challenge" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return client.send("POST", "/api/v1/challenges/applications/" + application + "/attachments",
                Map.of("Content-Type", "multipart/form-data; boundary=" + boundary, "Accept", "application/json"), body.toByteArray());
    }

    @Test
    void draftsAndApplicationsAreEditedAtTheirVersionAndAnApplicationIsWithdrawnWhileTheCallIsOpen() {
        String draft = f.as(applicantAccount, () -> f.challenges.create(ChallengeFixtures.draft("接口草稿", "any")).extId());
        String body = """
                {"version": %d, "titleZh": "接口草稿（修订）", "problemZh": "问题", "technologyCode": "kct-05", "budget": 100,
                 "durationMonths": 12, "deadline": "%s",
                 "targets": [{"position": 1, "indicator": "功率", "unit": "W", "threshold": 10, "higherIsBetter": true}]}
                """;
        String deadline = java.time.Instant.now().plus(20, java.time.temporal.ChronoUnit.DAYS).toString();
        HelixClient.Response edited = applicant.json("PUT", "/api/v1/challenges/" + draft, body.formatted(0, deadline));
        assertThat(edited.status()).isEqualTo(200);
        assertThat(edited.body()).contains("\"version\":1").contains("接口草稿（修订）");
        HelixClient.Response stale = applicant.json("PUT", "/api/v1/challenges/" + draft, body.formatted(0, deadline));
        assertThat(stale.status()).isEqualTo(409);
        HelixClient.Response noVersion = applicant.json("PUT", "/api/v1/challenges/" + draft, "{\"titleZh\": \"x\"}");
        assertThat(noVersion.status()).isEqualTo(400);
        assertThat(noVersion.body()).contains("\"field\":\"version\"");
        HelixClient.Response noProblem = applicant.json("PUT", "/api/v1/challenges/" + draft, "{\"version\": 1, \"titleZh\": \"x\", \"budget\": 1}");
        assertThat(noProblem.status()).isEqualTo(400);
        assertThat(noProblem.body()).contains("\"field\":\"problem\"");

        String extId = f.published("接口撤回", "any");
        HelixClient.Response applied = applicant.json("POST", "/api/v1/challenges/" + extId + "/applications",
                "{\"plan\": \"方案\", \"commitments\": {\"1\": 224, \"2\": 4}}");
        long id = Long.parseLong(applied.body().replaceFirst("^\\{\"id\":(\\d+),.*", "$1"));
        HelixClient.Response changed = applicant.json("PUT", "/api/v1/challenges/applications/" + id,
                "{\"version\": 0, \"plan\": \"新方案\", \"commitments\": {\"1\": 230, \"2\": 4}}");
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.body()).contains("\"plan\":\"新方案\"").contains("\"version\":1");
        assertThat(applicant.json("PUT", "/api/v1/challenges/applications/" + id,
                "{\"version\": 0, \"plan\": \"旧\", \"commitments\": {\"1\": 1, \"2\": 1}}").status()).isEqualTo(409);
        assertThat(admin.json("POST", "/api/v1/challenges/applications/" + id + "/withdraw", null).status())
                .as("the department does not withdraw for the applicant").isEqualTo(403);
        HelixClient.Response withdrawn = applicant.json("POST", "/api/v1/challenges/applications/" + id + "/withdraw", null);
        assertThat(withdrawn.status()).isEqualTo(200);
        assertThat(withdrawn.body()).contains("\"status\":\"withdrawn\"");
        assertThat(applicant.json("POST", "/api/v1/challenges/applications/" + id + "/withdraw", null).status()).isEqualTo(409);
        assertThat(admin.get("/api/v1/challenges/" + extId + "/applications").body()).contains("\"status\":\"withdrawn\"");
    }

    /**
     * Free texts have a limit, the same on the API as on the form: a longer one is a 400 naming its field (a title
     * of 100,000 characters was taken), nothing written; a text of exactly the limit goes in.
     */
    @Test
    void overlongTextsAreRefusedNamingTheirFieldAndNothingIsWritten() {
        String deadline = java.time.Instant.now().plus(20, java.time.temporal.ChronoUnit.DAYS).toString();
        String body = """
                {"titleZh": "%s", "problemZh": "%s", "problemEn": "%s", "ipTerms": "%s", "technologyCode": "kct-05", "budget": 100,
                 "durationMonths": 12, "deadline": "%s",
                 "targets": [{"position": 1, "indicator": "功率", "unit": "W", "threshold": 10, "higherIsBetter": true}]}
                """;
        long before = challengeCount();
        Map<String, String> refused = Map.of(
                "titleZh", body.formatted("长".repeat(100_000), "问题", "", "", deadline),
                "problemZh", body.formatted("超长问题", "问".repeat(ChallengeDraft.MAX_PROBLEM + 1), "", "", deadline),
                "problemEn", body.formatted("超长问题", "问题", "p".repeat(ChallengeDraft.MAX_PROBLEM + 1), "", deadline),
                "ipTerms", body.formatted("超长条款", "问题", "", "知".repeat(100_000), deadline));
        refused.forEach((field, json) -> {
            HelixClient.Response response = applicant.json("POST", "/api/v1/challenges", json);
            assertThat(response.status()).as(field).isEqualTo(400);
            assertThat(response.body()).as(field).contains("\"field\":\"" + field + "\"").contains(field + " is at most ");
        });
        assertThat(challengeCount()).isEqualTo(before);

        HelixClient.Response fits = applicant.json("POST", "/api/v1/challenges", body.formatted("长".repeat(ChallengeDraft.MAX_TITLE),
                "问".repeat(ChallengeDraft.MAX_PROBLEM), "", "知".repeat(ChallengeDraft.MAX_IP_TERMS), deadline));
        assertThat(fits.status()).isEqualTo(201);
        String draft = JSON.readTree(fits.body()).path("extId").asString();
        HelixClient.Response edit = applicant.json("PUT", "/api/v1/challenges/" + draft,
                "{\"version\": 0, " + body.formatted("x".repeat(ChallengeDraft.MAX_TITLE + 1), "问题", "", "", deadline).strip().substring(1));
        assertThat(edit.status()).isEqualTo(400);
        assertThat(edit.body()).contains("\"field\":\"titleZh\"").contains("titleZh is at most 200 characters (201 given)");
        assertThat(f.as(applicantAccount, () -> f.challenges.find(draft)).version()).as("nothing written").isZero();
    }

    /** The award's rationale and a milestone's deliverable have their limits too; the award is not made. */
    @Test
    void anOverlongRationaleOrDeliverableRefusesTheAward() {
        String extId = f.published("接口超长评审意见", "any");
        long application = f.as(applicantAccount, () -> f.applications.apply(extId, ChallengeFixtures.application("plan", List.of(), List.of()))).id();
        f.system(() -> f.challenges.perform(extId, ChallengeAction.START_REVIEW));
        String award = """
                {"applicationId": %d, "rationale": "%s",
                 "milestones": [{"title": "样机", "deliverable": "%s", "due": "%s", "tranche": 1}]}
                """;
        String due = java.time.LocalDate.now().plusMonths(3).toString();
        HelixClient.Response rationale = admin.json("POST", "/api/v1/challenges/" + extId + "/award",
                award.formatted(application, "理".repeat(AwardInput.MAX_RATIONALE + 1), "样机一台", due));
        assertThat(rationale.status()).isEqualTo(400);
        assertThat(rationale.body()).contains("\"field\":\"rationale\"");
        HelixClient.Response deliverable = admin.json("POST", "/api/v1/challenges/" + extId + "/award",
                award.formatted(application, "方案最优", "交".repeat(MilestoneDraft.MAX_DELIVERABLE + 1), due));
        assertThat(deliverable.status()).isEqualTo(400);
        assertThat(deliverable.body()).contains("\"field\":\"milestones\"").contains("milestones is at most 500 characters");
        assertThat(f.challenges.find(extId).status()).isEqualTo(ChallengeStatus.UNDER_REVIEW);
    }

    /** A map's key of the wrong type names the key: the value 1 is right, the target position "abc" is not. */
    @Test
    void aCommitmentKeyThatIsNoTargetPositionIsNamedAsTheKey() {
        String extId = f.published("接口承诺键", "any");
        HelixClient.Response applied = applicant.json("POST", "/api/v1/challenges/" + extId + "/applications",
                "{\"plan\": \"方案\", \"commitments\": {\"abc\": 1}}");
        assertThat(applied.status()).isEqualTo(400);
        assertThat(JSON.readTree(applied.body()).path("detail").asString())
                .isEqualTo("commitments: abc is not a valid key (each key must be a whole number)");
        assertThat(JSON.readTree(applied.body()).path("field").asString()).isEqualTo("commitments");
    }

    private long challengeCount() {
        return f.jdbc.sql("select count(*) from challenge").query(Long.class).single();
    }

    @Test
    void aProgressReportLowerThanTheLastOneNeedsAReason() {
        String extId = f.published("接口进度", "any");
        long application = f.as(applicantAccount, () -> f.applications.apply(extId, ChallengeFixtures.application("plan", List.of(), List.of()))).id();
        f.system(() -> {
            f.challenges.perform(extId, ChallengeAction.START_REVIEW);
            f.reviews.award(extId, ChallengeFixtures.award(application));
        });
        long milestone = f.delivery.milestones(extId).getFirst().id();
        String path = "/api/v1/challenges/milestones/" + milestone + "/reports";
        assertThat(applicant.json("POST", path, "{\"progress\": 50, \"note\": \"过半\"}").status()).isEqualTo(201);
        HelixClient.Response back = applicant.json("POST", path, "{\"progress\": 30, \"note\": \"返工\"}");
        assertThat(back.status()).isEqualTo(400);
        assertThat(back.body()).contains("\"field\":\"reason\"").contains("progress falls from 50 % to 30 %");
        HelixClient.Response explained = applicant.json("POST", path, "{\"progress\": 30, \"note\": \"返工\", \"reason\": \"样片失效\"}");
        assertThat(explained.status()).isEqualTo(201);
        assertThat(explained.body()).contains("\"previous\":50").contains("\"regressionReason\":\"样片失效\"");
    }
}

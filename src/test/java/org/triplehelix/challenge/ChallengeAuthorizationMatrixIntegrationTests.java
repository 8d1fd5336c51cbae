package org.triplehelix.challenge;

import static org.triplehelix.access.AuthorizationMatrix.Caller.ADMIN;
import static org.triplehelix.access.AuthorizationMatrix.Caller.ANONYMOUS;
import static org.triplehelix.access.AuthorizationMatrix.Caller.ENTERPRISE;
import static org.triplehelix.access.AuthorizationMatrix.Caller.ORG_ADMIN;
import static org.triplehelix.access.AuthorizationMatrix.Caller.ORG_ADMIN_ELSEWHERE;
import static org.triplehelix.access.AuthorizationMatrix.Caller.RESEARCHER;
import static org.triplehelix.access.AuthorizationMatrix.Caller.REVIEWER;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.triplehelix.access.AuthorizationMatrix;
import org.triplehelix.access.Account;
import org.triplehelix.access.Role;

/**
 * The challenges' write endpoints (and their confidential reads) × every caller. The department
 * is ADMIN; ENTERPRISE posts for the home organization; applications come from the callers'
 * organizations; the world's REVIEWER sits on the panel of the challenges under review (their
 * applicant is an outsider, so no conflict); the home organization leads the awarded consortia.
 * Targets are made fresh per call.
 */
class ChallengeAuthorizationMatrixIntegrationTests extends AuthorizationMatrix {

    private ChallengeFixtures f;
    private Account outsider;
    private Account neutralReviewer;
    private final java.util.Map<String, Object> reads = new java.util.HashMap<>();

    /** Reads do not change their target: one per endpoint, made on first use. */
    private Object once(String key, java.util.function.Supplier<Object> make) {
        return reads.computeIfAbsent(key, k -> make.get());
    }

    /** The application the last path was made for (the path is made before the body). */
    private long lastApplication;

    private ChallengeFixtures f(World w) {
        if (f == null) {
            f = ChallengeFixtures.of(context);
            outsider = w.fixtures().user(f.organization("Matrix Outsider Ltd", "enterprise", null), Role.ENTERPRISE);
            neutralReviewer = w.fixtures().user(f.organization("Matrix Neutral Academy", "research_institute", null), Role.REVIEWER);
        }
        return f;
    }

    private String draft(World w) {
        return f(w).system(() -> f.challenges.create(ChallengeFixtures.draft("矩阵草稿", "any")).extId());
    }

    private String enterpriseDraft(World w) {
        return f(w).as(w.account(ENTERPRISE), () -> f.challenges.create(ChallengeFixtures.draft("企业草稿", "any")).extId());
    }

    private String published(World w) {
        return f(w).published("矩阵榜单", "any");
    }

    /** A published challenge with the unrelated organization invited: the path of that invitation. */
    private String invitation(World w) {
        String extId = published(w);
        String organization = w.extId(w.elsewhere());
        f.system(() -> f.challenges.invite(extId, organization));
        return "/challenges/" + extId + "/invitations/" + organization;
    }

    /** Under review: the outsider applied, the world's REVIEWER is on the panel. Returns the application id. */
    private long underReview(World w, String[] extId) {
        extId[0] = published(w);
        String id = extId[0];
        long application = f.as(outsider, () -> f.applications.apply(id, ChallengeFixtures.application("plan", List.of(), List.of()))).id();
        f.system(() -> {
            f.reviews.assign(id, w.account(REVIEWER).id());
            f.challenges.perform(id, ChallengeAction.START_REVIEW);
        });
        return application;
    }

    private String underReview(World w) {
        String[] extId = new String[1];
        underReview(w, extId);
        return extId[0];
    }

    /** Awarded to the home organization's consortium (applied by ENTERPRISE). */
    private String awarded(World w) {
        String extId = published(w);
        long application = f.as(w.account(ENTERPRISE), () -> f.applications.apply(extId,
                ChallengeFixtures.application("plan", List.of(), List.of()))).id();
        f.system(() -> {
            f.challenges.perform(extId, ChallengeAction.START_REVIEW);
            f.reviews.award(extId, ChallengeFixtures.award(application));
        });
        return extId;
    }

    private String inProgress(World w) {
        String extId = awarded(w);
        f.system(() -> f.challenges.perform(extId, ChallengeAction.START));
        return extId;
    }

    private long milestone(World w) {
        return f.delivery.milestones(awarded(w)).getFirst().id();
    }

    private static String create() {
        return """
                {"titleZh": "矩阵", "problemZh": "问题", "technologyCode": "kct-05", "budget": 100, "durationMonths": 12,
                 "eligibility": "any", "deadline": "%s",
                 "targets": [{"position": 1, "indicator": "功率", "unit": "W", "threshold": 10, "higherIsBetter": true}]}
                """.formatted(Instant.now().plus(20, ChronoUnit.DAYS));
    }

    /** A submitted application of the home organization (applied by ENTERPRISE) to a fresh published challenge. */
    private long homeApplication(World w) {
        String extId = published(w);
        return f.as(w.account(ENTERPRISE), () -> f.applications.apply(extId, ChallengeFixtures.application("plan", List.of(), List.of()))).id();
    }

    private static final String EDIT_APPLICATION = "{\"version\": 0, \"plan\": \"修改\", \"commitments\": {\"1\": 230, \"2\": 4}}";

    private static final String APPLY = "{\"plan\": \"计划\", \"commitments\": {\"1\": 224, \"2\": 4}}";
    private static final String SCORE = "{\"scores\": {\"merit\": 80, \"team\": 80, \"feasibility\": 80, \"budget\": 80}, \"comment\": \"ok\"}";

    private static String award(long application) {
        return "{\"applicationId\": " + application + ", \"rationale\": \"r\", \"milestones\": [{\"title\": \"m\", \"deliverable\": \"d\","
                + " \"due\": \"2030-01-01\", \"tranche\": 1}]}";
    }

    private static final String ACCEPT = "{\"verdict\": \"pass\", \"note\": \"ok\", \"evidence\": [{\"position\": 1, \"achieved\": 250,"
            + " \"evidence\": \"report\"}, {\"position\": 2, \"achieved\": 4, \"evidence\": \"report\"}]}";

    @Override
    protected List<Endpoint> endpoints() {
        return List.of(
                Endpoint.api("POST", "/api/v1/challenges", w -> "/api/v1/challenges", w -> create())
                        .expect(ANONYMOUS, 401).expect(ADMIN, 201).expect(ENTERPRISE, 201).otherwise(403),
                Endpoint.api("POST", "/api/v1/challenges/{department's draft}/publish", w -> "/api/v1/challenges/" + draft(w) + "/publish")
                        .expect(ANONYMOUS, 401).expect(ADMIN, 200).otherwise(404),
                Endpoint.api("POST", "/api/v1/challenges/{published}/publish (illegal)", w -> "/api/v1/challenges/" + published(w) + "/publish")
                        .expect(ANONYMOUS, 401).expect(ADMIN, 409).otherwise(403),
                Endpoint.api("POST", "/api/v1/challenges/{published}/start-review", w -> "/api/v1/challenges/" + published(w) + "/start-review")
                        .expect(ANONYMOUS, 401).expect(ADMIN, 200).otherwise(403),
                Endpoint.api("POST", "/api/v1/challenges/{published}/close", w -> "/api/v1/challenges/" + published(w) + "/close")
                        .expect(ANONYMOUS, 401).expect(ADMIN, 200).otherwise(403),
                Endpoint.api("POST", "/api/v1/challenges/{ENTERPRISE's draft}/cancel", w -> "/api/v1/challenges/" + enterpriseDraft(w) + "/cancel")
                        .expect(ANONYMOUS, 401).expect(ADMIN, 200).expect(ENTERPRISE, 200).otherwise(404),
                Endpoint.api("POST", "/api/v1/challenges/{awarded}/start", w -> "/api/v1/challenges/" + awarded(w) + "/start")
                        .expect(ANONYMOUS, 401).expect(ADMIN, 200).otherwise(403),
                Endpoint.api("POST", "/api/v1/challenges/{in progress}/terminate", w -> "/api/v1/challenges/" + inProgress(w) + "/terminate")
                        .expect(ANONYMOUS, 401).expect(ADMIN, 200).otherwise(403),
                Endpoint.api("POST", "/api/v1/challenges/{published}/applications", w -> "/api/v1/challenges/" + published(w) + "/applications",
                                w -> APPLY)
                        .expect(ANONYMOUS, 401).expect(ADMIN, 400).expect(ENTERPRISE, 201).expect(RESEARCHER, 201).expect(ORG_ADMIN, 201)
                        .expect(ORG_ADMIN_ELSEWHERE, 201).otherwise(403),
                Endpoint.api("POST", "/api/v1/challenges/{published}/reviewers", w -> "/api/v1/challenges/" + published(w) + "/reviewers",
                                w -> "{\"userId\": " + neutralReviewer.id() + "}")
                        .expect(ANONYMOUS, 401).expect(ADMIN, 200).otherwise(403),
                Endpoint.api("POST", "/api/v1/challenges/{published}/invitations", w -> "/api/v1/challenges/" + published(w) + "/invitations",
                                w -> "{\"organization\": \"" + w.extId(w.elsewhere()) + "\"}")
                        .expect(ANONYMOUS, 401).expect(ADMIN, 201).otherwise(403),
                Endpoint.api("DELETE", "/api/v1/challenges/{published}/invitations/{invited}", w -> "/api/v1" + invitation(w))
                        .expect(ANONYMOUS, 401).expect(ADMIN, 204).otherwise(403),
                Endpoint.api("POST", "/api/v1/challenges/{under review}/award", w -> {
                            String[] extId = new String[1];
                            lastApplication = underReview(w, extId);
                            return "/api/v1/challenges/" + extId[0] + "/award";
                        }, w -> award(lastApplication))
                        .expect(ANONYMOUS, 401).expect(ADMIN, 200).otherwise(403),
                Endpoint.api("POST", "/api/v1/challenges/applications/{under review, REVIEWER on the panel}/scores",
                                w -> "/api/v1/challenges/applications/" + underReview(w, new String[1]) + "/scores", w -> SCORE)
                        .expect(ANONYMOUS, 401).expect(REVIEWER, 200).otherwise(404),
                Endpoint.api("POST", "/api/v1/challenges/milestones/{awarded to home}/reports",
                                w -> "/api/v1/challenges/milestones/" + milestone(w) + "/reports", w -> "{\"progress\": 10, \"note\": \"n\"}")
                        .expect(ANONYMOUS, 401).expect(ADMIN, 201).expect(ENTERPRISE, 201).expect(RESEARCHER, 201).expect(ORG_ADMIN, 201)
                        .otherwise(403),
                Endpoint.api("POST", "/api/v1/challenges/{in progress}/acceptance", w -> "/api/v1/challenges/" + inProgress(w) + "/acceptance",
                                w -> ACCEPT)
                        .expect(ANONYMOUS, 401).expect(ADMIN, 200).otherwise(403),
                Endpoint.api("GET", "/api/v1/challenges/{published}/reviewer-candidates",
                                w -> "/api/v1/challenges/" + once("candidates", () -> published(w)) + "/reviewer-candidates")
                        .expect(ANONYMOUS, 401).expect(ADMIN, 200).otherwise(403),
                Endpoint.api("GET", "/api/v1/challenges/{under review}/ranking", w -> "/api/v1/challenges/" + once("ranking", () -> underReview(w)) + "/ranking")
                        .expect(ANONYMOUS, 401).expect(ADMIN, 200).otherwise(403),
                Endpoint.api("GET", "/api/v1/challenges/applications/{outsider's, under review}",
                                w -> "/api/v1/challenges/applications/" + once("application", () -> underReview(w, new String[1])))
                        .expect(ADMIN, 200).expect(REVIEWER, 200).otherwise(404),
                Endpoint.api("GET", "/api/v1/challenges/{department's draft}", w -> "/api/v1/challenges/" + once("draft", () -> draft(w)))
                        .expect(ADMIN, 200).otherwise(404),
                Endpoint.api("GET", "/api/v1/challenges/program").otherwise(200),
                Endpoint.api("PUT", "/api/v1/challenges/{ENTERPRISE's draft}", w -> "/api/v1/challenges/" + enterpriseDraft(w),
                                w -> create().replaceFirst("\\{", "{\"version\": 0, "))
                        .expect(ANONYMOUS, 401).expect(ADMIN, 200).expect(ENTERPRISE, 200).otherwise(404),
                Endpoint.api("POST", "/api/v1/challenges/applications/{home's, call open}/withdraw",
                                w -> "/api/v1/challenges/applications/" + homeApplication(w) + "/withdraw")
                        .expect(ANONYMOUS, 401).expect(ADMIN, 403).expect(ORG_ADMIN, 200).expect(ENTERPRISE, 200).expect(RESEARCHER, 403)
                        .otherwise(404),
                Endpoint.api("PUT", "/api/v1/challenges/applications/{home's, call open}",
                                w -> "/api/v1/challenges/applications/" + homeApplication(w), w -> EDIT_APPLICATION)
                        .expect(ANONYMOUS, 401).expect(ADMIN, 403).expect(ORG_ADMIN, 200).expect(ENTERPRISE, 200).expect(RESEARCHER, 403)
                        .otherwise(404),
                Endpoint.api("GET", "/api/v1/challenges/invitations").expect(ANONYMOUS, 401).otherwise(200),
                // pages
                Endpoint.page("POST", "/challenges", w -> "/challenges",
                                w -> "titleZh=页面榜单&problemZh=问题&technology=kct-05&target1Indicator=功率&target1Unit=W&target1Threshold=10"
                                        + "&budget=100&durationMonths=12&deadline=" + java.time.LocalDate.now().plusDays(20) + "&eligibility=any")
                        .expect(ANONYMOUS, 401).expect(ADMIN, 302).expect(ENTERPRISE, 302).otherwise(403),
                Endpoint.page("POST", "/challenges/{published}/actions/start-review",
                                w -> "/challenges/" + published(w) + "/actions/start-review", w -> "x=1")
                        .expect(ANONYMOUS, 401).expect(ADMIN, 302).otherwise(403),
                Endpoint.page("POST", "/challenges/applications/{under review}/scores",
                                w -> "/challenges/applications/" + underReview(w, new String[1]) + "/scores",
                                w -> "score-merit=70&score-team=70&score-feasibility=70&score-budget=70&comment=ok")
                        .expect(ANONYMOUS, 401).expect(REVIEWER, 302).otherwise(404),
                Endpoint.page("GET", "/challenges/{published}/reviewers", w -> "/challenges/" + once("reviewers", () -> published(w)) + "/reviewers")
                        .expect(ANONYMOUS, 401).expect(ADMIN, 200).otherwise(403),
                Endpoint.page("GET", "/challenges/{published}/teams", w -> "/challenges/" + once("teams", () -> published(w)) + "/teams")
                        .expect(ANONYMOUS, 401).expect(ADMIN, 200).otherwise(403),
                Endpoint.page("POST", "/challenges/{published}/invitations", w -> "/challenges/" + published(w) + "/invitations",
                                w -> "organization=" + w.extId(w.elsewhere()))
                        .expect(ANONYMOUS, 401).expect(ADMIN, 302).otherwise(403),
                Endpoint.page("POST", "/challenges/{published}/invitations/{invited}/withdraw", w -> invitation(w) + "/withdraw",
                                w -> "confirm=yes")
                        .expect(ANONYMOUS, 401).expect(ADMIN, 302).otherwise(403),
                Endpoint.page("GET", "/challenges/{ENTERPRISE's draft}/edit", w -> "/challenges/" + once("edit", () -> enterpriseDraft(w)) + "/edit")
                        .expect(ADMIN, 200).expect(ENTERPRISE, 200).otherwise(404),
                Endpoint.page("POST", "/challenges/applications/{home's, call open}/withdraw",
                                w -> "/challenges/applications/" + homeApplication(w) + "/withdraw", w -> "confirm=yes")
                        .expect(ANONYMOUS, 401).expect(ADMIN, 403).expect(ORG_ADMIN, 302).expect(ENTERPRISE, 302).expect(RESEARCHER, 403)
                        .otherwise(404),
                Endpoint.page("GET", "/challenges").otherwise(200),
                Endpoint.page("GET", "/challenges/program").otherwise(200));
    }
}

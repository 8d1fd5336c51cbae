package org.triplehelix.challenge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.ActiveProfiles;
import org.triplehelix.access.Account;
import org.triplehelix.access.Role;
import org.triplehelix.shared.ConflictException;
import org.triplehelix.shared.NotFoundException;
import org.triplehelix.shared.Page;

/**
 * The life of a challenge on the real services and database: the whole flow with its audit
 * trail, the deadline, two concurrent awards, conflicts of interest with their reasons, what a
 * reviewer may see, the ranking and the anonymous feedback, who is told of an invitation and
 * until when.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChallengeIntegrationTests {

    @Autowired
    ApplicationContext context;

    ChallengeFixtures f;
    long group;            // a parent organization
    long enterprise;       // an enterprise under the group
    long university;
    long sibling;          // another unit under the group
    Account enterpriseUser;
    Account universityUser;

    @BeforeAll
    void world() {
        f = ChallengeFixtures.of(context);
        group = f.organization("Optics Group", "enterprise", null);
        enterprise = f.organization("Optics Chips Ltd", "enterprise", group);
        sibling = f.organization("Optics Research Centre", "research_institute", group);
        university = f.organization("Lakeside University", "university", null);
        enterpriseUser = f.access.user(enterprise, Role.ENTERPRISE);
        universityUser = f.access.user(university, Role.RESEARCHER);
    }

    @Test
    void aChallengeGoesFromTheCallToAcceptanceAndEveryStepIsAudited() {
        ChallengeView draft = f.as(enterpriseUser, () -> f.challenges.create(ChallengeFixtures.draft("光芯片可靠性", "enterprise_and_academic")));
        assertThat(draft.status()).isEqualTo(ChallengeStatus.DRAFT);
        assertThat(draft.sponsorKind()).isEqualTo("enterprise");
        String extId = draft.extId();
        // a draft is the sponsor's and the department's only
        assertThatThrownBy(() -> f.as(universityUser, () -> f.challenges.find(extId))).isInstanceOf(NotFoundException.class);
        f.system(() -> f.challenges.perform(extId, ChallengeAction.PUBLISH));

        // a consortium without a university is not eligible; with one it is
        assertThatThrownBy(() -> f.as(enterpriseUser, () -> f.applications.apply(extId, ChallengeFixtures.application("plan", List.of(), List.of()))))
                .hasMessageContaining("university or laboratory");
        ApplicationView application = f.as(enterpriseUser, () -> f.applications.apply(extId,
                ChallengeFixtures.application("我们的方案", List.of(f.extIdOfOrganization(university)), List.of())));
        assertThat(application.lead().name().en()).startsWith("Optics Chips Ltd");
        assertThat(application.commitments()).extracting(ApplicationView.Commitment::meetsThreshold).containsExactly(true, true);
        assertThatThrownBy(() -> f.as(enterpriseUser, () -> f.applications.apply(extId,
                ChallengeFixtures.application("again", List.of(f.extIdOfOrganization(university)), List.of()))))
                .isInstanceOf(ConflictException.class);

        Account reviewer = f.access.user(f.organization("Independent Institute", "research_institute", null), Role.REVIEWER);
        f.system(() -> f.reviews.assign(extId, reviewer.id()));
        f.system(() -> f.challenges.perform(extId, ChallengeAction.START_REVIEW));
        f.as(reviewer, () -> f.reviews.score(application.id(), ChallengeFixtures.score(90, "扎实")));
        f.system(() -> f.reviews.award(extId, ChallengeFixtures.award(application.id())));
        f.system(() -> f.challenges.perform(extId, ChallengeAction.START));
        MilestoneView first = f.delivery.milestones(extId).getFirst();
        MilestoneView reported = f.as(enterpriseUser, () -> f.delivery.report(first.id(), 40, "流片完成一半"));
        assertThat(reported.progress()).isEqualTo(40);
        ChallengeView accepted = f.system(() -> f.delivery.accept(extId, new AcceptanceInput("pass", "全部指标达到", List.of(
                new AcceptanceInput.Evidence(1, new java.math.BigDecimal("210"), "第三方测试报告"),
                new AcceptanceInput.Evidence(2, new java.math.BigDecimal("4.8"), "第三方测试报告")))));
        assertThat(accepted.status()).isEqualTo(ChallengeStatus.ACCEPTED);
        assertThat(f.delivery.evidence(extId)).extracting(row -> row.get("met")).containsExactly(true, true);
        for (String action : List.of("publish", "start-review", "award", "start", "accept")) {
            assertThat(f.access.auditRows("challenge", extId, action)).as(action).isEqualTo(1);
        }
        assertThat(f.access.auditRows("challenge", extId, "create")).isEqualTo(1);
        // accepted is final
        assertThatThrownBy(() -> f.system(() -> f.challenges.perform(extId, ChallengeAction.TERMINATE))).isInstanceOf(ConflictException.class);
    }

    @Test
    void noApplicationIsAcceptedAfterTheDeadline() {
        String extId = f.published("截止测试", "any");
        f.pastDeadline(extId);
        assertThatThrownBy(() -> f.as(universityUser, () -> f.applications.apply(extId, ChallengeFixtures.application("late", List.of(), List.of()))))
                .isInstanceOf(ConflictException.class).hasMessageContaining("deadline");
    }

    @Test
    void ofTwoConcurrentAwardsExactlyOneSucceeds() throws Exception {
        String extId = f.published("并发授予", "any");
        long a = f.as(enterpriseUser, () -> f.applications.apply(extId, ChallengeFixtures.application("A", List.of(), List.of()))).id();
        long b = f.as(universityUser, () -> f.applications.apply(extId, ChallengeFixtures.application("B", List.of(), List.of()))).id();
        f.system(() -> f.challenges.perform(extId, ChallengeAction.START_REVIEW));
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (long winner : List.of(a, b)) {
                results.add(pool.submit(() -> {
                    start.await();
                    try {
                        f.system(() -> f.reviews.award(extId, ChallengeFixtures.award(winner)));
                        return true;
                    } catch (ConflictException e) {
                        return false;
                    }
                }));
            }
            start.countDown();
            assertThat(List.of(results.get(0).get(), results.get(1).get())).containsExactlyInAnyOrder(true, false);
        } finally {
            pool.shutdown();
        }
        assertThat(f.delivery.milestones(extId)).hasSize(2);
    }

    @Test
    void reviewersWithAConflictOfInterestAreNeverEligibleAndTheReasonIsGiven() {
        String extId = f.published("利益冲突", "any");
        long member = f.person("Consortium Member", university);
        f.as(enterpriseUser, () -> f.applications.apply(extId, ChallengeFixtures.application("plan", List.of(),
                List.of(f.extIdOfPerson(member)))));
        long elsewhere = f.organization("Far Away Institute", "research_institute", null);
        Account sameOrganization = f.access.user(enterprise, Role.REVIEWER);
        Account sameParent = f.access.user(sibling, Role.REVIEWER);
        long coAuthor = f.person("Recent Co-author", elsewhere);
        f.output(LocalDate.now().getYear() - 2, coAuthor, member);
        Account recentCoAuthor = f.access.user(elsewhere, coAuthor, Role.REVIEWER);
        long oldCoAuthor = f.person("Old Co-author", elsewhere);
        f.output(LocalDate.now().getYear() - 9, oldCoAuthor, member);
        Account longAgo = f.access.user(elsewhere, oldCoAuthor, Role.REVIEWER);

        List<ReviewerCandidate> candidates = f.system(() -> f.reviews.candidates(extId));
        assertThat(reasons(candidates, sameOrganization)).containsExactly("same-organization");
        assertThat(reasons(candidates, sameParent)).containsExactly("shared-parent");
        assertThat(reasons(candidates, recentCoAuthor)).containsExactly("co-author");
        assertThat(reasons(candidates, longAgo)).contains("no-conflict");
        assertThat(candidate(candidates, longAgo).eligible()).isTrue();
        for (Account conflicted : List.of(sameOrganization, sameParent, recentCoAuthor)) {
            assertThat(candidate(candidates, conflicted).eligible()).isFalse();
            assertThatThrownBy(() -> f.system(() -> f.reviews.assign(extId, conflicted.id()))).isInstanceOf(ConflictException.class);
        }
        // the sponsor's people are out as well: the department posted this one, so no sponsor organization here
        f.system(() -> f.reviews.assign(extId, longAgo.id()));
    }

    @Test
    void anInvitationIsShownToTheInvitedOrganizationOnlyUntilTheCallEndsOrItApplies() {
        long invitedGroup = f.organization("Invited Group", "enterprise", null);
        long invited = f.organization("Invited Photonics Ltd", "enterprise", invitedGroup);
        long other = f.organization("Uninvited Optics Ltd", "enterprise", null);
        Account invitedUser = f.access.user(invited, Role.RESEARCHER);
        Account groupAdmin = f.access.user(invitedGroup, Role.ORG_ADMIN);
        Account groupResearcher = f.access.user(invitedGroup, Role.RESEARCHER);
        Account otherUser = f.access.user(other, Role.ENTERPRISE);
        Account department = f.access.user(null, Role.ADMIN);
        String invitedExtId = f.extIdOfOrganization(invited);

        String open = f.published("邀请可见", "any");
        String closed = f.published("邀请后关闭", "any");
        String applied = f.published("邀请后申报", "any");
        String partnered = f.published("邀请后作为合作方", "any");
        String late = f.published("邀请后截止", "any");
        for (String extId : List.of(open, closed, applied, partnered, late)) {
            f.as(department, () -> f.challenges.invite(extId, invitedExtId));
        }
        assertThat(f.access.auditRows("challenge_invitation", open + "/" + invitedExtId, "create")).isEqualTo(1);
        assertThat(f.as(invitedUser, () -> f.challenges.openInvitationCount())).isEqualTo(5);

        f.system(() -> f.challenges.perform(closed, ChallengeAction.CLOSE));
        f.as(invitedUser, () -> f.applications.apply(applied, ChallengeFixtures.application("受邀申报", List.of(), List.of())));
        f.as(otherUser, () -> f.applications.apply(partnered, ChallengeFixtures.application("联合申报", List.of(invitedExtId), List.of())));
        f.pastDeadline(late);

        Page<InvitationView> mine = f.as(invitedUser, () -> f.challenges.openInvitations(0, 20));
        assertThat(mine.items()).extracting(InvitationView::challengeExtId).containsExactly(open);
        assertThat(mine.total()).isEqualTo(1);
        InvitationView invitation = mine.items().getFirst();
        assertThat(invitation.organizationExtId()).isEqualTo(invitedExtId);
        assertThat(invitation.organization().en()).startsWith("Invited Photonics Ltd");
        assertThat(invitation.challengeTitle().zh()).isEqualTo("邀请可见");
        assertThat(invitation.invitedBy()).isEqualTo(department.name());
        assertThat(invitation.deadline()).isEqualTo(f.challenges.find(open).deadline());
        assertThat(f.as(invitedUser, () -> f.challenges.openInvitationCount())).isEqualTo(1);
        assertThat(f.as(invitedUser, () -> f.challenges.openInvitations(open))).extracting(InvitationView::organizationExtId)
                .containsExactly(invitedExtId);
        assertThat(f.as(invitedUser, () -> f.challenges.openInvitations(closed))).isEmpty();

        // the administrator of the parent organization acts for its units; a researcher of the parent does not
        assertThat(f.as(groupAdmin, () -> f.challenges.openInvitations(0, 20)).items()).extracting(InvitationView::challengeExtId)
                .containsExactly(open);
        assertThat(f.as(groupResearcher, () -> f.challenges.openInvitations(0, 20)).items()).isEmpty();
        // another organization, the department itself and a visitor see none of it
        assertThat(f.as(otherUser, () -> f.challenges.openInvitations(0, 20)).items()).isEmpty();
        assertThat(f.as(otherUser, () -> f.challenges.openInvitationCount())).isZero();
        assertThat(f.as(otherUser, () -> f.challenges.openInvitations(open))).isEmpty();
        assertThat(f.as(department, () -> f.challenges.openInvitations(0, 20)).items()).isEmpty();
        assertThat(f.challenges.openInvitationCount()).isZero();
        assertThat(f.challenges.openInvitations(open)).isEmpty();
        assertThatThrownBy(() -> f.challenges.openInvitations(0, 20)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aWithdrawnInvitationIsNoLongerShownAndTheWithdrawalIsAudited() {
        long invited = f.organization("Withdrawn Invitee Ltd", "enterprise", null);
        Account invitedUser = f.access.user(invited, Role.ENTERPRISE);
        String organization = f.extIdOfOrganization(invited);
        String extId = f.published("撤回邀请", "any");
        f.system(() -> f.challenges.invite(extId, organization));
        assertThat(f.as(invitedUser, () -> f.challenges.openInvitationCount())).isEqualTo(1);
        assertThat(f.system(() -> f.challenges.invitations(extId))).extracting(InvitationView::organizationExtId).containsExactly(organization);
        // only the department withdraws, and only the department lists a challenge's invitations
        assertThatThrownBy(() -> f.as(invitedUser, () -> f.challenges.withdrawInvitation(extId, organization)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> f.as(invitedUser, () -> f.challenges.invitations(extId))).isInstanceOf(AccessDeniedException.class);

        f.system(() -> f.challenges.withdrawInvitation(extId, organization));
        assertThat(f.as(invitedUser, () -> f.challenges.openInvitationCount())).isZero();
        assertThat(f.as(invitedUser, () -> f.challenges.openInvitations(extId))).isEmpty();
        assertThat(f.system(() -> f.challenges.invitations(extId))).isEmpty();
        assertThat(f.access.auditRows("challenge_invitation", extId + "/" + organization, "delete")).isEqualTo(1);
        assertThatThrownBy(() -> f.system(() -> f.challenges.withdrawInvitation(extId, organization))).isInstanceOf(NotFoundException.class);
    }

    private static ReviewerCandidate candidate(List<ReviewerCandidate> candidates, Account account) {
        return candidates.stream().filter(c -> c.userId() == account.id()).findFirst().orElseThrow();
    }

    private static List<String> reasons(List<ReviewerCandidate> candidates, Account account) {
        return candidate(candidates, account).reasons().stream().map(ReviewerCandidate.Reason::code).toList();
    }

    @Test
    void reviewersSeeAndScoreOnlyTheirAssignmentsAndLosersGetAnonymousFeedback() {
        String extId = f.published("评审隔离", "any");
        long a = f.as(enterpriseUser, () -> f.applications.apply(extId, ChallengeFixtures.application("A", List.of(), List.of()))).id();
        long b = f.as(universityUser, () -> f.applications.apply(extId, ChallengeFixtures.application("B", List.of(), List.of()))).id();
        long neutral = f.organization("Neutral Academy", "research_institute", null);
        Account first = f.access.user(neutral, Role.REVIEWER);
        Account second = f.access.user(neutral, Role.REVIEWER);
        Account outsider = f.access.user(neutral, Role.REVIEWER);
        f.system(() -> f.reviews.assign(extId, first.id()));
        f.system(() -> f.reviews.assign(extId, second.id()));
        f.system(() -> f.challenges.perform(extId, ChallengeAction.START_REVIEW));

        assertThatThrownBy(() -> f.as(outsider, () -> f.applications.find(a))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> f.as(outsider, () -> f.reviews.score(a, ChallengeFixtures.score(50, "x")))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> f.as(universityUser, () -> f.applications.find(a))).isInstanceOf(NotFoundException.class);
        assertThat(f.as(first, () -> f.applications.find(a)).id()).isEqualTo(a);

        f.as(first, () -> f.reviews.score(a, ChallengeFixtures.score(90, "A 方案好")));
        f.as(second, () -> f.reviews.score(a, ChallengeFixtures.score(80, "A 可行")));
        f.as(first, () -> f.reviews.score(b, ChallengeFixtures.score(60, "B 需改进")));
        f.as(second, () -> f.reviews.score(b, ChallengeFixtures.score(40, "B 风险高")));
        List<Ranking> ranking = f.system(() -> f.reviews.ranking(extId));
        assertThat(ranking).extracting(Ranking::applicationId).containsExactly(a, b);
        // merit 90 and 80 weigh 40 %, the other criteria 80, 70, 60 at 30, 20, 10 %: (36 + 32) / 2 + 24 + 14 + 6
        assertThat(ranking.getFirst().average()).isEqualByComparingTo("78.00");
        assertThatThrownBy(() -> f.as(universityUser, () -> f.reviews.feedback(b))).isInstanceOf(ConflictException.class);

        f.system(() -> f.reviews.award(extId, ChallengeFixtures.award(a)));
        Feedback feedback = f.as(universityUser, () -> f.reviews.feedback(b));
        assertThat(feedback.status()).isEqualTo("lost");
        assertThat(feedback.rank()).isEqualTo(2);
        assertThat(feedback.reviews()).extracting(Feedback.Review::reviewer).containsExactly("#1", "#2");
        assertThat(feedback.reviews()).extracting(Feedback.Review::comment).containsExactlyInAnyOrder("B 需改进", "B 风险高");
        assertThat(feedback.toString()).doesNotContain(first.name()).doesNotContain(first.email());
        assertThatThrownBy(() -> f.as(enterpriseUser, () -> f.reviews.feedback(b))).isInstanceOf(NotFoundException.class);
    }
}

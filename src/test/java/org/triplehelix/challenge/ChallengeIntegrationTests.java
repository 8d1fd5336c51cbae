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
import org.triplehelix.shared.InvalidInputException;
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
    Account sponsorUser;   // an enterprise that posts challenges for others to take on

    @BeforeAll
    void world() {
        f = ChallengeFixtures.of(context);
        group = f.organization("Optics Group", "enterprise", null);
        enterprise = f.organization("Optics Chips Ltd", "enterprise", group);
        sibling = f.organization("Optics Research Centre", "research_institute", group);
        university = f.organization("Lakeside University", "university", null);
        enterpriseUser = f.access.user(enterprise, Role.ENTERPRISE);
        universityUser = f.access.user(university, Role.RESEARCHER);
        sponsorUser = f.access.user(f.organization("Display Panels Ltd", "enterprise", null), Role.ENTERPRISE);
    }

    @Test
    void aChallengeGoesFromTheCallToAcceptanceAndEveryStepIsAudited() {
        ChallengeView draft = f.as(sponsorUser, () -> f.challenges.create(ChallengeFixtures.draft("光芯片可靠性", "enterprise_and_academic")));
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

    // --- the sponsor poses the problem, others solve it --------------------------------------

    @Test
    void theSponsorAndItsUnitsNeitherLeadNorPartnerNorAreInvitedNorRecommended() {
        long sponsor = f.organization("Battery Maker Ltd", "enterprise", null);
        long unit = f.organization("Battery Maker Research Institute", "research_institute", sponsor);
        Account sponsorEnterprise = f.access.user(sponsor, Role.ENTERPRISE);
        Account unitResearcher = f.access.user(unit, Role.RESEARCHER);
        String extId = f.as(sponsorEnterprise, () -> f.challenges.create(ChallengeFixtures.draft("固态电池", "any")).extId());
        f.system(() -> f.challenges.perform(extId, ChallengeAction.PUBLISH));

        assertThatThrownBy(() -> f.as(sponsorEnterprise, () -> f.applications.apply(extId, ChallengeFixtures.application("自己揭榜", List.of(), List.of()))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("leadOrganization");
                    assertThat(e.key()).isEqualTo("challenge.apply.error.sponsorLead");
                });
        assertThatThrownBy(() -> f.as(unitResearcher, () -> f.applications.apply(extId, ChallengeFixtures.application("下属单位", List.of(), List.of()))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("leadOrganization"));
        assertThatThrownBy(() -> f.as(universityUser, () -> f.applications.apply(extId,
                ChallengeFixtures.application("带上发榜方", List.of(f.extIdOfOrganization(unit)), List.of()))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("partners");
                    assertThat(e.key()).isEqualTo("challenge.apply.error.sponsorPartner");
                });
        assertThat(f.system(() -> f.applications.ofChallenge(extId))).as("nothing written").isEmpty();
        assertThat(f.as(sponsorEnterprise, () -> f.challenges.sponsorSide(extId))).isTrue();
        assertThat(f.as(unitResearcher, () -> f.challenges.sponsorSide(extId))).isTrue();
        assertThat(f.as(universityUser, () -> f.challenges.sponsorSide(extId))).isFalse();

        for (long organization : new long[] {sponsor, unit}) {
            assertThatThrownBy(() -> f.system(() -> f.challenges.invite(extId, f.extIdOfOrganization(organization))))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.key()).isEqualTo("challenge.error.inviteSponsor"));
        }
        assertThat(f.system(() -> f.challenges.invitations(extId))).isEmpty();
        assertThat(f.system(() -> f.challenges.recommendTeams(extId, 50))).extracting(org.triplehelix.matching.MatchHit::extId)
                .doesNotContain(f.extIdOfOrganization(sponsor), f.extIdOfOrganization(unit));

        // anyone else applies as before
        ApplicationView other = f.as(universityUser, () -> f.applications.apply(extId, ChallengeFixtures.application("他方揭榜", List.of(), List.of())));
        assertThat(other.status()).isEqualTo("submitted");
    }

    // --- editing and withdrawing an application ----------------------------------------------

    @Test
    void theApplicantEditsAndWithdrawsWhileTheCallIsOpenAndAWithdrawnApplicationIsKeptButHiddenFromThePanel() {
        String extId = f.published("撤回与修改", "any");
        long partner = f.organization("Withdrawal Partner Lab", "provincial_laboratory", null);
        Account partnerUser = f.access.user(partner, Role.RESEARCHER);
        Account reviewer = f.access.user(f.organization("Withdrawal Review Institute", "research_institute", null), Role.REVIEWER);
        f.system(() -> f.reviews.assign(extId, reviewer.id()));
        ApplicationView applied = f.as(enterpriseUser, () -> f.applications.apply(extId, ChallengeFixtures.application("初版方案", List.of(), List.of())));

        // edited: the plan, a partner and a commitment, audited with before and after
        ApplicationView edited = f.as(enterpriseUser, () -> f.applications.update(applied.id(), applied.version(), new ApplicationDraft(null,
                List.of(f.extIdOfOrganization(partner)), List.of(), "修订方案", java.util.Map.of(1, new java.math.BigDecimal("230"), 2,
                new java.math.BigDecimal("4.2")))));
        assertThat(edited.plan()).isEqualTo("修订方案");
        assertThat(edited.partners()).extracting(ApplicationView.Member::extId).containsExactly(f.extIdOfOrganization(partner));
        assertThat(edited.commitments()).extracting(c -> c.value().toPlainString()).containsExactly("230", "4.2");
        assertThat(edited.version()).isEqualTo(applied.version() + 1);
        assertThat(edited.updatedAt()).isNotNull();
        assertThat(f.access.auditRows("challenge_application", String.valueOf(applied.id()), "update")).isEqualTo(1);
        // a stale edit writes nothing
        assertThatThrownBy(() -> f.as(enterpriseUser, () -> f.applications.update(applied.id(), applied.version(),
                ChallengeFixtures.application("过期的修改", List.of(), List.of()))))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.key()).isEqualTo("challenge.conflict.applicationStale"));
        assertThat(f.system(() -> f.applications.find(applied.id())).plan()).isEqualTo("修订方案");
        // the lead does not change
        assertThatThrownBy(() -> f.as(enterpriseUser, () -> f.applications.update(applied.id(), edited.version(), new ApplicationDraft(
                f.extIdOfOrganization(university), List.of(), List.of(), "换牵头", java.util.Map.of(1, java.math.BigDecimal.ONE, 2, java.math.BigDecimal.ONE)))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("leadOrganization"));

        // a partner's user, the reviewer and the department do not change it
        assertThatThrownBy(() -> f.as(partnerUser, () -> f.applications.withdraw(applied.id()))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> f.as(reviewer, () -> f.applications.withdraw(applied.id()))).isInstanceOf(AccessDeniedException.class);
        assertThat(f.as(partnerUser, () -> f.applications.canChange(applied.id()))).isFalse();
        assertThat(f.as(enterpriseUser, () -> f.applications.canChange(applied.id()))).isTrue();

        ApplicationView withdrawn = f.as(enterpriseUser, () -> f.applications.withdraw(applied.id()));
        assertThat(withdrawn.status()).isEqualTo("withdrawn");
        assertThat(withdrawn.withdrawnAt()).isNotNull();
        assertThat(f.access.auditRows("challenge_application", String.valueOf(applied.id()), "withdraw")).isEqualTo(1);
        // kept: the team and the department see it, as withdrawn; the panel does not
        assertThat(f.as(partnerUser, () -> f.applications.find(applied.id())).status()).isEqualTo("withdrawn");
        assertThat(f.system(() -> f.applications.ofChallenge(extId))).extracting(ApplicationView::status).containsExactly("withdrawn");
        assertThatThrownBy(() -> f.as(reviewer, () -> f.applications.find(applied.id()))).isInstanceOf(NotFoundException.class);
        assertThat(f.as(reviewer, () -> f.applications.ofChallenge(extId))).isEmpty();
        assertThat(f.as(reviewer, () -> f.reviews.assignments())).extracting(ApplicationView::id).doesNotContain(applied.id());
        assertThat(f.system(() -> f.challenges.find(extId)).applications()).as("not counted").isZero();
        // withdrawn is final; the organization may apply again
        assertThatThrownBy(() -> f.as(enterpriseUser, () -> f.applications.withdraw(applied.id())))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.key()).isEqualTo("challenge.conflict.application.withdrawn"));
        ApplicationView again = f.as(enterpriseUser, () -> f.applications.apply(extId, ChallengeFixtures.application("重新申报", List.of(), List.of())));
        assertThat(again.status()).isEqualTo("submitted");
        assertThat(f.system(() -> f.reviews.ranking(extId))).extracting(Ranking::applicationId).containsExactly(again.id());

        // the consortium's other organizations are told
        String link = "/challenges/applications/" + applied.id();
        long told = 0;
        for (int i = 0; i < 50 && told == 0; i++) {
            told = f.jdbc.sql("select count(*) from notification where user_id = :u and link = :l and message_key = 'notification.challenge.withdrawn'")
                    .param("u", partnerUser.id()).param("l", link).query(Long.class).single();
            sleep();
        }
        assertThat(told).isEqualTo(1);
        assertThat(f.jdbc.sql("select count(*) from notification where user_id = :u and link = :l").param("u", enterpriseUser.id())
                .param("l", link).query(Long.class).single()).as("the actor is not told of their own action").isZero();

        // once the call closes it stays
        f.pastDeadline(extId);
        assertThatThrownBy(() -> f.as(enterpriseUser, () -> f.applications.withdraw(again.id())))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.key()).isEqualTo("challenge.conflict.deadlinePassed"));
        assertThat(f.system(() -> f.applications.find(again.id())).status()).isEqualTo("submitted");
    }

    @Test
    void anOrganizationAdministratorWithdrawsForItsUnitAndNotOnceTheReviewHasStarted() {
        String extId = f.published("管理员撤回", "any");
        Account groupAdmin = f.access.user(group, Role.ORG_ADMIN);
        ApplicationView applied = f.as(enterpriseUser, () -> f.applications.apply(extId, ChallengeFixtures.application("方案", List.of(), List.of())));
        String other = f.published("评审开始后", "any");
        ApplicationView reviewed = f.as(enterpriseUser, () -> f.applications.apply(other, ChallengeFixtures.application("方案", List.of(), List.of())));
        f.system(() -> f.challenges.perform(other, ChallengeAction.START_REVIEW));

        assertThat(f.as(groupAdmin, () -> f.applications.withdraw(applied.id())).status()).isEqualTo("withdrawn");
        assertThatThrownBy(() -> f.as(enterpriseUser, () -> f.applications.withdraw(reviewed.id())))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.key()).isEqualTo("challenge.conflict.status.under_review"));
    }

    // --- editing a draft ----------------------------------------------------------------------

    @Test
    void theAuthorAndTheDepartmentEditADraftAtItsVersionAndNoOneElse() {
        ChallengeView draft = f.as(sponsorUser, () -> f.challenges.create(ChallengeFixtures.draft("草稿编辑", "any")));
        Account colleague = f.access.user(f.organization("Another Enterprise", "enterprise", null), Role.ENTERPRISE);
        ChallengeDraft changed = new ChallengeDraft("草稿编辑（修订）", "Edited draft", "新的问题描述", null, "kct-02", null,
                new java.math.BigDecimal("6000000"), 30, "enterprise_and_academic", null, java.time.Instant.now().plus(40, java.time.temporal.ChronoUnit.DAYS),
                List.of(new Target(null, 1, "良率", "%", new java.math.BigDecimal("95"), true)), null);

        ChallengeView edited = f.as(sponsorUser, () -> f.challenges.update(draft.extId(), draft.version(), changed));
        assertThat(edited.title().zh()).isEqualTo("草稿编辑（修订）");
        assertThat(edited.technologyCode()).isEqualTo("kct-02");
        assertThat(edited.targets()).extracting(Target::indicator).containsExactly("良率");
        assertThat(edited.version()).isEqualTo(draft.version() + 1);
        assertThat(f.access.auditRows("challenge", draft.extId(), "update")).isEqualTo(1);

        // stale: 409, nothing written
        assertThatThrownBy(() -> f.as(sponsorUser, () -> f.challenges.update(draft.extId(), draft.version(), ChallengeFixtures.draft("过期", "any"))))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.key()).isEqualTo("challenge.conflict.draftStale");
                    assertThat(e.args()).containsExactly(draft.version(), edited.version());
                });
        assertThat(f.system(() -> f.challenges.find(draft.extId())).title().zh()).isEqualTo("草稿编辑（修订）");
        // the same checks as posting: a deadline in the past is refused
        ChallengeDraft past = new ChallengeDraft("过去", null, "问题", null, "kct-02", null, java.math.BigDecimal.ONE, 12, "any", null,
                java.time.Instant.now().minusSeconds(60), List.of(new Target(null, 1, "良率", "%", java.math.BigDecimal.TEN, true)), null);
        assertThatThrownBy(() -> f.as(sponsorUser, () -> f.challenges.update(draft.extId(), edited.version(), past)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("deadline"));
        // another enterprise cannot even see it; the department edits it and the author is told
        assertThatThrownBy(() -> f.as(colleague, () -> f.challenges.update(draft.extId(), edited.version(), changed))).isInstanceOf(NotFoundException.class);
        ChallengeView byDepartment = f.system(() -> f.challenges.update(draft.extId(), edited.version(), ChallengeFixtures.draft("厅里修改", "any")));
        assertThat(byDepartment.title().zh()).isEqualTo("厅里修改");
        long told = 0;
        for (int i = 0; i < 50 && told == 0; i++) {
            told = f.jdbc.sql("select count(*) from notification where user_id = :u and message_key = 'notification.challenge.draftEdited' and link = :l")
                    .param("u", sponsorUser.id()).param("l", "/challenges/" + draft.extId()).query(Long.class).single();
            sleep();
        }
        assertThat(told).isEqualTo(1);
        // published: no longer edited
        f.system(() -> f.challenges.perform(draft.extId(), ChallengeAction.PUBLISH));
        assertThatThrownBy(() -> f.as(sponsorUser, () -> f.challenges.update(draft.extId(), byDepartment.version() + 1, changed)))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.key()).isEqualTo("challenge.conflict.status.published"));
    }

    // --- progress going backwards -------------------------------------------------------------

    @Test
    void progressMayGoBackWithAReasonThatTheSponsorSeesHighlightedAndIsToldOf() {
        String extId = f.as(sponsorUser, () -> f.challenges.create(ChallengeFixtures.draft("进度回退", "any")).extId());
        f.system(() -> f.challenges.perform(extId, ChallengeAction.PUBLISH));
        long application = f.as(enterpriseUser, () -> f.applications.apply(extId, ChallengeFixtures.application("方案", List.of(), List.of()))).id();
        f.system(() -> {
            f.challenges.perform(extId, ChallengeAction.START_REVIEW);
            f.reviews.award(extId, ChallengeFixtures.award(application));
        });
        Account sponsorColleague = f.access.user(f.jdbc.sql("select organization_id from app_user where id = :u").param("u", sponsorUser.id())
                .query(Long.class).single(), Role.ENTERPRISE);
        long milestone = f.delivery.milestones(extId).getFirst().id();
        f.as(enterpriseUser, () -> f.delivery.report(milestone, 60, "流片过半"));

        assertThatThrownBy(() -> f.as(enterpriseUser, () -> f.delivery.report(milestone, 40, "返工", null)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("reason");
                    assertThat(e.key()).isEqualTo("challenge.error.report.regression");
                    assertThat(e.args()).containsExactly(60, 40);
                });
        assertThat(f.delivery.milestones(extId).getFirst().progress()).as("nothing written").isEqualTo(60);

        MilestoneView back = f.as(enterpriseUser, () -> f.delivery.report(milestone, 40, "返工", "样片良率不达标，需重新流片"));
        assertThat(back.progress()).isEqualTo(40);
        MilestoneView.Report latest = back.reports().getFirst();
        assertThat(latest.regression()).isTrue();
        assertThat(latest.previous()).isEqualTo(60);
        assertThat(latest.regressionReason()).isEqualTo("样片良率不达标，需重新流片");
        assertThat(back.reports().get(1).regression()).isFalse();
        // forward again: no reason needed, none kept
        MilestoneView forward = f.as(enterpriseUser, () -> f.delivery.report(milestone, 70, "重新流片完成", "ignored"));
        assertThat(forward.reports().getFirst().regressionReason()).isNull();

        String link = "/challenges/" + extId;
        long told = 0;
        for (int i = 0; i < 50 && told == 0; i++) {
            told = f.jdbc.sql("select count(*) from notification where user_id = :u and link = :l and message_key = 'notification.challenge.progressBack'")
                    .param("u", sponsorColleague.id()).param("l", link).query(Long.class).single();
            sleep();
        }
        assertThat(told).isEqualTo(1);
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

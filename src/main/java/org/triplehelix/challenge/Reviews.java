package org.triplehelix.challenge;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.triplehelix.access.CurrentUser;
import org.triplehelix.access.DataScope;
import org.triplehelix.access.Role;
import org.triplehelix.matching.EntityKind;
import org.triplehelix.matching.MatchRequest;
import org.triplehelix.matching.MatchService;
import org.triplehelix.matching.SearchFilter;
import org.triplehelix.shared.AuditableChange;
import org.triplehelix.shared.ConflictException;
import org.triplehelix.shared.InvalidInputException;
import org.triplehelix.shared.NotFoundException;
import org.triplehelix.shared.Text;
import org.triplehelix.shared.UserNotice;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Review without conflicts of interest. The department assigns a panel to a challenge from the
 * REVIEWER accounts, proposed by expertise (matching's ranking of people against the challenge)
 * and each shown eligible or not, with why: a reviewer is out when their organization is, or
 * shares a parent organization (up the parent chain) with, the sponsor or any consortium member,
 * or when they co-authored an output with a named consortium member in the last
 * {@value #CO_AUTHOR_YEARS} years. Panel members see and score only their challenge's
 * applications; the ranking is the mean of the weighted totals; the award names the winner with
 * its rationale and defines the milestones; every other applicant then sees its scores and
 * comments, the reviewers anonymous.
 */
@Service
public class Reviews {

    static final int CO_AUTHOR_YEARS = 5;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Challenges challenges;
    private final Applications applications;
    private final ApplicationRepository repository;
    private final DataScope scope;
    private final MatchService matching;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock = Clock.systemUTC();

    Reviews(Challenges challenges, Applications applications, ApplicationRepository repository, DataScope scope, MatchService matching,
            JdbcClient jdbc, ApplicationEventPublisher events, PlatformTransactionManager transactions) {
        this.challenges = challenges;
        this.applications = applications;
        this.repository = repository;
        this.scope = scope;
        this.matching = matching;
        this.jdbc = jdbc;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
    }

    // --- candidates and the panel -----------------------------------------------------------

    /** Every active REVIEWER account, best expertise first, each eligible or not with the reasons (the department only). */
    public List<ReviewerCandidate> candidates(String extId) {
        long id = challenges.idOf(extId);
        ChallengeView challenge = challenges.visible(id);
        scope.requireAdmin();
        Map<String, Integer> expertise = expertise(challenge);
        Conflicts conflicts = conflicts(id);
        Set<Long> panel = panel(id);
        List<ReviewerCandidate> candidates = new ArrayList<>();
        for (Map<String, Object> row : reviewerAccounts(null)) {
            candidates.add(candidate(row, conflicts, expertise, panel));
        }
        candidates.sort(java.util.Comparator.comparing((ReviewerCandidate c) -> !c.eligible())
                .thenComparing(c -> c.expertiseRank() == null ? Integer.MAX_VALUE : c.expertiseRank())
                .thenComparing(ReviewerCandidate::userId));
        return candidates;
    }

    private ReviewerCandidate candidate(Map<String, Object> row, Conflicts conflicts, Map<String, Integer> expertise, Set<Long> panel) {
        long userId = ((Number) row.get("id")).longValue();
        Long personId = row.get("person_id") == null ? null : ((Number) row.get("person_id")).longValue();
        Long orgId = row.get("organization_id") == null ? null : ((Number) row.get("organization_id")).longValue();
        String personExtId = (String) row.get("p_ext");
        List<ReviewerCandidate.Reason> reasons = conflicts.of(orgId, personId);
        boolean eligible = reasons.isEmpty();
        Integer rank = personExtId == null ? null : expertise.get(personExtId);
        if (eligible) {
            reasons = new ArrayList<>();
            reasons.add(new ReviewerCandidate.Reason("no-conflict", "no shared organization, parent organization or recent co-authored output", null));
            if (rank != null) {
                reasons.add(new ReviewerCandidate.Reason("expertise", "expertise ranked " + rank + " among people for this challenge", String.valueOf(rank)));
            }
            if (personId == null) {
                reasons.add(new ReviewerCandidate.Reason("no-profile", "no registry profile: co-authorship could not be checked", null));
            }
        }
        return new ReviewerCandidate(userId, (String) row.get("name"), personExtId,
                Text.ofNullable((String) row.get("p_zh"), (String) row.get("p_en")), Text.ofNullable((String) row.get("o_zh"), (String) row.get("o_en")),
                rank, eligible, panel.contains(userId), List.copyOf(reasons));
    }

    private Map<String, Integer> expertise(ChallengeView challenge) {
        Map<String, Integer> ranks = new HashMap<>();
        try {
            List<MatchService.Ranked> ranked = matching.rank(new MatchRequest(Challenges.describe(challenge), EntityKind.PERSON, 200,
                    SearchFilter.NONE, false));
            for (int i = 0; i < ranked.size(); i++) {
                ranks.putIfAbsent(ranked.get(i).extId(), i + 1);
            }
        } catch (RuntimeException e) {
            // expertise is advice: without the index the candidates are still listed, with their conflicts
        }
        return ranks;
    }

    /** Active REVIEWER accounts (one, when a user id is given). */
    private List<Map<String, Object>> reviewerAccounts(Long userId) {
        return jdbc.sql("""
                        select u.id, u.name, u.person_id, coalesce(u.organization_id, p.organization_id) organization_id,
                               p.ext_id p_ext, p.name_zh p_zh, p.name_en p_en, o.name_zh o_zh, o.name_en o_en
                        from app_user u join user_role r on r.user_id = u.id and r.role = 'REVIEWER'
                        left join person p on p.id = u.person_id
                        left join organization o on o.id = coalesce(u.organization_id, p.organization_id)
                        where u.status = 'active' and (:user::bigint is null or u.id = :user) order by u.id
                        """).param("user", userId).query().listOfRows();
    }

    private Set<Long> panel(long challengeId) {
        return Set.copyOf(jdbc.sql("select user_id from challenge_reviewer where challenge_id = :c").param("c", challengeId)
                .query(Long.class).list());
    }

    /** What rules reviewers out for a challenge: the sponsor's and every consortium's organizations and people. */
    private Conflicts conflicts(long challengeId) {
        Map<Long, String> organizations = new LinkedHashMap<>();   // member organization → what it is in the challenge
        jdbc.sql("select sponsor_organization_id from challenge where id = :c and sponsor_organization_id is not null")
                .param("c", challengeId).query(Long.class).optional().ifPresent(o -> organizations.put(o, "sponsor"));
        Map<Long, Text> people = new LinkedHashMap<>();
        jdbc.sql("""
                        select m.organization_id, m.person_id, p.name_zh, p.name_en from application_member m
                        join challenge_application a on a.id = m.application_id left join person p on p.id = m.person_id
                        where a.challenge_id = :c and a.status <> 'withdrawn'
                        """).param("c", challengeId).query(rs -> {
                    long org = rs.getLong(1);
                    if (!rs.wasNull()) {
                        organizations.putIfAbsent(org, "member");
                    }
                    long person = rs.getLong(2);
                    if (!rs.wasNull()) {
                        people.put(person, Text.ofNullable(rs.getString(3), rs.getString(4)));
                    }
                });
        return new Conflicts(organizations, people);
    }

    private final class Conflicts {
        private final Map<Long, String> organizations;
        private final Map<Long, Text> people;
        private final Map<Long, List<ApplicationRepository.Org>> chains = new HashMap<>();

        Conflicts(Map<Long, String> organizations, Map<Long, Text> people) {
            this.organizations = organizations;
            this.people = people;
        }

        List<ReviewerCandidate.Reason> of(Long organizationId, Long personId) {
            List<ReviewerCandidate.Reason> reasons = new ArrayList<>();
            if (organizationId != null) {
                List<ApplicationRepository.Org> mine = chain(organizationId);
                Set<Long> mineIds = new LinkedHashSet<>(mine.stream().map(ApplicationRepository.Org::id).toList());
                for (Map.Entry<Long, String> member : organizations.entrySet()) {
                    List<ApplicationRepository.Org> theirs = chain(member.getKey());
                    String role = member.getValue();
                    String name = theirs.isEmpty() ? "#" + member.getKey() : theirs.getFirst().name().both();
                    if (member.getKey().equals(organizationId)) {
                        reasons.add(new ReviewerCandidate.Reason("same-organization",
                                "works at " + name + ", the " + role + "'s organization", name));
                    } else {
                        theirs.stream().filter(o -> mineIds.contains(o.id())).findFirst().ifPresent(shared -> reasons.add(
                                new ReviewerCandidate.Reason("shared-parent", "their organization and " + name + " (" + role
                                        + ") are both under " + shared.name().both(), shared.name().both() + " / " + name)));
                    }
                }
            }
            if (personId != null && !people.isEmpty()) {
                if (people.containsKey(personId)) {
                    reasons.add(new ReviewerCandidate.Reason("member", "is a named member of a consortium", people.get(personId).both()));
                }
                coAuthored(personId).forEach(row -> reasons.add(new ReviewerCandidate.Reason("co-author",
                        "co-authored \"" + row.get("title") + "\" (" + row.get("year") + ") with " + row.get("member"),
                        row.get("member") + " · " + row.get("title") + " (" + row.get("year") + ")")));
            }
            return reasons;
        }

        private List<ApplicationRepository.Org> chain(long organizationId) {
            return chains.computeIfAbsent(organizationId, repository::chain);
        }

        private List<Map<String, Object>> coAuthored(long personId) {
            int since = LocalDate.now(Challenges.ZONE).getYear() - CO_AUTHOR_YEARS;
            return jdbc.sql("""
                            select distinct on (other.person_id) coalesce(o.title_zh, o.title_en) title, o.year,
                                   coalesce(p.name_zh, p.name_en) member
                            from output_person mine join output o on o.id = mine.output_id
                            join output_person other on other.output_id = mine.output_id and other.person_id <> mine.person_id
                            join person p on p.id = other.person_id
                            where mine.person_id = :me and other.person_id = any(:members) and o.year >= :since
                            order by other.person_id, o.year desc
                            """).param("me", personId).param("members", people.keySet().toArray(Long[]::new)).param("since", since)
                    .query().listOfRows();
        }
    }

    /** Puts an eligible reviewer on the challenge's panel (the department; while published or under review); 409 with the reasons otherwise. */
    public ReviewerCandidate assign(String extId, long userId) {
        long id = challenges.idOf(extId);
        challenges.visible(id);
        scope.requireAdmin();
        Map<String, Object> account = reviewerAccounts(userId).stream().findFirst()
                .orElseThrow(() -> new InvalidInputException("reviewer", "user " + userId + " is no active reviewer",
                        "challenge.error.noReviewer"));
        return transaction.execute(status -> {
            Challenge challenge = challenges.lockAggregate(id);
            if (challenge.status() != ChallengeStatus.PUBLISHED && challenge.status() != ChallengeStatus.UNDER_REVIEW) {
                throw new ConflictException("reviewers are assigned while the challenge is published or under review",
                        Map.of("status", challenge.status().code()), challenge.status().conflictKey());
            }
            ReviewerCandidate candidate = candidate(account, conflicts(id), Map.of(), Set.of());
            if (!candidate.eligible()) {
                throw new ConflictException("the reviewer has a conflict of interest: " + candidate.reasons().getFirst().message(),
                        Map.of("reasons", candidate.reasons().stream().map(ReviewerCandidate.Reason::code).toList()),
                        "challenge.conflict.reviewer." + candidate.reasons().getFirst().code(), candidate.reasons().getFirst().detail());
            }
            int added = jdbc.sql("insert into challenge_reviewer (challenge_id, user_id) values (:c, :u) on conflict do nothing")
                    .param("c", id).param("u", userId).update();
            if (added > 0) {
                events.publishEvent(AuditableChange.created("challenge_reviewer", extId + "/" + userId,
                        Map.of("challenge", extId, "reviewer", userId, "reasons", candidate.reasons().stream().map(ReviewerCandidate.Reason::code).toList())));
            }
            return new ReviewerCandidate(candidate.userId(), candidate.name(), candidate.personExtId(), candidate.person(),
                    candidate.organization(), null, true, true, candidate.reasons());
        });
    }

    /** The applications the signed-in reviewer is assigned to (through their panels). */
    public List<ApplicationView> assignments() {
        CurrentUser user = scope.requireSignedIn();
        return jdbc.sql("""
                        select a.id from challenge_application a join challenge_reviewer r on r.challenge_id = a.challenge_id
                        where r.user_id = :u and a.status <> 'withdrawn' order by a.challenge_id desc, a.id
                        """).param("u", user.id()).query(Long.class).list().stream()
                .map(applications::find).toList();
    }

    // --- scoring and ranking ----------------------------------------------------------------

    /** A panel member scores an application against the rubric (again to correct); 404 for anyone else. */
    public Feedback.Review score(long applicationId, ScoreInput input) {
        CurrentUser user = scope.requireSignedIn();
        ApplicationRepository.Access access = repository.access(applicationId)
                .orElseThrow(() -> new NotFoundException("application", applicationId));
        if (!user.hasRole(Role.REVIEWER) || !repository.onPanel(access.challengeId(), user.id()) || access.withdrawn()) {
            throw new NotFoundException("application", applicationId);
        }
        ChallengeView challenge = challenges.visible(access.challengeId());
        if (challenge.status() != ChallengeStatus.UNDER_REVIEW) {
            throw new ConflictException("applications are scored while the challenge is under review", Map.of("status", challenge.statusCode()),
                    challenge.status().conflictKey());
        }
        Set<String> codes = new LinkedHashSet<>(challenge.rubric().stream().map(Criterion::code).toList());
        if (!codes.equals(input.scores().keySet())) {
            throw new InvalidInputException("scores", "score exactly the rubric's criteria: " + String.join(", ", codes),
                    "challenge.error.score.rubric");
        }
        BigDecimal total = total(challenge.rubric(), input.scores());
        return transaction.execute(status -> {
            jdbc.sql("""
                            insert into review_score (application_id, reviewer_user_id, scores, total, comment)
                            values (:a, :u, cast(:scores as jsonb), :total, :comment)
                            on conflict (application_id, reviewer_user_id) do update
                            set scores = excluded.scores, total = excluded.total, comment = excluded.comment, scored_at = now()
                            """).param("a", applicationId).param("u", user.id()).param("scores", JSON.writeValueAsString(input.scores()))
                    .param("total", total).param("comment", input.comment()).update();
            events.publishEvent(new AuditableChange("score", "challenge_application", String.valueOf(applicationId), null,
                    Map.of("reviewer", user.id(), "scores", input.scores(), "total", total)));
            return new Feedback.Review(user.name(), input.scores(), total, input.comment());
        });
    }

    /** The weighted total: the sum of score × weight / 100. */
    static BigDecimal total(List<Criterion> rubric, Map<String, Integer> scores) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Criterion criterion : rubric) {
            sum = sum.add(BigDecimal.valueOf((long) scores.get(criterion.code()) * criterion.weight()));
        }
        return sum.divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
    }

    /** The reviewer's own earlier score of an application, if any. */
    public Feedback.Review myScore(long applicationId) {
        CurrentUser user = scope.requireSignedIn();
        return jdbc.sql("select scores::text, total, comment from review_score where application_id = :a and reviewer_user_id = :u")
                .param("a", applicationId).param("u", user.id())
                .query((rs, n) -> new Feedback.Review(user.name(), scores(rs.getString(1)), rs.getBigDecimal(2), rs.getString(3)))
                .optional().orElse(null);
    }

    /** The applications by their mean weighted total, best first (ties by id): the department only. */
    public List<Ranking> ranking(String extId) {
        long id = challenges.idOf(extId);
        challenges.visible(id);
        scope.requireAdmin();
        List<Ranking> ranking = new ArrayList<>();
        int rank = 0;
        for (Map<String, Object> row : repository.rankingRows(id)) {
            ranking.add(new Ranking(++rank, ((Number) row.get("id")).longValue(),
                    Text.ofNullable((String) row.get("name_zh"), (String) row.get("name_en")), ((Number) row.get("reviews")).intValue(),
                    (BigDecimal) row.get("average"), (String) row.get("status")));
        }
        return ranking;
    }

    // --- the award --------------------------------------------------------------------------

    /** Refuses a milestone due before the award, and tranches that add up to more than the budget (field {@code milestones}). */
    static void checkMilestones(List<MilestoneDraft> milestones, LocalDate awardedOn, BigDecimal budget) {
        for (int i = 0; i < milestones.size(); i++) {
            LocalDate due = milestones.get(i).due();
            if (due.isBefore(awardedOn)) {
                throw new InvalidInputException("milestones", "milestone " + (i + 1) + " is due on " + due + ", before the award",
                        "challenge.error.milestone.duePast", i + 1, due.toString());
            }
        }
        BigDecimal total = milestones.stream().map(MilestoneDraft::tranche).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (budget != null && total.compareTo(budget) > 0) {
            throw new InvalidInputException("milestones", "the tranches add up to " + total.toPlainString()
                    + " yuan, more than the budget or reward of " + budget.toPlainString(), "challenge.error.milestone.tranches",
                    yuan(total), yuan(budget));
        }
    }

    private static String yuan(BigDecimal amount) {
        java.text.NumberFormat format = java.text.NumberFormat.getNumberInstance(java.util.Locale.ROOT);
        format.setGroupingUsed(true);
        format.setMaximumFractionDigits(2);
        return format.format(amount);
    }

    /**
     * Awards the challenge under review to one of its applications; of two concurrent awards exactly one succeeds.
     * The milestones are due on the award's day or later, and their tranches add up to the challenge's budget or
     * reward at most: the department pays no more than was offered.
     */
    public ChallengeView award(String extId, AwardInput input) {
        return award(extId, input, LocalDate.now(Challenges.ZONE));
    }

    /** The award as of {@code awardedOn} (the demonstration records awards of the past). */
    ChallengeView award(String extId, AwardInput input, LocalDate awardedOn) {
        long id = challenges.idOf(extId);
        challenges.visible(id);
        scope.requireAdmin();
        checkMilestones(input.milestones(), awardedOn, challenges.find(extId).budget());
        return transaction.execute(status -> {
            ChallengeView after = challenges.transition(id, ChallengeAction.AWARD, Map.of("awarded_application_id", input.applicationId(),
                    "award_rationale", input.rationale(), "awarded_at", clock.instant()), challenge -> {
                ApplicationRepository.Access access = repository.access(input.applicationId()).orElse(null);
                if (access == null || access.challengeId() != id || access.withdrawn()) {
                    throw new InvalidInputException("applicationId", "application " + input.applicationId() + " is not one of this challenge's",
                            "challenge.error.award.notApplication");
                }
            });
            jdbc.sql("""
                            update challenge_application set status = case when id = :winner then 'won' else 'lost' end
                            where challenge_id = :c and status <> 'withdrawn'
                            """)
                    .param("winner", input.applicationId()).param("c", id).update();
            tellApplicants(id, input.applicationId(), after);
            int position = 0;
            for (MilestoneDraft milestone : input.milestones()) {
                jdbc.sql("""
                                insert into milestone (challenge_id, position, title, deliverable, due_date, tranche)
                                values (:c, :p, :title, :deliverable, :due, :tranche)
                                """).param("c", id).param("p", ++position).param("title", milestone.title())
                        .param("deliverable", milestone.deliverable()).param("due", milestone.due()).param("tranche", milestone.tranche()).update();
            }
            events.publishEvent(AuditableChange.created("milestone", extId, Map.of("milestones", input.milestones().size())));
            return after;
        });
    }

    /** Each applicant hears of their application's outcome: won, or not selected (its feedback is open to them now). */
    private void tellApplicants(long challengeId, long winner, ChallengeView challenge) {
        Long by = scope.currentUser().map(CurrentUser::id).orElse(null);
        jdbc.sql("""
                        select id, applicant_user_id from challenge_application
                        where challenge_id = :c and applicant_user_id is not null and status <> 'withdrawn'
                        """)
                .param("c", challengeId).query((rs, n) -> List.of(rs.getLong(1), rs.getLong(2))).list()
                .forEach(a -> events.publishEvent(UserNotice.toUsers(by, List.of(a.get(1)),
                        a.get(0) == winner ? "notification.challenge.won" : "notification.challenge.lost",
                        "/challenges/applications/" + a.get(0), challenge.title())));
    }

    /** After the award: an applicant's scores and comments, reviewers anonymous (its team and the department). */
    public Feedback feedback(long applicationId) {
        ApplicationRepository.Access access = applications.readable(applicationId);
        if (!scope.isAdmin() && !applications.isTeam(access) || access.withdrawn()) { // a withdrawn application was not reviewed
            throw new NotFoundException("feedback", applicationId);
        }
        ChallengeView challenge = challenges.visible(access.challengeId());
        if (challenge.awardedApplicationId() == null) {
            throw new ConflictException("feedback is given once the challenge is awarded", Map.of("status", challenge.statusCode()),
                    challenge.status().conflictKey());
        }
        List<Feedback.Review> reviews = new ArrayList<>();
        jdbc.sql("select scores::text, total, comment from review_score where application_id = :a order by reviewer_user_id")
                .param("a", applicationId).query(rs -> {
                    reviews.add(new Feedback.Review("#" + (reviews.size() + 1), scores(rs.getString(1)), rs.getBigDecimal(2), rs.getString(3)));
                });
        Ranking mine = rankingRows(access.challengeId()).stream().filter(r -> r.applicationId() == applicationId).findFirst().orElseThrow();
        return new Feedback(applicationId, mine.status(), mine.rank(), mine.average(), reviews);
    }

    private List<Ranking> rankingRows(long challengeId) {
        List<Ranking> ranking = new ArrayList<>();
        int rank = 0;
        for (Map<String, Object> row : repository.rankingRows(challengeId)) {
            ranking.add(new Ranking(++rank, ((Number) row.get("id")).longValue(), null, ((Number) row.get("reviews")).intValue(),
                    (BigDecimal) row.get("average"), (String) row.get("status")));
        }
        return ranking;
    }

    private static Map<String, Integer> scores(String json) {
        return JSON.readValue(json, new TypeReference<LinkedHashMap<String, Integer>>() { });
    }
}

package org.triplehelix.challenge;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.triplehelix.access.CurrentUser;
import org.triplehelix.access.DataScope;
import org.triplehelix.shared.AuditableChange;
import org.triplehelix.shared.ConflictException;
import org.triplehelix.shared.InvalidInputException;
import org.triplehelix.shared.NotFoundException;
import org.triplehelix.shared.Text;
import org.triplehelix.shared.UserNotice;

/**
 * After the award: the winning team reports progress on its milestones (each on track, at risk
 * or late, see {@link MilestoneStatus}), and the department records acceptance (验收) with the
 * evidence against every target and the panel's verdict.
 */
@Service
public class Delivery {

    private final Challenges challenges;
    private final Applications applications;
    private final ApplicationRepository repository;
    private final DataScope scope;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;

    Delivery(Challenges challenges, Applications applications, ApplicationRepository repository, DataScope scope, JdbcClient jdbc,
             ApplicationEventPublisher events, PlatformTransactionManager transactions) {
        this.challenges = challenges;
        this.applications = applications;
        this.repository = repository;
        this.scope = scope;
        this.jdbc = jdbc;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** A challenge's milestones with their status today (public once awarded). */
    public List<MilestoneView> milestones(String extId) {
        long id = challenges.idOf(extId);
        challenges.visible(id);
        return milestones(jdbc, id, LocalDate.now(Challenges.ZONE));
    }

    static List<MilestoneView> milestones(JdbcClient jdbc, long challengeId, LocalDate today) {
        LocalDate awarded = jdbc.sql("select (awarded_at at time zone 'Asia/Shanghai')::date from challenge where id = :c")
                .param("c", challengeId).query(LocalDate.class).optional().orElse(today);
        List<MilestoneView> views = new ArrayList<>();
        LocalDate start = awarded == null ? today : awarded;
        for (Map<String, Object> row : jdbc.sql("select * from milestone where challenge_id = :c order by position")
                .param("c", challengeId).query().listOfRows()) {
            long id = ((Number) row.get("id")).longValue();
            LocalDate due = ((java.sql.Date) row.get("due_date")).toLocalDate();
            List<MilestoneView.Report> reports = reports(jdbc, id);
            Integer progress = reports.isEmpty() ? null : reports.getFirst().progress();
            views.add(new MilestoneView(id, ((Number) row.get("position")).intValue(), (String) row.get("title"), (String) row.get("deliverable"),
                    due, (BigDecimal) row.get("tranche"), MilestoneStatus.of(start.isAfter(due) ? due : start, due, progress, today), progress, reports));
            start = due;
        }
        return views;
    }

    /** A milestone's reports, latest first, each with the progress of the report before it. */
    private static List<MilestoneView.Report> reports(JdbcClient jdbc, long milestoneId) {
        List<MilestoneView.Report> reports = new ArrayList<>(jdbc.sql("""
                        select progress, note, reported_at, regression_reason,
                               lag(progress) over (order by reported_at, id) previous
                        from milestone_report where milestone_id = :m order by reported_at desc, id desc
                        """).param("m", milestoneId)
                .query((rs, n) -> new MilestoneView.Report(rs.getInt(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                        (Integer) rs.getObject(5), rs.getString(4))).list());
        return reports;
    }

    /** The winning team reports progress (0–100 %) on a milestone while the challenge is awarded or in progress. */
    public MilestoneView report(long milestoneId, int progress, String note) {
        return report(null, milestoneId, progress, note, null);
    }

    /** The same, with the reason when the progress is lower than the milestone's last report. */
    public MilestoneView report(long milestoneId, int progress, String note, String reason) {
        return report(null, milestoneId, progress, note, reason);
    }

    /**
     * A progress report on a milestone of the challenge {@code challengeExtId} (a challenge's page): a milestone of
     * another challenge is not found there (404), whatever the reporter may do on that other challenge. Progress may go
     * back (plans slip, a sample fails its test), but then the report says why ({@code reason}, else 400): the sponsor
     * sees the setback highlighted and is told.
     */
    public MilestoneView report(String challengeExtId, long milestoneId, int progress, String note, String reason) {
        if (progress < 0 || progress > 100) {
            throw new InvalidInputException("progress", "progress is 0 to 100 %", "challenge.error.report.progress");
        }
        if (note == null || note.isBlank() || note.length() > 5000) {
            throw new InvalidInputException("note", "say what was done (at most 5,000 characters)", "challenge.error.report.note");
        }
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        if (why != null && why.length() > 2000) {
            throw new InvalidInputException("reason", "the reason is at most 2,000 characters", "challenge.error.report.reasonLong");
        }
        CurrentUser user = scope.requireSignedIn();
        Map<String, Object> row = jdbc.sql("""
                        select m.challenge_id, c.ext_id, c.awarded_application_id, m.title, c.created_by from milestone m join challenge c on c.id = m.challenge_id
                        where m.id = :m
                        """).param("m", milestoneId).query().listOfRows().stream().findFirst()
                .filter(r -> challengeExtId == null || challengeExtId.equals(r.get("ext_id")))
                .orElseThrow(() -> new NotFoundException("milestone", milestoneId));
        long challengeId = ((Number) row.get("challenge_id")).longValue();
        ChallengeView challenge = challenges.visible(challengeId);
        long winner = ((Number) row.get("awarded_application_id")).longValue();
        boolean team = repository.access(winner).map(applications::isTeam).orElse(false);
        if (!team && !scope.isAdmin()) {
            throw new org.springframework.security.access.AccessDeniedException("only the winning team reports progress");
        }
        if (challenge.status() != ChallengeStatus.AWARDED && challenge.status() != ChallengeStatus.IN_PROGRESS) {
            throw new ConflictException("progress is reported while the challenge is awarded or in progress", Map.of("status", challenge.statusCode()),
                    challenge.status().conflictKey());
        }
        return transaction.execute(status -> {
            jdbc.sql("select id from milestone where id = :m for update").param("m", milestoneId).query(Long.class).single(); // reports in turn
            Integer previous = jdbc.sql("select progress from milestone_report where milestone_id = :m order by reported_at desc, id desc limit 1")
                    .param("m", milestoneId).query(Integer.class).optional().orElse(null);
            boolean back = previous != null && progress < previous;
            if (back && why == null) {
                throw new InvalidInputException("reason", "progress falls from " + previous + " % to " + progress + " %: say why",
                        "challenge.error.report.regression", previous, progress);
            }
            long id = jdbc.sql("""
                            insert into milestone_report (milestone_id, progress, note, reported_by, regression_reason)
                            values (:m, :p, :n, :u, :r) returning id
                            """)
                    .param("m", milestoneId).param("p", progress).param("n", note.strip()).param("u", user.id())
                    .param("r", back ? why : null).query(Long.class).single();
            Map<String, Object> audited = new java.util.LinkedHashMap<>();
            audited.put("challenge", challenge.extId());
            audited.put("milestone", milestoneId);
            audited.put("progress", progress);
            if (back) {
                audited.put("previous", previous);
                audited.put("reason", why);
            }
            events.publishEvent(AuditableChange.created("milestone_report", String.valueOf(id), audited));
            Text milestone = Text.of((String) row.get("title"));
            if (challenge.sponsorExtId() != null) { // an enterprise's challenge: its users follow the work they fund
                events.publishEvent(back
                        ? UserNotice.toOrganizations(user.id(), List.of(challenge.sponsorExtId()), "notification.challenge.progressBack",
                                "/challenges/" + challenge.extId(), challenge.title(), milestone, Text.of(String.valueOf(previous)),
                                Text.of(String.valueOf(progress)), Text.of(why))
                        : UserNotice.toOrganizations(user.id(), List.of(challenge.sponsorExtId()), "notification.challenge.progress",
                                "/challenges/" + challenge.extId(), challenge.title(), milestone, Text.of(String.valueOf(progress))));
            } else if (back && row.get("created_by") != null) { // the department's challenge: the account that posted it hears of a setback
                events.publishEvent(UserNotice.toUsers(user.id(), List.of(((Number) row.get("created_by")).longValue()),
                        "notification.challenge.progressBack", "/challenges/" + challenge.extId(), challenge.title(), milestone,
                        Text.of(String.valueOf(previous)), Text.of(String.valueOf(progress)), Text.of(why)));
            }
            return milestones(jdbc, challengeId, LocalDate.now(Challenges.ZONE)).stream().filter(m -> m.id() == milestoneId).findFirst().orElseThrow();
        });
    }

    /** Acceptance: evidence for every target and the verdict; a pass accepts, a fail terminates (the department only). */
    /**
     * A challenge is accepted against the targets its team pledged: a passing verdict with a target not met
     * is refused (field {@code evidence}), naming the target, the result and the threshold.
     */
    private static void requireMet(List<Target> targets, Map<Integer, AcceptanceInput.Evidence> byPosition) {
        for (Target target : targets) {
            java.math.BigDecimal achieved = byPosition.get(target.position()).achieved();
            if (!target.met(achieved)) {
                String threshold = (target.higherIsBetter() ? "≥ " : "≤ ") + target.threshold().stripTrailingZeros().toPlainString()
                        + " " + target.unit();
                String result = achieved.stripTrailingZeros().toPlainString() + " " + target.unit();
                throw new InvalidInputException("evidence", "a passing verdict needs every target met; " + target.indicator()
                        + " is " + result + " against " + threshold, "challenge.error.acceptance.unmet", target.indicator(), result, threshold);
            }
        }
    }

    public ChallengeView accept(String extId, AcceptanceInput input) {
        long id = challenges.idOf(extId);
        ChallengeView challenge = challenges.visible(id);
        scope.requireAdmin();
        Map<Integer, AcceptanceInput.Evidence> byPosition = new java.util.HashMap<>();
        input.evidence().forEach(e -> byPosition.put(e.position(), e));
        for (Target target : challenge.targets()) {
            if (!byPosition.containsKey(target.position())) {
                throw new InvalidInputException("evidence", "give the result and evidence for every target: " + target.indicator(),
                        "challenge.error.acceptance.every", target.indicator());
            }
        }
        if (input.verdict().equals("pass")) {
            requireMet(challenge.targets(), byPosition);
        }
        ChallengeAction action = input.verdict().equals("pass") ? ChallengeAction.ACCEPT : ChallengeAction.TERMINATE;
        return transaction.execute(status -> {
            ChallengeView after = challenges.transition(id, action, Map.of("verdict", input.verdict(), "verdict_note", input.note().strip()),
                    c -> {
                        if (c.status() != ChallengeStatus.IN_PROGRESS) {
                            ChallengeAction.ACCEPT.apply(c.status());   // acceptance only of work in progress: 409 otherwise
                        }
                    });
            for (Target target : challenge.targets()) {
                AcceptanceInput.Evidence evidence = byPosition.get(target.position());
                jdbc.sql("""
                                insert into acceptance_evidence (challenge_id, target_id, achieved, met, evidence) values (:c, :t, :a, :m, :e)
                                on conflict (challenge_id, target_id) do update set achieved = excluded.achieved, met = excluded.met, evidence = excluded.evidence
                                """).param("c", id).param("t", target.id()).param("a", evidence.achieved()).param("m", target.met(evidence.achieved()))
                        .param("e", evidence.evidence().strip()).update();
            }
            events.publishEvent(AuditableChange.created("acceptance", extId, Map.of("verdict", input.verdict(), "evidence", input.evidence().size())));
            Long applicant = challenge.awardedApplicationId() == null ? null
                    : repository.access(challenge.awardedApplicationId()).map(ApplicationRepository.Access::applicantUserId).orElse(null);
            if (applicant != null) { // the winning team's applicant hears the verdict
                events.publishEvent(UserNotice.toUsers(scope.currentUser().map(CurrentUser::id).orElse(null), List.of(applicant),
                        action == ChallengeAction.ACCEPT ? "notification.challenge.accepted" : "notification.challenge.terminated",
                        "/challenges/" + extId, challenge.title()));
            }
            return after;
        });
    }

    /** The evidence recorded at acceptance: target position → achieved, met, evidence. */
    public List<Map<String, Object>> evidence(String extId) {
        long id = challenges.idOf(extId);
        challenges.visible(id);
        return jdbc.sql("""
                        select t.position, t.indicator, t.unit, t.threshold, e.achieved, e.met, e.evidence
                        from acceptance_evidence e join challenge_target t on t.id = e.target_id where e.challenge_id = :c order by t.position
                        """).param("c", id).query().listOfRows();
    }
}

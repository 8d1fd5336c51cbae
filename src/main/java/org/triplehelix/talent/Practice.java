package org.triplehelix.talent;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.triplehelix.access.CurrentUser;
import org.triplehelix.access.DataScope;
import org.triplehelix.registry.OutputRecord;
import org.triplehelix.registry.OutputType;
import org.triplehelix.registry.RegistryWriter;
import org.triplehelix.shared.AuditableChange;
import org.triplehelix.shared.ConflictException;
import org.triplehelix.shared.NotFoundException;
import org.triplehelix.shared.Text;
import org.triplehelix.shared.UserNotice;

/**
 * A student's practice at the enterprise: hours the student logs (only their own) and their
 * industrial mentor approves or rejects (only their own students', never the student their own);
 * milestones (proposal, mid-term, defense) kept by the mentors and the program's managers; and
 * outcomes (thesis, patents, papers), written as registry outputs linked to the student, both
 * mentors, the university and the enterprise.
 */
@Service
public class Practice {

    /** The longest description of a day's work, in characters. */
    static final int MAX_DESCRIPTION = 1000;
    /** The longest reason for rejecting hours, in characters. */
    public static final int MAX_REASON = 1000;
    /** The years an outcome is of: from the first joint programs on, the page's form and the API alike. */
    public static final int MIN_OUTCOME_YEAR = 1990;
    public static final int MAX_OUTCOME_YEAR = 2100;
    private static final BigDecimal DAY = BigDecimal.valueOf(24);

    private final JdbcClient jdbc;
    private final Programs programs;
    private final DataScope scope;
    private final RegistryWriter registry;
    private final ApplicationEventPublisher events;

    Practice(JdbcClient jdbc, Programs programs, DataScope scope, RegistryWriter registry, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.programs = programs;
        this.scope = scope;
        this.registry = registry;
        this.events = events;
    }

    /** A day's hours; {@code reason} is why the mentor rejected them (null unless rejected with one). */
    public record HoursEntry(long id, String studentExtId, LocalDate date, BigDecimal hours, String description, String status,
                             String reason) {
    }

    /**
     * Hours waiting for the mentor's decision, with the student's name (the registry person's, in
     * both languages) for the page that lists them; the API's {@link HoursEntry} stays as it is.
     */
    public record PendingHours(HoursEntry entry, Text student) {
    }

    public record Milestone(String kind, LocalDate due, LocalDate done, String status) {
    }

    public record Outcome(String extId, String type, Text title, Integer year) {
    }

    // --- hours ------------------------------------------------------------------------------

    /** The student logs hours on their own record; nobody else may. */
    @Transactional
    public HoursEntry log(String studentExtId, LocalDate date, BigDecimal hours, String description) {
        CurrentUser user = scope.requireSignedIn();
        Programs.Student student = programs.find(studentExtId).orElseThrow(() -> new NotFoundException("student", studentExtId));
        if (!programs.isStudent(student)) {
            if (!programs.canSee(student)) {
                throw new NotFoundException("student", studentExtId);
            }
            throw new AccessDeniedException("only the student logs their own practice hours");
        }
        if (date == null) {
            throw TalentInputException.required("date");
        }
        if (date.isAfter(LocalDate.now().plusDays(1))) {
            throw new TalentInputException("date", "talent.reason.futureDay", "practice hours cannot be logged for a future day");
        }
        if (hours == null || hours.signum() <= 0 || hours.compareTo(BigDecimal.valueOf(24)) > 0 || hours.scale() > 1 && hours.stripTrailingZeros().scale() > 1) {
            throw new TalentInputException("hours", "talent.reason.hours", "hours must be more than 0 and at most 24, in tenths");
        }
        if (description == null || description.isBlank()) {
            throw new TalentInputException("description", "talent.reason.describeWork", "say what the work was");
        }
        if (description.strip().length() > MAX_DESCRIPTION) {
            throw new TalentInputException("description", "talent.reason.tooLong",
                    "the description is at most " + MAX_DESCRIPTION + " characters", MAX_DESCRIPTION);
        }
        int cohort = programs.program(student.programExtId()).cohortYear();
        if (date.getYear() < cohort) {
            throw new TalentInputException("date", "talent.reason.beforeCohort",
                    "practice hours are logged from the cohort's year, " + cohort + ", on", cohort);
        }
        // a day has 24 hours: what is logged for it and not rejected, with these, stays within them; the student's
        // row is locked so that two logs of the same day at once cannot both pass
        jdbc.sql("select id from talent_student where id = :s for update").param("s", student.id()).query(Long.class).single();
        BigDecimal logged = jdbc.sql("""
                        select coalesce(sum(hours), 0) from talent_practice_log
                        where student_id = :s and work_date = :d and status <> 'rejected'""")
                .param("s", student.id()).param("d", date).query(BigDecimal.class).single();
        if (logged.add(hours).compareTo(DAY) > 0) {
            throw new TalentInputException("hours", "talent.reason.dayFull", "hours of " + date + " are at most 24 in all; "
                    + logged.toPlainString() + " are logged already", logged.stripTrailingZeros().toPlainString(),
                    DAY.subtract(logged).stripTrailingZeros().toPlainString());
        }
        long id = jdbc.sql("""
                        insert into talent_practice_log (student_id, work_date, hours, description, logged_by)
                        values (:s, :d, :h, :desc, :u) returning id""")
                .param("s", student.id()).param("d", date).param("h", hours).param("desc", description.strip()).param("u", user.id())
                .query(Long.class).single();
        HoursEntry entry = entry(id);
        events.publishEvent(AuditableChange.created("talent_hours", String.valueOf(id), entry));
        return entry;
    }

    @Transactional // here, not only on decide: a call from inside the class passes no proxy
    public HoursEntry approve(long entryId) {
        return decide(entryId, "approved");
    }

    /** Rejects without a reason: what the API has always accepted; the page asks {@link #reject(long, String)} with one. */
    @Transactional
    public HoursEntry reject(long entryId) {
        return reject(entryId, null);
    }

    /**
     * Rejects the hours, with the reason (at most {@value #MAX_REASON} characters; blank is none) stored,
     * shown to the student on their record and said in the notice they get.
     */
    @Transactional
    public HoursEntry reject(long entryId, String reason) {
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        if (why != null && why.length() > MAX_REASON) {
            throw new TalentInputException("reason", "talent.reason.tooLong", "the reason is at most " + MAX_REASON + " characters",
                    MAX_REASON);
        }
        return decide(entryId, "rejected", why);
    }

    /**
     * Pending hours the signed-in user may decide on, with the student's name (the page that asks why they are
     * rejected): 404 for hours out of sight, 403 for anyone but the student's industrial mentor, 409 once decided.
     */
    public PendingHours decidable(long entryId) {
        HoursEntry entry = entry(entryId);
        return new PendingHours(entry, requireDecidable(entry).person().name());
    }

    /** Only the student's industrial mentor decides, never the student; pending entries only. */
    @Transactional
    HoursEntry decide(long entryId, String status) {
        return decide(entryId, status, null);
    }

    private HoursEntry decide(long entryId, String status, String reason) {
        CurrentUser user = scope.requireSignedIn();
        HoursEntry before = entry(entryId);
        Programs.Student student = requireDecidable(before);
        jdbc.sql("""
                        update talent_practice_log set status = :s, reason = :r, decided_by = :u, decided_at = now()
                        where id = :id and status = 'pending'""")
                .param("s", status).param("r", reason).param("u", user.id()).param("id", entryId).update();
        HoursEntry after = entry(entryId);
        events.publishEvent(AuditableChange.updated("talent_hours", String.valueOf(entryId), before, after));
        if (student.userId() != null) { // the student hears the mentor's decision (and why hours were rejected) when they have an account
            String key = status.equals("approved") ? "notification.talent.hoursApproved"
                    : reason == null ? "notification.talent.hoursRejected" : "notification.talent.hoursRejectedWithReason";
            Text[] args = reason == null || status.equals("approved")
                    ? new Text[] {Text.of(after.date().toString()), Text.of(after.hours().toPlainString())}
                    : new Text[] {Text.of(after.date().toString()), Text.of(after.hours().toPlainString()), Text.of(reason)};
            events.publishEvent(UserNotice.toUsers(user.id(), List.of(student.userId()), key, "/talent/students/" + student.extId(), args));
        }
        return after;
    }

    private Programs.Student requireDecidable(HoursEntry entry) {
        scope.requireSignedIn();
        Programs.Student student = programs.find(entry.studentExtId()).orElseThrow();
        if (!programs.canSee(student)) {
            throw new NotFoundException("hours", entry.id());
        }
        if (programs.isStudent(student)) {
            throw new AccessDeniedException("a student never approves their own hours");
        }
        if (!programs.isIndustrialMentor(student)) {
            throw new AccessDeniedException("only the student's industrial mentor approves practice hours");
        }
        if (!entry.status().equals("pending")) {
            throw new ConflictException("these hours were already " + entry.status(), "talent.conflict.hours." + entry.status());
        }
        return student;
    }

    public List<HoursEntry> hours(String studentExtId) {
        Programs.Student student = programs.student(studentExtId);
        return jdbc.sql("""
                        select h.id, s.ext_id as student_ext_id, h.work_date as date, h.hours, h.description, h.status, h.reason from talent_practice_log h
                        join talent_student s on s.id = h.student_id where h.student_id = :s order by h.work_date desc, h.id desc""")
                .param("s", student.id()).query(HoursEntry.class).list();
    }

    /** Pending hours of the students the caller is industrial mentor of, each with the student's name. */
    public List<PendingHours> pendingForMe() {
        Long person = scope.currentUser().map(CurrentUser::personId).orElse(null);
        if (person == null) {
            return List.of();
        }
        return jdbc.sql("""
                        select h.id, s.ext_id, h.work_date, h.hours, h.description, h.status, sp.name_zh, sp.name_en
                        from talent_practice_log h join talent_student s on s.id = h.student_id join person sp on sp.id = s.person_id
                        where s.industrial_mentor_id = :p and h.status = 'pending' order by h.work_date, h.id""")
                .param("p", person)
                .query((rs, i) -> new PendingHours(new HoursEntry(rs.getLong("id"), rs.getString("ext_id"), rs.getObject("work_date", LocalDate.class),
                        rs.getBigDecimal("hours"), rs.getString("description"), rs.getString("status"), null),
                        Text.ofNullable(rs.getString("name_zh"), rs.getString("name_en"))))
                .list();
    }

    /** How many of the practice hours of the students the signed-in user mentors in industry wait for their approval. */
    public long pendingCountForMe() {
        Long person = scope.currentUser().map(CurrentUser::personId).orElse(null);
        if (person == null) {
            return 0;
        }
        return jdbc.sql("""
                        select count(*) from talent_practice_log h join talent_student s on s.id = h.student_id
                        where s.industrial_mentor_id = :p and h.status = 'pending'""")
                .param("p", person).query(Long.class).single();
    }

    private HoursEntry entry(long id) {
        return jdbc.sql("""
                        select h.id, s.ext_id as student_ext_id, h.work_date as date, h.hours, h.description, h.status, h.reason from talent_practice_log h
                        join talent_student s on s.id = h.student_id where h.id = :id""")
                .param("id", id).query(HoursEntry.class).optional().orElseThrow(() -> new NotFoundException("hours", id));
    }

    // --- milestones -------------------------------------------------------------------------

    public List<Milestone> milestones(String studentExtId) {
        Programs.Student student = programs.student(studentExtId);
        return jdbc.sql("""
                        select kind, due_date as due, done_date as done, status from talent_milestone where student_id = :s
                        order by array_position(array['proposal','midterm','defense'], kind)""")
                .param("s", student.id()).query(Milestone.class).list();
    }

    /** Sets a milestone's date and status: the mentors and the program's managers. */
    @Transactional
    public Milestone setMilestone(String studentExtId, String kind, LocalDate due, String status, LocalDate done) {
        Programs.Student student = requireMentorOrManager(studentExtId);
        if (kind == null || kind.isBlank()) {
            throw TalentInputException.required("kind");
        }
        if (!List.of("proposal", "midterm", "defense").contains(kind)) {
            throw new TalentInputException("kind", "talent.reason.oneOf", "kind must be proposal, midterm or defense", "proposal, midterm, defense", kind);
        }
        if (due == null) {
            throw TalentInputException.required("due");
        }
        String theStatus = status == null || status.isBlank() ? "planned" : status;
        if (!List.of("planned", "passed", "failed").contains(theStatus)) {
            throw new TalentInputException("status", "talent.reason.oneOf", "status must be planned, passed or failed", "planned, passed, failed", theStatus);
        }
        LocalDate theDone = theStatus.equals("planned") ? null : done == null ? LocalDate.now() : done;
        jdbc.sql("""
                        insert into talent_milestone (student_id, kind, due_date, done_date, status) values (:s, :k, :d, :done, :st)
                        on conflict (student_id, kind) do update set due_date = excluded.due_date, done_date = excluded.done_date,
                            status = excluded.status""")
                .param("s", student.id()).param("k", kind).param("d", due).param("done", theDone).param("st", theStatus).update();
        Milestone milestone = new Milestone(kind, due, theDone, theStatus);
        events.publishEvent(AuditableChange.updated("talent_milestone", studentExtId + "/" + kind, null, milestone));
        return milestone;
    }

    private Programs.Student requireMentorOrManager(String studentExtId) {
        scope.requireSignedIn();
        Programs.Student student = programs.student(studentExtId);
        if (!(programs.isAcademicMentor(student) || programs.isIndustrialMentor(student) || programs.canManage(student))) {
            throw new AccessDeniedException("only the student's mentors and the program's managers may do this");
        }
        return student;
    }

    // --- outcomes ---------------------------------------------------------------------------

    public List<Outcome> outcomes(String studentExtId) {
        Programs.Student student = programs.student(studentExtId);
        return jdbc.sql("""
                        select o.ext_id, o.type, o.title_zh, o.title_en, o.year from talent_outcome t join output o on o.id = t.output_id
                        where t.student_id = :s order by o.year desc nulls last, o.ext_id""")
                .param("s", student.id())
                .query((rs, n) -> new Outcome(rs.getString(1), rs.getString(2), Text.ofNullable(rs.getString(3), rs.getString(4)),
                        (Integer) rs.getObject(5)))
                .list();
    }

    /**
     * Records an outcome (a thesis as an achievement, a patent, a paper) as a registry output
     * linked to the student, both mentors, the university and the enterprise; by the mentors or
     * the program's managers.
     */
    @Transactional
    public Outcome addOutcome(String studentExtId, String type, String titleZh, String titleEn, Integer year) {
        Programs.Student student = requireMentorOrManager(studentExtId);
        if (type == null || type.isBlank()) {
            throw TalentInputException.required("type");
        }
        OutputType outputType = switch (type) {
            case "thesis" -> OutputType.ACHIEVEMENT;
            case "patent" -> OutputType.PATENT;
            case "paper" -> OutputType.PAPER;
            default -> throw new TalentInputException("type", "talent.reason.oneOf", "type must be thesis, patent or paper", "thesis, patent, paper", type);
        };
        Fields.fitting("title_zh", titleZh, Fields.MAX_NAME);
        Fields.fitting("title_en", titleEn, Fields.MAX_NAME);
        Text title = Text.ofNullable(titleZh, titleEn);
        if (title == null) {
            throw new TalentInputException("title_zh", "talent.reason.titleRequired", "a title is required");
        }
        if (year != null && (year < MIN_OUTCOME_YEAR || year > MAX_OUTCOME_YEAR)) { // the page's form reads the year in the same range
            throw new TalentInputException("year", "talent.reason.range", "year must be between " + MIN_OUTCOME_YEAR + " and " + MAX_OUTCOME_YEAR,
                    MIN_OUTCOME_YEAR, MAX_OUTCOME_YEAR);
        }
        String universityExtId = jdbc.sql("select ext_id from organization where id = :id").param("id", student.universityId())
                .query(String.class).single();
        long count = jdbc.sql("select count(*) from talent_outcome where student_id = :s").param("s", student.id()).query(Long.class).single();
        String extId = "talent-" + student.extId() + "-" + type + "-" + (count + 1);
        List<String> organizations = new ArrayList<>(List.of(universityExtId));
        if (!student.enterprise().extId().equals(universityExtId)) {
            organizations.add(student.enterprise().extId());
        }
        OutputRecord record = new OutputRecord(extId, outputType, title, null, List.of(), year, null,
                List.of(student.person().extId(), student.academicMentor().extId(), student.industrialMentor().extId()),
                organizations);
        scope.asSystem(() -> registry.create(record));
        jdbc.sql("insert into talent_outcome (student_id, output_id) select :s, id from output where ext_id = :e")
                .param("s", student.id()).param("e", extId).update();
        Outcome outcome = new Outcome(extId, outputType.name().toLowerCase(java.util.Locale.ROOT), title, year);
        events.publishEvent(AuditableChange.created("talent_outcome", extId, Map.of("student", studentExtId, "output", extId)));
        return outcome;
    }
}

package org.triplehelix.talent;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.triplehelix.access.CurrentUser;
import org.triplehelix.access.DataScope;
import org.triplehelix.shared.NotFoundException;
import org.triplehelix.shared.Page;
import org.triplehelix.shared.SortIds;
import org.triplehelix.shared.Text;
import org.triplehelix.shared.db.Collations;

/**
 * Reading programs and students, and changing a student's record. Programs are public; a
 * student's record is seen by the student, their two mentors, the university's ORG_ADMIN and
 * administrators (anyone else gets a 404: a student's existence is personal data), and changed by
 * whoever may enrol students in its program: the university's ORG_ADMIN and administrators.
 */
@Service
public class Programs {

    /**
     * The orders of the program list, by their ids ({@code ?sort=}): latest cohort first (the default), by name, most
     * places first, most students first; each a fixed ORDER BY ending with the program's id ({@link #orderBy}), never
     * text from the request.
     */
    public enum Sort {
        COHORT, NAME, CAPACITY, STUDENTS;

        public String id() {
            return SortIds.id(this);
        }

        /** The ids, in the order the list offers them. */
        public static final List<String> IDS = java.util.Arrays.stream(values()).map(Sort::id).toList();

        /** The sort of this id (any case; blank: the default), or a refusal naming {@code sort}, as the registry's lists. */
        public static Sort of(String id) {
            return SortIds.of(Sort.class, id, COHORT).orElseThrow(() ->
                    new TalentInputException("sort", "talent.reason.sort", "sort is one of " + String.join(", ", IDS) + ", not " + id, id));
        }
    }

    /**
     * The ORDER BY of a sort; a name in the reader's language when the program has one, in ICU's order for that language
     * (Chinese by pinyin) when the database has it, as the registry's lists and the demands ({@link Collations}).
     */
    private String orderBy(Sort sort, boolean english) {
        return switch (sort) {
            case COHORT -> "p.cohort_year desc, p.ext_id";
            case NAME -> collations.inLanguage("p.name_zh", "p.name_en", english) + ", p.ext_id";
            case CAPACITY -> "p.capacity desc, p.ext_id";
            case STUDENTS -> "students desc, p.ext_id";
        };
    }

    private final JdbcClient jdbc;
    private final Collations collations;
    private final DataScope scope;
    private final TalentWriter writer;

    Programs(JdbcClient jdbc, Collations collations, DataScope scope, TalentWriter writer) {
        this.jdbc = jdbc;
        this.collations = collations;
        this.scope = scope;
        this.writer = writer;
    }

    public record Org(String extId, Text name) {
    }

    public record Program(long id, String extId, Text name, long universityId, Org university, List<Org> enterprises,
                          String disciplineCode, Text discipline, String industryCode, Text industry, String industryGroup,
                          String degreeLevel, int cohortYear, int capacity, int requiredHours, int students, boolean illustrative) {
    }

    public record Person(String extId, Text name) {
    }

    public record Student(long id, String extId, String programExtId, Text programName, int requiredHours, Person person,
                          Long userId, Org enterprise, Person academicMentor, Person industrialMentor, String background,
                          int graduationYear, String status, BigDecimal approvedHours, BigDecimal pendingHours,
                          boolean illustrative, long academicMentorId, long industrialMentorId, long universityId) {
    }

    private static final String PROGRAM_SELECT = """
            select p.*, u.ext_id as u_ext, u.name_zh as u_zh, u.name_en as u_en,
                   d.name_zh as d_zh, d.name_en as d_en, i.name_zh as i_zh, i.name_en as i_en, i.industry_group,
                   (select count(*) from talent_student s where s.program_id = p.id) as students
            from talent_program p join organization u on u.id = p.university_id
            join discipline d on d.code = p.discipline_code join industry i on i.code = p.industry_code
            """;

    /**
     * A page of the programs, in the order of {@code sort} (blank: the default; an unknown one is refused naming
     * {@code sort}); {@code english}: names sorted by their English text first.
     */
    public Page<Program> page(int page, int size, String sort, boolean english, String industry) {
        return page(page, size, Sort.of(sort), english, industry);
    }

    public Page<Program> page(int page, int size, Sort sort, boolean english, String industry) {
        int safeSize = Math.clamp(size, 1, 100);
        int safePage = Math.max(page, 0);
        String order = orderBy(sort, english);
        List<Program> items = jdbc.sql(PROGRAM_SELECT + " where (:ind = '' or p.industry_code = :ind) order by " + order + " limit :l offset :o")
                .param("ind", industry == null ? "" : industry).param("l", safeSize).param("o", (long) safePage * safeSize)
                .query(this::programRow).list();
        long total = jdbc.sql("select count(*) from talent_program p where (:ind = '' or p.industry_code = :ind)")
                .param("ind", industry == null ? "" : industry).query(Long.class).single();
        return new Page<>(items, safePage, safeSize, total);
    }

    public Program program(String extId) {
        return jdbc.sql(PROGRAM_SELECT + " where p.ext_id = :e").param("e", extId).query(this::programRow).optional()
                .orElseThrow(() -> new NotFoundException("program", extId));
    }

    public boolean canManage(Program program) {
        return scope.canEditOrganization(program.universityId());
    }

    /** Whether the caller may create programs somewhere (an admin or an ORG_ADMIN). */
    public boolean canCreatePrograms() {
        return scope.isAdmin() || scope.organizationSubtreeRoot().isPresent();
    }

    private Program programRow(ResultSet rs, int n) throws SQLException {
        long id = rs.getLong("id");
        List<Org> enterprises = jdbc.sql("""
                        select o.ext_id, o.name_zh, o.name_en from talent_program_enterprise e join organization o on o.id = e.organization_id
                        where e.program_id = :p order by e.position""")
                .param("p", id).query((r, i) -> new Org(r.getString(1), Text.ofNullable(r.getString(2), r.getString(3)))).list();
        return new Program(id, rs.getString("ext_id"), Text.ofNullable(rs.getString("name_zh"), rs.getString("name_en")),
                rs.getLong("university_id"), new Org(rs.getString("u_ext"), Text.ofNullable(rs.getString("u_zh"), rs.getString("u_en"))),
                enterprises, rs.getString("discipline_code"), Text.ofNullable(rs.getString("d_zh"), rs.getString("d_en")),
                rs.getString("industry_code"), Text.ofNullable(rs.getString("i_zh"), rs.getString("i_en")), rs.getString("industry_group"),
                rs.getString("degree_level"), rs.getInt("cohort_year"), rs.getInt("capacity"), rs.getInt("required_hours"),
                rs.getInt("students"), rs.getBoolean("illustrative"));
    }

    // --- students ---------------------------------------------------------------------------

    private static final String STUDENT_SELECT = """
            select s.*, p.ext_id as p_ext, p.name_zh as p_zh, p.name_en as p_en, p.required_hours, p.university_id,
                   sp.ext_id as sp_ext, sp.name_zh as sp_zh, sp.name_en as sp_en,
                   e.ext_id as e_ext, e.name_zh as e_zh, e.name_en as e_en,
                   am.ext_id as am_ext, am.name_zh as am_zh, am.name_en as am_en,
                   im.ext_id as im_ext, im.name_zh as im_zh, im.name_en as im_en,
                   coalesce((select sum(h.hours) from talent_practice_log h where h.student_id = s.id and h.status = 'approved'), 0) as approved,
                   coalesce((select sum(h.hours) from talent_practice_log h where h.student_id = s.id and h.status = 'pending'), 0) as pending
            from talent_student s join talent_program p on p.id = s.program_id
            join person sp on sp.id = s.person_id join organization e on e.id = s.enterprise_id
            join person am on am.id = s.academic_mentor_id join person im on im.id = s.industrial_mentor_id
            """;

    /** A student's record, for those who may see it; else 404. */
    public Student student(String extId) {
        Student student = find(extId).orElseThrow(() -> new NotFoundException("student", extId));
        if (!canSee(student)) {
            throw new NotFoundException("student", extId);
        }
        return student;
    }

    Optional<Student> find(String extId) {
        return jdbc.sql(STUDENT_SELECT + " where s.ext_id = :e").param("e", extId).query(this::studentRow).optional();
    }

    Optional<Student> findById(long id) {
        return jdbc.sql(STUDENT_SELECT + " where s.id = :id").param("id", id).query(this::studentRow).optional();
    }

    /** The students of a program the caller may see. */
    public List<Student> studentsOf(Program program) {
        return jdbc.sql(STUDENT_SELECT + " where s.program_id = :p order by s.ext_id").param("p", program.id())
                .query(this::studentRow).list().stream().filter(this::canSee).toList();
    }

    /** The caller's own student record (a STUDENT's), if any. */
    public Optional<Student> mine() {
        return scope.currentUser().flatMap(user -> jdbc.sql(STUDENT_SELECT + " where s.user_id = :u order by s.id desc limit 1")
                .param("u", user.id()).query(this::studentRow).optional());
    }

    /** The students the caller mentors (through the person linked to their account). */
    public List<Student> mentored() {
        Long person = scope.currentUser().map(CurrentUser::personId).orElse(null);
        if (person == null) {
            return List.of();
        }
        return jdbc.sql(STUDENT_SELECT + " where s.academic_mentor_id = :p or s.industrial_mentor_id = :p order by s.ext_id")
                .param("p", person).query(this::studentRow).list();
    }

    /**
     * Changes a student's record (account, enterprise, mentors, background, graduation year,
     * status; another registry person if {@code person} names one): whoever may enrol students in
     * its program, checked by the writer as for an enrolment. Those who may not see the record get
     * a 404. The student stays in its program, and so with its university, whoever edits it; the
     * name is the registry person's and is changed there.
     */
    @Transactional
    public Student update(String extId, Fields fields) {
        Student student = student(extId);
        if (!canManage(student)) {
            throw new AccessDeniedException("only the university's managers change a student's record");
        }
        Fields kept = fields.with("id", extId).with("program", student.programExtId());
        if (fields.get("person") == null) {
            refuseRenaming(student, fields);
            kept = kept.with("person", student.person().extId());
        }
        writer.saveStudent(kept, false);
        return student(extId);
    }

    /** A name in the fields that is not the person's own: refused, not silently dropped. */
    private static void refuseRenaming(Student student, Fields fields) {
        Text name = student.person().name();
        for (String field : List.of("name_zh", "name_en")) {
            String given = fields.get(field);
            String current = field.equals("name_zh") ? name.zh() : name.en();
            if (given != null && !given.equals(current)) {
                throw new TalentInputException(field, "talent.reason.nameIsPersons", "the student's name is their registry person's (/persons/"
                        + student.person().extId() + "); change it there", student.person().extId());
            }
        }
    }

    /** The email of the account linked to the student's record (for its edit form), if any: those who may change the record. */
    public Optional<String> accountEmail(Student student) {
        if (!canManage(student)) {
            throw new AccessDeniedException("this student's record is outside your scope");
        }
        return student.userId() == null ? Optional.empty()
                : jdbc.sql("select email from app_user where id = :id").param("id", student.userId()).query(String.class).optional();
    }

    /** The external ids of those students whose records the caller may change. */
    public Set<String> changeable(List<Student> students) {
        return students.stream().filter(this::canManage).map(Student::extId).collect(Collectors.toUnmodifiableSet());
    }

    public boolean canSee(Student student) {
        return isStudent(student) || isAcademicMentor(student) || isIndustrialMentor(student) || canManage(student);
    }

    /**
     * Whether the caller may change the student's record (and keep its milestones and outcomes):
     * the rule of an enrolment, the university's ORG_ADMIN and administrators.
     */
    public boolean canManage(Student student) {
        return scope.canEditOrganization(student.universityId());
    }

    public boolean isStudent(Student student) {
        return student.userId() != null && scope.currentUser().map(u -> u.id() == student.userId()).orElse(false);
    }

    public boolean isAcademicMentor(Student student) {
        return scope.currentUser().map(u -> u.personId() != null && u.personId() == student.academicMentorId()).orElse(false);
    }

    public boolean isIndustrialMentor(Student student) {
        return scope.currentUser().map(u -> u.personId() != null && u.personId() == student.industrialMentorId()).orElse(false);
    }

    private Student studentRow(ResultSet rs, int n) throws SQLException {
        long user = rs.getLong("user_id");
        Long userId = rs.wasNull() ? null : user;
        return new Student(rs.getLong("id"), rs.getString("ext_id"), rs.getString("p_ext"), Text.ofNullable(rs.getString("p_zh"), rs.getString("p_en")),
                rs.getInt("required_hours"), new Person(rs.getString("sp_ext"), Text.ofNullable(rs.getString("sp_zh"), rs.getString("sp_en"))),
                userId, new Org(rs.getString("e_ext"), Text.ofNullable(rs.getString("e_zh"), rs.getString("e_en"))),
                new Person(rs.getString("am_ext"), Text.ofNullable(rs.getString("am_zh"), rs.getString("am_en"))),
                new Person(rs.getString("im_ext"), Text.ofNullable(rs.getString("im_zh"), rs.getString("im_en"))),
                rs.getString("background"), rs.getInt("graduation_year"), rs.getString("status"),
                rs.getBigDecimal("approved"), rs.getBigDecimal("pending"), rs.getBoolean("illustrative"),
                rs.getLong("academic_mentor_id"), rs.getLong("industrial_mentor_id"), rs.getLong("university_id"));
    }
}

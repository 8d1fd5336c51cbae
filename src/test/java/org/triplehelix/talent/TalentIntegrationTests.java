package org.triplehelix.talent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.ActiveProfiles;
import org.triplehelix.access.AccessFixtures;
import org.triplehelix.access.Account;
import org.triplehelix.access.HelixClient;
import org.triplehelix.access.Role;
import org.triplehelix.registry.FileFormat;
import org.triplehelix.registry.ImportReport;
import org.triplehelix.registry.ImportSource;
import org.triplehelix.registry.RegistryImport;
import org.triplehelix.shared.ConflictException;
import org.triplehelix.shared.InvalidInputException;
import org.triplehelix.shared.NotFoundException;

/**
 * The rules of the joint programs against the real database: who logs and approves practice
 * hours, the topic flow (matched, chosen, confirmed by both mentors), outcomes as registry
 * outputs, and imports that write a file whole or not at all.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TalentIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    Practice practice;
    @Autowired
    Topics topics;
    @Autowired
    Programs programs;
    @Autowired
    TalentImport imports;
    @Autowired
    Needs needs;

    TalentFixtures fx;
    long university;
    long enterprise;
    long academic;
    long industrial;
    long otherIndustrial;
    Account studentAccount;
    Account otherStudentAccount;
    Account academicAccount;
    Account industrialAccount;
    Account otherMentorAccount;
    String program;
    String student;
    String otherStudent;

    @BeforeAll
    void world() {
        fx = TalentFixtures.of(context);
        university = fx.organization("Test University", "university", "420100");
        enterprise = fx.organization("Test Enterprise", "enterprise", "420500");
        academic = fx.person("Academic Mentor", university);
        industrial = fx.person("Industrial Mentor", enterprise);
        otherIndustrial = fx.person("Other Industrial Mentor", enterprise);
        studentAccount = fx.user(university, null, Role.STUDENT);
        otherStudentAccount = fx.user(university, null, Role.STUDENT);
        academicAccount = fx.user(university, academic, Role.RESEARCHER);
        industrialAccount = fx.user(enterprise, industrial, Role.ENTERPRISE);
        otherMentorAccount = fx.user(enterprise, otherIndustrial, Role.ENTERPRISE);
        program = fx.program(university, enterprise, "0803", "ind-optoelectronics", 2023);
        student = fx.student(program, enterprise, academic, industrial, studentAccount, 2026, "enrolled");
        otherStudent = fx.student(program, enterprise, academic, otherIndustrial, otherStudentAccount, 2026, "enrolled");
    }

    // --- practice hours ---------------------------------------------------------------------

    @Test
    void aStudentLogsTheirOwnHoursButNotAnotherStudents() {
        Practice.HoursEntry own = fx.as(studentAccount, () -> practice.log(student, LocalDate.now(), new BigDecimal("6"), "assembly line tests"));
        assertThat(own.status()).isEqualTo("pending");
        assertThat(own.studentExtId()).isEqualTo(student);
        // another student's record is not even visible to them
        assertThatThrownBy(() -> fx.as(studentAccount, () -> practice.log(otherStudent, LocalDate.now(), BigDecimal.ONE, "x")))
                .isInstanceOf(NotFoundException.class);
        // nor may a mentor log for the student
        assertThatThrownBy(() -> fx.as(industrialAccount, () -> practice.log(student, LocalDate.now(), BigDecimal.ONE, "x")))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(fx.jdbc().sql("select count(*) from talent_practice_log h join talent_student s on s.id = h.student_id where s.ext_id = :s and h.description = 'x'")
                .param("s", otherStudent).query(Long.class).single()).isZero();
    }

    @Test
    void aStudentNeverApprovesTheirOwnHours() {
        long entry = fx.pendingHours(student, studentAccount);
        assertThatThrownBy(() -> fx.as(studentAccount, () -> practice.approve(entry))).isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("never approves their own");
        assertThat(status(entry)).isEqualTo("pending");
    }

    @Test
    void onlyTheStudentsOwnIndustrialMentorApproves() {
        long entry = fx.pendingHours(student, studentAccount);
        // the industrial mentor of another student: the hours are not theirs to see
        assertThatThrownBy(() -> fx.as(otherMentorAccount, () -> practice.approve(entry))).isInstanceOf(NotFoundException.class);
        // the academic mentor sees them but does not approve practice hours
        assertThatThrownBy(() -> fx.as(academicAccount, () -> practice.approve(entry))).isInstanceOf(AccessDeniedException.class);
        assertThat(status(entry)).isEqualTo("pending");
        // the count on the talent link is the mentor's queue, and theirs only
        long waiting = fx.as(industrialAccount, () -> practice.pendingCountForMe());
        assertThat(waiting).isPositive().isEqualTo(fx.as(industrialAccount, () -> practice.pendingForMe()).size());
        assertThat(fx.as(academicAccount, () -> practice.pendingCountForMe())).isZero();
        Practice.HoursEntry approved = fx.as(industrialAccount, () -> practice.approve(entry));
        assertThat(fx.as(industrialAccount, () -> practice.pendingCountForMe())).isEqualTo(waiting - 1);
        assertThat(approved.status()).isEqualTo("approved");
        assertThatThrownBy(() -> fx.as(industrialAccount, () -> practice.reject(entry))).isInstanceOf(ConflictException.class);
        BigDecimal total = fx.as(studentAccount, () -> programs.student(student)).approvedHours();
        assertThat(total).isEqualByComparingTo(fx.jdbc().sql("""
                select coalesce(sum(h.hours), 0) from talent_practice_log h join talent_student s on s.id = h.student_id
                where s.ext_id = :s and h.status = 'approved'""").param("s", student).query(BigDecimal.class).single());
        // and the other student's mentor approves that student's hours only
        long theirs = fx.pendingHours(otherStudent, otherStudentAccount);
        assertThatThrownBy(() -> fx.as(industrialAccount, () -> practice.approve(theirs))).isInstanceOf(NotFoundException.class);
        assertThat(fx.as(otherMentorAccount, () -> practice.approve(theirs)).status()).isEqualTo("approved");
        assertThat(fx.access().auditRows("talent_hours", String.valueOf(entry), "update")).isEqualTo(1);
    }

    private String status(long entry) {
        return fx.jdbc().sql("select status from talent_practice_log where id = :id").param("id", entry).query(String.class).single();
    }

    // --- topics -----------------------------------------------------------------------------

    @Test
    void theStudentIsMatchedChoosesATopicAndBothMentorsConfirmIt() {
        Account student3 = fx.user(university, null, Role.STUDENT);
        String third = fx.student(program, enterprise, academic, industrial, student3, 2026, "enrolled");
        String fitting = fx.topic(enterprise, AccessFixtures.unique("高功率光纤激光器 激光加工 光纤激光"));
        String unrelated = fx.topic(enterprise, AccessFixtures.unique("食品发酵工艺 酱油酿造"));
        // all open topics: the shared test database keeps those of earlier runs, more than a page of them
        List<Topics.TopicMatch> matches = fx.as(student3, () -> topics.matches(third, Integer.MAX_VALUE));
        List<String> ranked = matches.stream().map(m -> m.topic().extId()).toList();
        assertThat(ranked).contains(fitting, unrelated);
        assertThat(ranked.indexOf(fitting)).isLessThan(ranked.indexOf(unrelated));
        assertThatThrownBy(() -> fx.as(industrialAccount, () -> topics.choose(third, fitting))).isInstanceOf(AccessDeniedException.class);
        Topics.Topic chosen = fx.as(student3, () -> topics.choose(third, fitting));
        assertThat(chosen.status()).isEqualTo("chosen");
        assertThatThrownBy(() -> fx.as(student3, () -> topics.choose(third, unrelated))).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> fx.as(student3, () -> topics.confirm(fitting))).isInstanceOf(AccessDeniedException.class);
        assertThat(fx.as(academicAccount, () -> topics.confirm(fitting)).status()).isEqualTo("chosen");
        assertThat(fx.as(industrialAccount, () -> topics.confirm(fitting)).status()).isEqualTo("confirmed");
    }

    // --- outcomes ---------------------------------------------------------------------------

    @Test
    void anOutcomeBecomesARegistryOutputLinkedToStudentMentorsAndBothOrganizations() {
        Practice.Outcome outcome = fx.as(academicAccount, () -> practice.addOutcome(student, "patent", "一种光纤激光器冷却装置", null, 2026));
        List<String> people = fx.jdbc().sql("""
                select p.ext_id from output o join output_person op on op.output_id = o.id join person p on p.id = op.person_id
                where o.ext_id = :e order by op.position""").param("e", outcome.extId()).query(String.class).list();
        List<Long> organizations = fx.jdbc().sql("""
                select oo.organization_id from output o join output_organization oo on oo.output_id = o.id where o.ext_id = :e order by oo.position""")
                .param("e", outcome.extId()).query(Long.class).list();
        String studentPerson = fx.jdbc().sql("select p.ext_id from talent_student s join person p on p.id = s.person_id where s.ext_id = :s")
                .param("s", student).query(String.class).single();
        assertThat(people).containsExactly(studentPerson, fx.personExt(academic), fx.personExt(industrial));
        assertThat(organizations).containsExactly(university, enterprise);
        assertThat(fx.jdbc().sql("select type from output where ext_id = :e").param("e", outcome.extId()).query(String.class).single()).isEqualTo("patent");
        assertThatThrownBy(() -> fx.as(studentAccount, () -> practice.addOutcome(student, "paper", "x", null, 2026)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aUniversitysManagerEnrolsAStudentWithAnAccountOfTheirOwnOrganizationsOnly() {
        Account manager = fx.user(university, null, Role.ORG_ADMIN);
        Account ours = fx.user(university, null, Role.STUDENT);
        Account elsewhere = fx.user(enterprise, null, Role.STUDENT);
        Account notAStudent = fx.user(university, null, Role.RESEARCHER);
        TalentWriter writer = context.getBean(TalentWriter.class);
        java.util.function.Function<Account, Fields> enrolment = account -> Fields.of("id", AccessFixtures.unique("test-student"),
                "program", program, "name_en", "Enrolled by the manager", "account", account.email(), "enterprise", fx.ext(enterprise),
                "academic_mentor", fx.personExt(academic), "industrial_mentor", fx.personExt(industrial), "graduation_year", "2027");

        Fields linked = enrolment.apply(ours);
        fx.as(manager, () -> writer.saveStudent(linked, false));
        assertThat(fx.as(ours, () -> programs.student(linked.get("id"))).userId()).isEqualTo(ours.id());
        // an account of another organization is as unknown to them as a missing one; a non-student is named as such
        for (Account refused : List.of(elsewhere, notAStudent)) {
            Fields fields = enrolment.apply(refused);
            assertThatThrownBy(() -> fx.as(manager, () -> writer.saveStudent(fields, false)))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("account"));
            assertThat(fx.jdbc().sql("select count(*) from talent_student where ext_id = :e").param("e", fields.get("id"))
                    .query(Long.class).single()).isZero();
        }
        // an administrator links any student account
        Fields byAdmin = enrolment.apply(elsewhere);
        fx.as(fx.access().user(null, Role.ADMIN), () -> writer.saveStudent(byAdmin, false));
        assertThat(fx.asSystem(() -> programs.student(byAdmin.get("id"))).userId()).isEqualTo(elsewhere.id());
    }

    @Test
    void aNeedIsChangedWhereItIsAndStaysWithItsOrganization() {
        String id = AccessFixtures.unique("test-need");
        Account declarer = fx.user(enterprise, null, Role.ENTERPRISE);
        fx.as(declarer, () -> context.getBean(TalentWriter.class).saveNeed(Fields.of("id", id, "industry", "ind-ai", "skill", "vision",
                "degree_level", "master", "year", "2030", "headcount", "3"), false));

        // an administrator (of no organization) corrects it: the need is still the enterprise's
        Account admin = fx.access().user(null, Role.ADMIN);
        Needs.Need changed = fx.as(admin, () -> needs.update(id, Fields.of("industry", "ind-optoelectronics", "discipline", "0803",
                "degree_level", "doctorate", "year", "2031", "headcount", "7")));
        assertThat(changed.organizationExtId()).isEqualTo(fx.ext(enterprise));
        assertThat(changed.industryCode()).isEqualTo("ind-optoelectronics");
        assertThat(changed.disciplineCode()).isEqualTo("0803");
        assertThat(changed.skill()).isNull();
        assertThat(changed.degreeLevel()).isEqualTo("doctorate");
        assertThat(changed.year()).isEqualTo(2031);
        assertThat(changed.headcount()).isEqualTo(7);

        // bad input names its field and changes nothing; another organization's user may not touch it
        assertThatThrownBy(() -> fx.as(declarer, () -> needs.update(id, Fields.of("industry", "ind-ai", "skill", "x", "year", "2031", "headcount", "0"))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("headcount"));
        Account outsider = fx.user(university, null, Role.ENTERPRISE);
        assertThatThrownBy(() -> fx.as(outsider, () -> needs.update(id, Fields.of("industry", "ind-ai", "skill", "x", "year", "2031", "headcount", "1"))))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        assertThatThrownBy(() -> fx.as(admin, () -> needs.update("no-such-need", Fields.of("industry", "ind-ai", "skill", "x", "year", "2031", "headcount", "1"))))
                .isInstanceOf(NotFoundException.class);
        assertThat(fx.as(admin, () -> needs.need(id))).isEqualTo(changed);
    }

    @Test
    void theNeedsListMarksAsChangeableOnlyTheCallersOrganizationsNeeds() {
        Account declarer = fx.user(enterprise, null, Role.ENTERPRISE);
        long otherEnterprise = fx.organization("Other Enterprise", "enterprise", "420600");
        Account otherDeclarer = fx.user(otherEnterprise, null, Role.ENTERPRISE);
        String ours = AccessFixtures.unique("test-need");
        String theirs = AccessFixtures.unique("test-need");
        TalentWriter writer = context.getBean(TalentWriter.class);
        fx.as(declarer, () -> writer.saveNeed(Fields.of("id", ours, "industry", "ind-ai", "skill", "x", "year", "2030", "headcount", "1"), false));
        fx.as(otherDeclarer, () -> writer.saveNeed(Fields.of("id", theirs, "industry", "ind-ai", "skill", "x", "year", "2030", "headcount", "1"), false));
        List<Needs.Need> listed = List.of(needs.need(ours), needs.need(theirs));

        // both may declare needs, each changes only their own organization's
        assertThat(fx.as(declarer, () -> needs.canDeclare())).isTrue();
        assertThat(fx.as(declarer, () -> needs.changeable(listed))).containsExactly(ours);
        assertThat(fx.as(otherDeclarer, () -> needs.changeable(listed))).containsExactly(theirs);
        assertThat(fx.as(fx.access().user(null, Role.ADMIN), () -> needs.changeable(listed))).containsExactlyInAnyOrder(ours, theirs);
        assertThat(fx.as(studentAccount, () -> needs.changeable(listed))).isEmpty();
        assertThat(needs.changeable(listed)).as("signed out").isEmpty();
    }

    @Test
    void aStudentsRecordIsChangedByTheUniversitysManagersAndStaysInItsProgram() {
        Account account = fx.user(university, null, Role.STUDENT);
        String id = fx.student(program, enterprise, academic, industrial, account, 2026, "enrolled");
        Programs.Student before = fx.asSystem(() -> programs.student(id));
        long newAcademic = fx.person("New Academic Mentor", university);
        String otherProgram = fx.program(university, enterprise, "0812", "ind-ai", 2024);
        Account manager = fx.user(university, null, Role.ORG_ADMIN);

        // the university's manager changes it; a program named in the fields is not where it goes
        Programs.Student changed = fx.as(manager, () -> programs.update(id, Fields.of("program", otherProgram, "account", account.email(),
                "enterprise", fx.ext(enterprise), "academic_mentor", fx.personExt(newAcademic), "industrial_mentor", fx.personExt(industrial),
                "background", "激光焊接 laser welding", "graduation_year", "2027", "status", "graduated")));
        assertThat(changed.programExtId()).isEqualTo(program);
        assertThat(changed.universityId()).isEqualTo(university);
        assertThat(changed.person()).isEqualTo(before.person());
        assertThat(changed.userId()).isEqualTo(account.id());
        assertThat(changed.academicMentor().extId()).isEqualTo(fx.personExt(newAcademic));
        assertThat(changed.industrialMentor().extId()).isEqualTo(fx.personExt(industrial));
        assertThat(changed.background()).isEqualTo("激光焊接 laser welding");
        assertThat(changed.graduationYear()).isEqualTo(2027);
        assertThat(changed.status()).isEqualTo("graduated");
        assertThat(fx.access().auditRows("talent_student", id, "update")).isEqualTo(1);
        assertThat(fx.as(manager, () -> programs.accountEmail(changed))).contains(account.email());

        // bad input names its field and writes nothing (not even the valid fields beside it)
        Fields sameMentors = Fields.of("enterprise", fx.ext(enterprise), "academic_mentor", fx.personExt(industrial),
                "industrial_mentor", fx.personExt(industrial), "graduation_year", "2030");
        assertThatThrownBy(() -> fx.as(manager, () -> programs.update(id, sameMentors)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("industrial_mentor"));
        Fields badYear = Fields.of("enterprise", fx.ext(enterprise), "academic_mentor", fx.personExt(academic),
                "industrial_mentor", fx.personExt(industrial), "graduation_year", "1800");
        assertThatThrownBy(() -> fx.as(manager, () -> programs.update(id, badYear)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("graduation_year"));
        // the name is the registry person's: a new one is refused, not dropped
        Fields renamed = Fields.of("name_en", "Someone Else", "enterprise", fx.ext(enterprise), "academic_mentor", fx.personExt(academic),
                "industrial_mentor", fx.personExt(industrial), "graduation_year", "2027");
        assertThatThrownBy(() -> fx.as(manager, () -> programs.update(id, renamed)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("name_en"));
        assertThat(fx.asSystem(() -> programs.student(id))).isEqualTo(changed);

        // those who see the record but do not manage it are refused; those who do not see it are told it does not exist
        Fields valid = Fields.of("enterprise", fx.ext(enterprise), "academic_mentor", fx.personExt(academic),
                "industrial_mentor", fx.personExt(industrial), "graduation_year", "2031");
        for (Account sees : List.of(account, industrialAccount)) {
            assertThatThrownBy(() -> fx.as(sees, () -> programs.update(id, valid))).isInstanceOf(AccessDeniedException.class);
        }
        Account managerElsewhere = fx.user(enterprise, null, Role.ORG_ADMIN);
        assertThatThrownBy(() -> fx.as(managerElsewhere, () -> programs.update(id, valid))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> fx.as(manager, () -> programs.update("no-such-student", valid))).isInstanceOf(NotFoundException.class);
        assertThat(fx.asSystem(() -> programs.student(id))).isEqualTo(changed);
        assertThat(fx.access().auditRows("talent_student", id, "update")).isEqualTo(1);

        // the lists mark the rows each caller may change
        List<Programs.Student> listed = fx.asSystem(() -> programs.studentsOf(programs.program(program)));
        assertThat(fx.as(manager, () -> programs.changeable(listed))).contains(id).hasSize(listed.size());
        assertThat(fx.as(industrialAccount, () -> programs.changeable(listed))).isEmpty();
        assertThat(fx.as(managerElsewhere, () -> programs.changeable(listed))).isEmpty();
        assertThatThrownBy(() -> fx.as(industrialAccount, () -> programs.accountEmail(changed))).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aPageFormsCsrfTokenIsNoPartOfTheRecordNorOfItsAuditTrail() {
        Account declarer = fx.user(enterprise, null, Role.ENTERPRISE);
        HelixClient client = HelixClient.browser(port);
        assertThat(client.signIn(declarer.email(), AccessFixtures.PASSWORD)).isTrue();
        String skill = AccessFixtures.unique("csrf-skill");
        assertThat(client.postForm("/talent/needs", Map.of("industry", "ind-ai", "skill", skill, "year", "2030", "headcount", "1")).status())
                .isEqualTo(302);
        String id = fx.jdbc().sql("select ext_id from talent_need where skill = :s").param("s", skill).query(String.class).single();
        assertThat(client.postForm("/talent/needs/" + id, Map.of("industry", "ind-ai", "skill", skill, "year", "2031", "headcount", "2")).status())
                .isEqualTo(302);
        List<String> audited = fx.jdbc().sql("select after::text from audit_log where entity_kind = 'talent_need' and entity_id = :id order by id")
                .param("id", id).query(String.class).list();
        assertThat(audited).hasSize(2).allSatisfy(after -> assertThat(after).contains(skill).doesNotContain("_csrf"));
    }

    // --- imports ----------------------------------------------------------------------------

    /** Needs saved by Excel on Chinese Windows (GBK, a title row, skills in Chinese), a bad year in row 57: nothing written, then all of it. */
    @Test
    void aGbkCsvFromChineseExcelWithABadRow57WritesNothingThenImportsWhole() {
        Account admin = fx.access().user(null, Role.ADMIN);
        String prefix = AccessFixtures.unique("test-gbk");
        StringBuilder csv = new StringBuilder("企业人才需求（2026）,,,,,,,\r\nID,Organization,Industry,Discipline,Skill,Degree Level,Year,Headcount\r\n");
        for (int line = 3; line <= 60; line++) {
            csv.append(prefix).append('-').append(line).append(',').append(fx.ext(enterprise)).append(",ind-ai,0803,\"锂电池, 储能\",master,")
                    .append(line == 57 ? "二〇二六" : "2026").append(",5\r\n");
        }
        java.nio.charset.Charset gbk = java.nio.charset.Charset.forName("GBK");
        TalentImport.Result result = fx.as(admin, () -> imports.importFile("", "needs.csv", csv.toString().getBytes(gbk)));
        assertThat(result.imported()).isZero();
        assertThat(result.errors()).singleElement().hasToString("needs.csv:57 " + prefix + "-57 [year]: year must be a whole number, not 二〇二六");
        assertThat(fx.jdbc().sql("select count(*) from talent_need where ext_id like :p").param("p", prefix + "-%").query(Long.class).single()).isZero();

        String fixed = csv.toString().replace("二〇二六", "2026");
        assertThat(fx.as(admin, () -> imports.importFile("", "needs.csv", fixed.getBytes(gbk))).imported()).isEqualTo(58);
        assertThat(fx.jdbc().sql("select skill from talent_need where ext_id = :e").param("e", prefix + "-3").query(String.class).single())
                .isEqualTo("锂电池, 储能");
    }

    /**
     * The talent import refuses an id holding whitespace (ids are written in space-separated files), naming line and field,
     * even one stored before the rule, which the pages and the API still take so that its record stays editable.
     */
    @Test
    void theImportRefusesAnIdHoldingWhitespaceEvenAStoredOneWhichTheWriterStillTakes() {
        Account admin = fx.access().user(null, Role.ADMIN);
        String spaced = AccessFixtures.unique("test need");
        String csv = "id,organization,industry,discipline,skill,degree_level,year,headcount\r\n"
                + spaced + "," + fx.ext(enterprise) + ",ind-ai,0803,,master,2026,5\r\n";
        java.util.function.Supplier<TalentImport.Result> imported = () -> fx.as(admin,
                () -> imports.importFile("", "needs.csv", csv.getBytes(StandardCharsets.UTF_8)));
        TalentImport.Result result = imported.get();
        assertThat(result.imported()).isZero();
        assertThat(result.errors()).singleElement().satisfies(error -> {
            assertThat(error.line()).isEqualTo(2);
            assertThat(error.field()).isEqualTo("id");
            assertThat(error.id()).isEqualTo(spaced);
            assertThat(error.key()).isEqualTo("input.idWhitespace");
        });
        String count = "select count(*) from talent_need where ext_id = :e";
        assertThat(fx.jdbc().sql(count).param("e", spaced).query(Long.class).single()).isZero();

        // a need stored under such an id before the rule: the writer replaces it, the import still refuses the id
        String stored = AccessFixtures.unique("test-need");
        TalentWriter writer = context.getBean(TalentWriter.class);
        Fields need = Fields.of("id", stored, "organization", fx.ext(enterprise), "industry", "ind-ai", "discipline", "0803", "year", "2026",
                "headcount", "5");
        fx.as(admin, () -> writer.saveNeed(need, false));
        fx.jdbc().sql("update talent_need set ext_id = :s where ext_id = :e").param("s", spaced).param("e", stored).update();
        fx.as(admin, () -> writer.saveNeed(need.with("id", spaced).with("headcount", "9"), false));
        assertThat(fx.jdbc().sql("select headcount from talent_need where ext_id = :e").param("e", spaced).query(Integer.class).single())
                .isEqualTo(9);
        assertThat(imported.get().errors()).singleElement().satisfies(error -> assertThat(error.field()).isEqualTo("id"));
    }

    @Test
    void aCsvWithOneBadRowWritesNothingAndNamesLineAndField() {
        Account admin = fx.access().user(null, Role.ADMIN);
        String good = AccessFixtures.unique("test-need");
        String bad = AccessFixtures.unique("test-need");
        String csv = "\uFEFFid,organization,industry,discipline,skill,degree_level,year,headcount\r\n"
                + good + "," + fx.ext(enterprise) + ",ind-optoelectronics,0803,,master,2026,5\r\n"
                + bad + "," + fx.ext(enterprise) + ",ind-nowhere,0803,,master,2026,5\r\n";
        TalentImport.Result result = fx.as(admin, () -> imports.importFile("", "needs.csv", csv.getBytes(StandardCharsets.UTF_8)));
        assertThat(result.kind()).isEqualTo("talent_need");
        assertThat(result.imported()).isZero();
        assertThat(result.errors()).singleElement().satisfies(error -> {
            assertThat(error.line()).isEqualTo(3);
            assertThat(error.field()).isEqualTo("industry");
            assertThat(error.id()).isEqualTo(bad);
        });
        assertThat(fx.jdbc().sql("select count(*) from talent_need where ext_id in (:a, :b)").param("a", good).param("b", bad)
                .query(Long.class).single()).isZero();
        // fixed, the same file imports whole, and again changes nothing
        String fixed = csv.replace("ind-nowhere", "ind-ai");
        assertThat(fx.as(admin, () -> imports.importFile("", "needs.csv", fixed.getBytes(StandardCharsets.UTF_8))).imported()).isEqualTo(2);
        assertThat(fx.as(admin, () -> imports.importFile("need", "again.csv", fixed.getBytes(StandardCharsets.UTF_8))).imported()).isEqualTo(2);
        assertThat(fx.jdbc().sql("select count(*) from talent_need where ext_id in (:a, :b)").param("a", good).param("b", bad)
                .query(Long.class).single()).isEqualTo(2);
        // an enterprise user may not import needs for an organization they do not belong to
        Account outsider = fx.user(university, null, Role.ENTERPRISE);
        TalentImport.Result refused = fx.as(outsider, () -> imports.importFile("need", "n.csv", fixed.getBytes(StandardCharsets.UTF_8)));
        assertThat(refused.errors()).hasSize(2).allSatisfy(e -> assertThat(e.message()).contains("outside your scope"));
    }

    @Test
    void anXlsxTemplateRoundTripsAProgram() throws Exception {
        Account orgAdmin = fx.user(university, null, Role.ORG_ADMIN);
        String id = AccessFixtures.unique("test-program");
        byte[] template = TalentImport.xlsxTemplate("program");
        org.apache.poi.xssf.usermodel.XSSFWorkbook workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new ByteArrayInputStream(template));
        var row = workbook.getSheetAt(0).createRow(1);
        String[] values = {id, "示例项目", "Sample program", fx.ext(university), fx.ext(enterprise), "0812", "ind-ai", "doctorate", "2024", "6", "1500"};
        for (int i = 0; i < values.length; i++) {
            if (i == 8 || i == 9 || i == 10) {
                row.createCell(i).setCellValue(Double.parseDouble(values[i]));
            } else {
                row.createCell(i).setCellValue(values[i]);
            }
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        workbook.write(out);
        workbook.close();
        TalentImport.Result result = fx.as(orgAdmin, () -> imports.importFile("", "programs.xlsx", out.toByteArray()));
        assertThat(result.errors()).isEmpty();
        Programs.Program saved = programs.program(id);
        assertThat(saved.cohortYear()).isEqualTo(2024);
        assertThat(saved.degreeLevel()).isEqualTo("doctorate");
        assertThat(saved.enterprises()).extracting(Programs.Org::extId).containsExactly(fx.ext(enterprise));
    }

    @Test
    void jsonLinesKindsGoThroughTheRegistryImportAndARejectedRecordLeavesNothing() {
        String programId = AccessFixtures.unique("test-program");
        String studentId = AccessFixtures.unique("test-student");
        String badStudent = AccessFixtures.unique("test-student");
        String personId = AccessFixtures.unique("test-person");
        String jsonl = String.join("\n",
                "{\"kind\": \"person\", \"id\": \"" + personId + "\", \"name\": \"Imported Student\", \"organization\": \"" + fx.ext(university) + "\"}",
                "{\"kind\": \"talent_program\", \"id\": \"" + programId + "\", \"name\": {\"zh\": \"导入项目\", \"en\": \"Imported program\"}, \"university\": \""
                        + fx.ext(university) + "\", \"enterprises\": [\"" + fx.ext(enterprise) + "\"], \"discipline\": \"0808\", \"industry\": \"ind-nev\", "
                        + "\"degree_level\": \"master\", \"cohort_year\": 2024, \"capacity\": 5}",
                "{\"kind\": \"talent_student\", \"id\": \"" + studentId + "\", \"program\": \"" + programId + "\", \"person\": \"" + personId
                        + "\", \"enterprise\": \"" + fx.ext(enterprise) + "\", \"academic_mentor\": \"" + fx.personExt(academic)
                        + "\", \"industrial_mentor\": \"" + fx.personExt(industrial) + "\", \"graduation_year\": 2027}",
                "{\"kind\": \"talent_student\", \"id\": \"" + badStudent + "\", \"program\": \"" + programId + "\", \"person\": \"" + personId
                        + "\", \"enterprise\": \"" + fx.ext(enterprise) + "\", \"academic_mentor\": \"" + fx.personExt(academic)
                        + "\", \"industrial_mentor\": \"" + fx.personExt(academic) + "\", \"graduation_year\": 2027}") + "\n";
        byte[] bytes = jsonl.getBytes(StandardCharsets.UTF_8);
        ImportReport report = fx.asSystem(() -> context.getBean(RegistryImport.class)
                .run(ImportSource.of("talent.jsonl", FileFormat.JSON_LINES, bytes.length, false, () -> new ByteArrayInputStream(bytes))));
        assertThat(report.rejected()).isEqualTo(1);
        assertThat(report.rejections()).singleElement().satisfies(r -> {
            assertThat(r.line()).isEqualTo(4);
            assertThat(r.reason()).contains("industrial_mentor");
        });
        assertThat(fx.asSystem(() -> programs.student(studentId)).graduationYear()).isEqualTo(2027);
        assertThat(fx.jdbc().sql("select count(*) from talent_student where ext_id = :e").param("e", badStudent).query(Long.class).single()).isZero();
    }

    @Test
    void aJsonLinesRecordWithAListWhereATextBelongsIsRejectedWithItsLineAndTheRestGoIn() {
        String bad = AccessFixtures.unique("test-program");
        String good = AccessFixtures.unique("test-program");
        String program = "{\"kind\": \"talent_program\", \"id\": \"%s\", \"name\": \"导入项目\", \"university\": \"" + fx.ext(university)
                + "\", \"enterprises\": %s, \"discipline\": \"0808\", \"industry\": \"ind-nev\", \"degree_level\": \"master\", "
                + "\"cohort_year\": 2024, \"capacity\": 5}";
        String jsonl = program.formatted(bad, "[[\"" + fx.ext(enterprise) + "\"]]") + "\n"
                + program.formatted(good, "[\"" + fx.ext(enterprise) + "\"]") + "\n";
        byte[] bytes = jsonl.getBytes(StandardCharsets.UTF_8);
        ImportReport report = fx.asSystem(() -> context.getBean(RegistryImport.class)
                .run(ImportSource.of("talent.jsonl", FileFormat.JSON_LINES, bytes.length, false, () -> new ByteArrayInputStream(bytes))));
        assertThat(report.imported()).isEqualTo(1);
        assertThat(report.rejections()).singleElement().satisfies(r -> {
            assertThat(r.line()).isEqualTo(1);
            assertThat(r.id()).isEqualTo(bad);
            assertThat(r.reason()).isEqualTo("enterprises: enterprises holds a list or an object where a text is expected");
        });
        assertThat(programs.program(good).enterprises()).extracting(Programs.Org::extId).containsExactly(fx.ext(enterprise));
        assertThat(fx.jdbc().sql("select count(*) from talent_program where ext_id = :e").param("e", bad).query(Long.class).single()).isZero();
    }
}

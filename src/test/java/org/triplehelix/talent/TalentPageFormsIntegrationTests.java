package org.triplehelix.talent;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * Every talent page form against the running platform: bad input is answered 400 with the form
 * again, the values as typed (inputs, text areas, the chosen options), the field at fault marked
 * (aria-invalid, its message beside it, the summary at the top naming it and linking to it: the
 * shared {@code FormErrors} and form templates), and nothing written.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TalentPageFormsIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;

    TalentFixtures fx;
    long university;
    long enterprise;
    long academic;
    long industrial;
    Account manager;
    Account declarer;
    Account studentAccount;
    Account mentor;
    String program;
    String student;

    @BeforeAll
    void world() {
        fx = TalentFixtures.of(context);
        university = fx.organization("Forms University", "university", "420100");
        enterprise = fx.organization("Forms Enterprise", "enterprise", "420500");
        academic = fx.person("Forms Academic", university);
        industrial = fx.person("Forms Industrial", enterprise);
        manager = fx.user(university, null, Role.ORG_ADMIN);
        declarer = fx.user(enterprise, null, Role.ENTERPRISE);
        studentAccount = fx.user(university, null, Role.STUDENT);
        mentor = fx.user(enterprise, industrial, Role.ENTERPRISE);
        program = fx.program(university, enterprise, "0803", "ind-optoelectronics", 2024);
        student = fx.student(program, enterprise, academic, industrial, studentAccount, 2027, "enrolled");
    }

    // --- programs ---------------------------------------------------------------------------

    @Test
    void aRefusedNewProgramComesBackAsTypedAndIsNotCreated() {
        String name = AccessFixtures.unique("Refused program");
        HelixClient.Response response = client(manager).postForm("/talent/programs", form("name_en", name, "university", fx.ext(university),
                "enterprises", fx.ext(enterprise), "discipline", "0812", "industry", "ind-ai", "degree_level", "doctorate",
                "cohort_year", "1800", "capacity", "12", "required_hours", "640"));

        assertThat(response.status()).isEqualTo(400);
        String html = response.body();
        assertThat(value(html, "name_en")).isEqualTo(name);
        assertThat(value(html, "university")).isEqualTo(fx.ext(university));
        assertThat(textarea(html, "enterprises")).isEqualTo(fx.ext(enterprise));
        assertThat(selected(html, "discipline")).isEqualTo("0812");
        assertThat(selected(html, "industry")).isEqualTo("ind-ai");
        assertThat(selected(html, "degree_level")).isEqualTo("doctorate");
        assertThat(value(html, "capacity")).isEqualTo("12");
        assertThat(value(html, "required_hours")).isEqualTo("640");
        assertThat(value(html, "cohort_year")).isEqualTo("1800");
        assertThat(refusedAt(html, "cohort_year")).isEqualTo("must be between 1990 and 2100");
        assertThat(summary(html)).contains("Cohort: must be between 1990 and 2100");
        assertThat(count("select count(*) from talent_program where name_en = :v", name)).isZero();
    }

    @Test
    void aRefusedProgramEditComesBackAsTypedAndChangesNothing() {
        String id = fx.program(university, enterprise, "0803", "ind-optoelectronics", 2024);
        String name = AccessFixtures.unique("Renamed program");
        HelixClient.Response response = client(manager).postForm("/talent/programs/" + id, form("name_en", name,
                "university", fx.ext(university), "enterprises", fx.ext(enterprise) + "; no-such-enterprise", "discipline", "0812",
                "industry", "ind-ai", "degree_level", "doctorate", "cohort_year", "2025", "capacity", "30", "required_hours", "800"));

        assertThat(response.status()).isEqualTo(400);
        String html = response.body();
        assertThat(html).contains("action=\"/talent/programs/" + id + "\"");
        assertThat(value(html, "name_en")).isEqualTo(name);
        assertThat(textarea(html, "enterprises")).isEqualTo(fx.ext(enterprise) + "; no-such-enterprise");
        assertThat(selected(html, "discipline")).isEqualTo("0812");
        assertThat(selected(html, "degree_level")).isEqualTo("doctorate");
        assertThat(value(html, "capacity")).isEqualTo("30");
        assertThat(refusedAt(html, "enterprises")).isEqualTo("no organization has the id no-such-enterprise in the registry");
        assertThat(summary(html)).contains("Enterprises: no organization has the id no-such-enterprise");
        assertThat(fx.jdbc().sql("select name_en || ' ' || discipline_code || ' ' || capacity || ' ' || version from talent_program where ext_id = :p")
                .param("p", id).query(String.class).single()).isEqualTo("Program " + id + " 0803 10 0");
        assertThat(fx.access().auditRows("talent_program", id, "update")).isZero();
    }

    /** The program's enterprises' ids in order, as stored. */
    private java.util.List<String> enterprisesOf(String programId) {
        return fx.jdbc().sql("""
                        select o.ext_id from talent_program_enterprise pe join talent_program p on p.id = pe.program_id
                        join organization o on o.id = pe.organization_id where p.ext_id = :p order by pe.position""")
                .param("p", programId).query(String.class).list();
    }

    /** The program's edit form posted back as a browser posts it unchanged: its text area's line breaks as CR LF. */
    private HelixClient.Response savedUnchanged(String programId) {
        String html = client(manager).get("/talent/programs/" + programId + "/edit?lang=en").body();
        Map<String, String> form = form("name_en", value(html, "name_en"), "university", value(html, "university"),
                "enterprises", textarea(html, "enterprises").replace("\n", "\r\n"), "discipline", selected(html, "discipline"),
                "industry", selected(html, "industry"), "degree_level", selected(html, "degree_level"),
                "cohort_year", value(html, "cohort_year"), "capacity", value(html, "capacity"), "required_hours", value(html, "required_hours"));
        return client(manager).postForm("/talent/programs/" + programId, form);
    }

    /**
     * An enterprise whose id holds a comma and a semicolon (an id may) is shown one id a line, and stays one enterprise when
     * the program's edit form is saved unchanged, alone or with others; typed on one line, ids are still separated by
     * commas, semicolons or whitespace.
     */
    @Test
    void anEnterpriseWhoseIdHoldsACommaSurvivesTheProgramsEditFormSavedUnchanged() {
        long commaEnterprise = fx.organization("Comma Enterprise", "enterprise", "420500");
        String id = fx.program(university, commaEnterprise, "0803", "ind-optoelectronics", 2024);
        String commaId = AccessFixtures.unique("org,x;y");
        fx.jdbc().sql("update organization set ext_id = :e where id = :o").param("e", commaId).param("o", commaEnterprise).update();
        assertThat(enterprisesOf(id)).containsExactly(commaId);

        String html = client(manager).get("/talent/programs/" + id + "/edit?lang=en").body();
        assertThat(textarea(html, "enterprises")).isEqualTo(commaId + "\n");
        HelixClient.Response saved = savedUnchanged(id);
        assertThat(saved.status()).as(saved.body()).isEqualTo(302);
        assertThat(enterprisesOf(id)).containsExactly(commaId);

        // two of them, the one holding a comma first: saved unchanged, both whole and in order
        HelixClient.Response typed = client(manager).postForm("/talent/programs/" + id, form("name_en", "Comma program",
                "university", fx.ext(university), "enterprises", commaId + "\r\n" + fx.ext(enterprise) + "\r\n", "discipline", "0812",
                "industry", "ind-ai", "degree_level", "doctorate", "cohort_year", "2025", "capacity", "30", "required_hours", "800"));
        assertThat(typed.status()).as(typed.body()).isEqualTo(302);
        assertThat(enterprisesOf(id)).containsExactly(commaId, fx.ext(enterprise));
        assertThat(savedUnchanged(id).status()).isEqualTo(302);
        assertThat(enterprisesOf(id)).containsExactly(commaId, fx.ext(enterprise));

        // typed on one line, as before: separated by a comma, a semicolon or whitespace
        long other = fx.organization("Other Enterprise", "enterprise", "420500");
        for (String line : java.util.List.of(fx.ext(enterprise) + ", " + fx.ext(other), fx.ext(enterprise) + "; " + fx.ext(other),
                fx.ext(enterprise) + " " + fx.ext(other))) {
            typed = client(manager).postForm("/talent/programs/" + id, form("name_en", "Comma program", "university", fx.ext(university),
                    "enterprises", line, "discipline", "0812", "industry", "ind-ai", "degree_level", "doctorate", "cohort_year", "2025",
                    "capacity", "30", "required_hours", "800"));
            assertThat(typed.status()).as(line + ": " + typed.body()).isEqualTo(302);
            assertThat(enterprisesOf(id)).as(line).containsExactly(fx.ext(enterprise), fx.ext(other));
        }
    }

    /**
     * Through the API, a new program's id holding whitespace is refused at the id (ids are written in space-separated
     * files), and an enterprise's id holding a line break, which the form would split, at its position; nothing is written.
     */
    @Test
    void theApiRefusesANewIdHoldingWhitespaceAndAListItemHoldingALineBreak() throws Exception {
        String body = """
                {"id": "%s", "name_en": "Spaced program", "university": "%s", "enterprises": %s, "discipline": "0812",
                 "industry": "ind-ai", "degree_level": "doctorate", "cohort_year": 2025, "capacity": 12}""";
        String spaced = AccessFixtures.unique("new program");
        HelixClient.Response response = client(manager).json("POST", "/api/v1/talent/programs",
                body.formatted(spaced, fx.ext(university), "[\"" + fx.ext(enterprise) + "\"]"));
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        JsonNode problem = JsonMapper.builder().build().readTree(response.body());
        assertThat(problem.toString()).contains("\"field\":\"id\"").contains("holds whitespace");
        assertThat(count("select count(*) from talent_program where ext_id = :v", spaced)).isZero();

        String broken = AccessFixtures.unique("new-program");
        response = client(manager).json("POST", "/api/v1/talent/programs",
                body.formatted(broken, fx.ext(university), "[\"" + fx.ext(enterprise) + "\", \"org\\nx\"]"));
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(JsonMapper.builder().build().readTree(response.body()).toString()).contains("\"field\":\"enterprises[1]\"");
        assertThat(count("select count(*) from talent_program where ext_id = :v", broken)).isZero();
    }

    /** An id is kept as given (INTERCHANGE.md): saved, the program's page is found again at its escaped address. */
    @Test
    void aSavedProgramWhoseIdAnAddressMustEscapeComesBackToItsPage() {
        String id = AccessFixtures.unique("prog a?b#c");
        fx.jdbc().sql("update talent_program set ext_id = :id where ext_id = :old").param("id", id)
                .param("old", fx.program(university, enterprise, "0803", "ind-optoelectronics", 2024)).update();
        String address = "/talent/programs/" + org.springframework.web.util.UriUtils.encodePathSegment(id, java.nio.charset.StandardCharsets.UTF_8);
        HelixClient.Response response = client(manager).postForm(address, form("name_en", "Escaped program",
                "university", fx.ext(university), "enterprises", fx.ext(enterprise), "discipline", "0812",
                "industry", "ind-ai", "degree_level", "doctorate", "cohort_year", "2025", "capacity", "30", "required_hours", "800"));

        assertThat(response.status()).isEqualTo(302);
        assertThat(response.header("Location")).endsWith(address).contains("%20").contains("%3F").contains("%23");
        assertThat(client(manager).get(address).body()).contains("Escaped program");
    }

    @Test
    void aRefusedEnrolmentComesBackInTheProgramsPageAsTypedAndEnrolsNobody() {
        long students = count("select count(*) from talent_student s join talent_program p on p.id = s.program_id where p.ext_id = :v", program);
        String name = AccessFixtures.unique("Refused Student");
        HelixClient client = client(manager);

        // the same person as both mentors
        HelixClient.Response response = client.postForm("/talent/programs/" + program + "/students", form("name_en", name,
                "enterprise", fx.ext(enterprise), "academic_mentor", fx.personExt(academic), "industrial_mentor", fx.personExt(academic),
                "graduation_year", "2029", "background", "激光焊接 laser welding"));
        assertThat(response.status()).isEqualTo(400);
        String html = response.body();
        assertThat(html).contains("id=\"enroll-form\"");
        assertThat(value(html, "s-name_en")).isEqualTo(name);
        assertThat(selected(html, "s-enterprise")).isEqualTo(fx.ext(enterprise));
        assertThat(value(html, "s-academic")).isEqualTo(fx.personExt(academic));
        assertThat(value(html, "s-year")).isEqualTo("2029");
        assertThat(textarea(html, "s-background")).isEqualTo("激光焊接 laser welding");
        assertThat(refusedAt(html, "s-industrial")).isEqualTo("the industrial mentor must be another person than the academic mentor");
        assertThat(summary(html)).contains("Industrial mentor: ");

        // no name: the service asks for a person, the form marks the name
        response = client.postForm("/talent/programs/" + program + "/students", form("enterprise", fx.ext(enterprise),
                "academic_mentor", fx.personExt(academic), "industrial_mentor", fx.personExt(industrial), "graduation_year", "2029"));
        assertThat(response.status()).isEqualTo(400);
        assertThat(refusedAt(response.body(), "s-name_zh")).startsWith("give the student a name");
        assertThat(value(response.body(), "s-industrial")).isEqualTo(fx.personExt(industrial));

        assertThat(count("select count(*) from talent_student s join talent_program p on p.id = s.program_id where p.ext_id = :v", program))
                .isEqualTo(students);
        assertThat(count("select count(*) from person where name_en = :v", name)).isZero();
        // the language switch asks for the refused page by GET: it is the program's
        assertThat(client.get("/talent/programs/" + program + "/students?lang=zh").location()).endsWith("/talent/programs/" + program);
    }

    // --- a student's record -----------------------------------------------------------------

    @Test
    void aRefusedStudentEditSaysWhatIsWrongInChinese() {
        String id = fx.student(program, enterprise, academic, industrial, null, 2027, "enrolled");
        HelixClient client = client(manager);
        HelixClient.Response response = client.postForm("/talent/students/" + id + "?lang=zh", form("enterprise", fx.ext(enterprise),
                "academic_mentor", fx.personExt(academic), "industrial_mentor", fx.personExt(industrial), "graduation_year", "3000",
                "status", "graduated", "background", "光纤激光器"));

        assertThat(response.status()).isEqualTo(400);
        String html = response.body();
        assertThat(selected(html, "s-status")).isEqualTo("graduated");
        assertThat(textarea(html, "s-background")).isEqualTo("光纤激光器");
        assertThat(refusedAt(html, "s-year")).isEqualTo("须在 1990 至 2100 之间");
        assertThat(summary(html)).contains("表单有 1 处需要修改").contains("毕业年份：须在 1990 至 2100 之间").contains("尚未保存任何内容");
        assertThat(count("select count(*) from talent_student where ext_id = :v and graduation_year = 2027 and status = 'enrolled'", id)).isOne();
    }

    @Test
    void aRefusedFieldTheFormDoesNotAskForIsNamedInTheSummaryAndNothingIsMarked() {
        String id = fx.student(program, enterprise, academic, industrial, null, 2027, "enrolled");
        HelixClient.Response response = client(manager).postForm("/talent/students/" + id, form("name_en", "Someone Else",
                "enterprise", fx.ext(enterprise), "academic_mentor", fx.personExt(academic), "industrial_mentor", fx.personExt(industrial),
                "graduation_year", "2028"));

        assertThat(response.status()).isEqualTo(400);
        String html = response.body();
        assertThat(summary(html)).contains("Name (English): the name is the one on the student’s person record (");
        assertThat(html).doesNotContain("aria-invalid=\"true\"").doesNotContain("class=\"field-error\"").doesNotContain("href=\"#f-name_en\"");
        assertThat(value(html, "s-year")).isEqualTo("2028");
        assertThat(count("select count(*) from talent_student where ext_id = :v and graduation_year = 2027", id)).isOne();
    }

    @Test
    void refusedHoursComeBackInTheRecordAsTypedAndLogNothing() {
        long logged = hoursOf(student);
        String yesterday = LocalDate.now().minusDays(1).toString();
        HelixClient client = client(studentAccount);

        HelixClient.Response response = client.postForm("/talent/students/" + student + "/hours",
                form("date", yesterday, "hours", "25", "description", "调试磁力计 calibration"));
        assertThat(response.status()).isEqualTo(400);
        String html = response.body();
        assertThat(value(html, "h-date")).isEqualTo(yesterday);
        assertThat(value(html, "h-hours")).isEqualTo("25");
        assertThat(value(html, "h-description")).isEqualTo("调试磁力计 calibration");
        assertThat(refusedAt(html, "h-hours")).isEqualTo("more than 0 and at most 24 hours, in tenths");
        assertThat(summary(html)).contains("Hours: more than 0");

        response = client.postForm("/talent/students/" + student + "/hours", form("date", "2026-13-01", "hours", "4", "description", "work"));
        assertThat(response.status()).isEqualTo(400);
        assertThat(refusedAt(response.body(), "h-date")).isEqualTo("must be a date such as 2026-03-01, not “2026-13-01”");
        assertThat(value(response.body(), "h-hours")).isEqualTo("4");

        assertThat(hoursOf(student)).isEqualTo(logged);
    }

    /**
     * A day has 24 hours: what is logged for it (and not rejected) cannot pass them, however it is split;
     * the work done is said in at most 1000 characters; and hours are not logged for a year before the
     * cohort's. Each refusal says so beside its field, in the reader's language, and logs nothing.
     */
    @Test
    void aDayHoldsAtMost24HoursTheWorkAFewLinesAndNothingBeforeTheCohort() {
        String day = LocalDate.now().minusDays(2).toString();
        HelixClient client = client(studentAccount);
        assertThat(client.postForm("/talent/students/" + student + "/hours", form("date", day, "hours", "20", "description", "整机联调"))
                .status()).isEqualTo(302);
        long logged = hoursOf(student);

        HelixClient.Response response = client.postForm("/talent/students/" + student + "/hours?lang=zh",
                form("date", day, "hours", "5", "description", "夜间值守"));
        assertThat(response.status()).isEqualTo(400);
        assertThat(refusedAt(response.body(), "h-hours")).isEqualTo("该日已登记 20 小时，最多还能登记 4 小时");
        assertThat(control(response.body(), "h-hours")).as("the browser takes tenths, as the server does").contains("step=\"0.1\"");
        assertThat(value(response.body(), "h-description")).isEqualTo("夜间值守");
        assertThat(refusedAt(client.postForm("/talent/students/" + student + "/hours?lang=en",
                form("date", day, "hours", "4.5", "description", "night shift")).body(), "h-hours"))
                .isEqualTo("20 hours of this day are logged already: at most 4 more");

        String essay = "调试".repeat(501);
        response = client.postForm("/talent/students/" + student + "/hours?lang=en", form("date", day, "hours", "1", "description", essay));
        assertThat(response.status()).isEqualTo(400);
        assertThat(refusedAt(response.body(), "h-description")).isEqualTo("at most 1000 characters");
        assertThat(value(response.body(), "h-description")).isEqualTo(essay);

        response = client.postForm("/talent/students/" + student + "/hours?lang=zh", form("date", "2023-12-31", "hours", "8", "description", "预研"));
        assertThat(response.status()).isEqualTo(400);
        assertThat(refusedAt(response.body(), "h-date")).isEqualTo("学时须从本届入学年份（2024 年）起登记");
        assertThat(hoursOf(student)).isEqualTo(logged);

        // what is left of the day is still taken
        assertThat(client.postForm("/talent/students/" + student + "/hours", form("date", day, "hours", "4", "description", "夜间值守"))
                .status()).isEqualTo(302);
        assertThat(hoursOf(student)).isEqualTo(logged + 1);
    }

    @Test
    void aRefusedMilestoneComesBackInTheRecordAsChosenAndSetsNothing() {
        HelixClient.Response response = client(mentor).postForm("/talent/students/" + student + "/milestones",
                form("kind", "midterm", "due", "", "status", "passed"));

        assertThat(response.status()).isEqualTo(400);
        String html = response.body();
        assertThat(selected(html, "m-kind")).isEqualTo("midterm");
        assertThat(selected(html, "m-status")).isEqualTo("passed");
        assertThat(refusedAt(html, "m-due")).isEqualTo("this is required");
        assertThat(summary(html)).contains("Due: this is required");
        assertThat(count("select count(*) from talent_milestone m join talent_student s on s.id = m.student_id where s.ext_id = :v", student)).isZero();
    }

    @Test
    void aRefusedOutcomeComesBackInTheRecordAsTypedAndRecordsNothing() {
        HelixClient client = client(mentor);
        String title = AccessFixtures.unique("Refused outcome");

        HelixClient.Response response = client.postForm("/talent/students/" + student + "/outcomes", form("type", "patent", "year", "2025"));
        assertThat(response.status()).isEqualTo(400);
        assertThat(selected(response.body(), "o-type")).isEqualTo("patent");
        assertThat(value(response.body(), "o-year")).isEqualTo("2025");
        assertThat(refusedAt(response.body(), "o-zh")).isEqualTo("a Chinese or an English title is required");

        response = client.postForm("/talent/students/" + student + "/outcomes", form("type", "paper", "title_en", title, "year", "20x5"));
        assertThat(response.status()).isEqualTo(400);
        assertThat(selected(response.body(), "o-type")).isEqualTo("paper");
        assertThat(value(response.body(), "o-en")).isEqualTo(title);
        assertThat(refusedAt(response.body(), "o-year")).isEqualTo("must be a whole number, not “20x5”");

        assertThat(count("select count(*) from talent_outcome o join talent_student s on s.id = o.student_id where s.ext_id = :v", student)).isZero();
        assertThat(count("select count(*) from output where title_en = :v", title)).isZero();
    }

    /**
     * An outcome's title of a whole page (100,000 characters were taken through the API) is refused beside its
     * field, with the limit its input shows, and through the API with the field named; a year far off too.
     */
    @Test
    void anOverlongOutcomeTitleOrAYearFarOffIsRefusedOnThePageAndThroughTheApi() {
        String title = AccessFixtures.unique("长成果") + "论".repeat(300);
        String shortTitle = AccessFixtures.unique("Far-off outcome");
        HelixClient.Response response = client(mentor).postForm("/talent/students/" + student + "/outcomes?lang=zh",
                form("type", "paper", "title_zh", title, "year", "2025"));
        assertThat(response.status()).isEqualTo(400);
        assertThat(refusedAt(response.body(), "o-zh")).isEqualTo("最多 300 个字符");
        assertThat(value(response.body(), "o-zh")).isEqualTo(title);
        assertThat(control(response.body(), "o-en")).contains("maxlength=\"300\"");

        HelixClient api = HelixClient.basic(port, mentor.email(), AccessFixtures.PASSWORD);
        HelixClient.Response tooLong = api.json("POST", "/api/v1/talent/students/" + student + "/outcomes",
                "{\"type\": \"paper\", \"titleEn\": \"" + "t".repeat(100_000) + "\"}");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.body()).contains("\"field\":\"title_en\"").contains("title_en is at most 300 characters");
        HelixClient.Response farOff = api.json("POST", "/api/v1/talent/students/" + student + "/outcomes",
                "{\"type\": \"paper\", \"titleEn\": \"" + shortTitle + "\", \"year\": 99999}");
        assertThat(farOff.status()).isEqualTo(400);
        assertThat(farOff.body()).contains("\"field\":\"year\"").contains("year must be between 1990 and 2100");

        assertThat(count("select count(*) from talent_outcome o join talent_student s on s.id = o.student_id where s.ext_id = :v", student)).isZero();
        assertThat(count("select count(*) from output where title_zh = :v or title_en = :v", title)).isZero();
        assertThat(count("select count(*) from output where title_en = :v", shortTitle)).isZero();
    }

    /** A topic's demand reference had no limit: it has the one of a title, on the page and through the API. */
    @Test
    void anOverlongDemandReferenceIsRefusedBesideItsField() {
        String title = AccessFixtures.unique("demand ref topic");
        HelixClient.Response response = client(declarer).postForm("/talent/topics?lang=en", form("title_en", title,
                "industry", "ind-ai", "demand_ref", "d".repeat(301)));
        assertThat(response.status()).isEqualTo(400);
        assertThat(refusedAt(response.body(), "t-ref")).isEqualTo("at most 300 characters");
        assertThat(control(response.body(), "t-ref")).contains("maxlength=\"300\"");

        HelixClient.Response api = HelixClient.basic(port, declarer.email(), AccessFixtures.PASSWORD).json("POST", "/api/v1/talent/topics",
                "{\"titleEn\": \"" + title + "\", \"demandRef\": \"" + "d".repeat(100_000) + "\"}");
        assertThat(api.status()).isEqualTo(400);
        assertThat(api.body()).contains("\"field\":\"demand_ref\"");
        assertThat(count("select count(*) from talent_topic where title_en = :v", title)).isZero();
    }

    // --- topics, needs, crosswalk, import ---------------------------------------------------

    @Test
    void aRefusedTopicComesBackAsTypedAndIsNotPosted() {
        String description = AccessFixtures.unique("refused topic");
        HelixClient.Response response = client(declarer).postForm("/talent/topics", form("description", description,
                "industry", "ind-ai", "discipline", "0812", "demand_ref", "demand-42"));

        assertThat(response.status()).isEqualTo(400);
        String html = response.body();
        assertThat(textarea(html, "t-description")).isEqualTo(description);
        assertThat(selected(html, "t-industry")).isEqualTo("ind-ai");
        assertThat(selected(html, "t-discipline")).isEqualTo("0812");
        assertThat(value(html, "t-ref")).isEqualTo("demand-42");
        assertThat(refusedAt(html, "t-zh")).isEqualTo("a Chinese or an English title is required");
        assertThat(summary(html)).contains("Title (Chinese): ");
        assertThat(count("select count(*) from talent_topic where description = :v", description)).isZero();
    }

    @Test
    void aRefusedNeedDeclarationComesBackAsTypedAndDeclaresNothing() {
        String skill = AccessFixtures.unique("refused skill");
        HelixClient.Response response = client(declarer).postForm("/talent/needs", form("industry", "ind-ai", "discipline", "0812",
                "skill", skill, "degree_level", "doctorate", "year", "2031", "headcount", "0"));

        assertThat(response.status()).isEqualTo(400);
        String html = response.body();
        assertThat(html).contains("id=\"declare-need\"");
        assertThat(selected(html, "n-industry")).isEqualTo("ind-ai");
        assertThat(selected(html, "n-discipline")).isEqualTo("0812");
        assertThat(selected(html, "n-degree")).isEqualTo("doctorate");
        assertThat(value(html, "n-skill")).isEqualTo(skill);
        assertThat(value(html, "n-year")).isEqualTo("2031");
        assertThat(value(html, "n-headcount")).isEqualTo("0");
        assertThat(refusedAt(html, "n-headcount")).isEqualTo("must be between 1 and 100000");
        assertThat(count("select count(*) from talent_need where skill = :v", skill)).isZero();
    }

    /**
     * A name or a skill of a whole page is refused beside its field instead of being stored, and a
     * headcount too large for a whole number of the machine is out of range, not "not a whole number".
     */
    @Test
    void overlongTextAndHugeNumbersAreRefusedForWhatTheyAre() {
        String name = AccessFixtures.unique("Long program") + " " + "x".repeat(300);
        HelixClient.Response response = client(manager).postForm("/talent/programs?lang=en", form("name_en", name,
                "university", fx.ext(university), "enterprises", fx.ext(enterprise), "discipline", "0812", "industry", "ind-ai",
                "degree_level", "doctorate", "cohort_year", "2025", "capacity", "12", "required_hours", "640"));
        assertThat(response.status()).isEqualTo(400);
        assertThat(refusedAt(response.body(), "name_en")).isEqualTo("at most 300 characters");
        assertThat(value(response.body(), "name_en")).isEqualTo(name);
        assertThat(count("select count(*) from talent_program where name_en = :v", name)).isZero();

        String skill = AccessFixtures.unique("长技能") + "焊".repeat(4000);
        response = client(declarer).postForm("/talent/needs?lang=zh", form("industry", "ind-ai", "discipline", "0812",
                "skill", skill, "degree_level", "master", "year", "2031", "headcount", "3"));
        assertThat(response.status()).isEqualTo(400);
        assertThat(refusedAt(response.body(), "n-skill")).isEqualTo("最多 4000 个字符");
        assertThat(count("select count(*) from talent_need where skill = :v", skill)).isZero();

        String huge = AccessFixtures.unique("huge need");
        response = client(declarer).postForm("/talent/needs?lang=en", form("industry", "ind-ai", "discipline", "0812",
                "skill", huge, "degree_level", "master", "year", "2031", "headcount", "99999999999"));
        assertThat(response.status()).isEqualTo(400);
        assertThat(refusedAt(response.body(), "n-headcount")).isEqualTo("must be between 1 and 100000");
        assertThat(value(response.body(), "n-headcount")).isEqualTo("99999999999");
        assertThat(count("select count(*) from talent_need where skill = :v", huge)).isZero();
    }

    @Test
    void aRefusedNeedEditComesBackAsTypedAndChangesNothing() {
        String id = AccessFixtures.unique("test-need");
        fx.as(declarer, () -> context.getBean(TalentWriter.class).saveNeed(Fields.of("id", id, "industry", "ind-optoelectronics",
                "skill", "laser optics", "year", "2031", "headcount", "2"), false));

        HelixClient.Response response = client(declarer).postForm("/talent/needs/" + id,
                form("industry", "ind-ai", "discipline", "", "skill", "", "degree_level", "master", "year", "2032", "headcount", "7"));
        assertThat(response.status()).isEqualTo(400);
        String html = response.body();
        assertThat(html).contains("id=\"save-need\"");
        assertThat(selected(html, "n-industry")).isEqualTo("ind-ai");
        assertThat(selected(html, "n-discipline")).isEmpty();
        assertThat(selected(html, "n-degree")).isEqualTo("master");
        assertThat(value(html, "n-skill")).isNull();
        assertThat(value(html, "n-year")).isEqualTo("2032");
        assertThat(value(html, "n-headcount")).isEqualTo("7");
        assertThat(refusedAt(html, "n-discipline")).isEqualTo("choose a discipline or name a skill");
        assertThat(summary(html)).contains("Discipline: choose a discipline or name a skill");
        assertThat(fx.jdbc().sql("select industry_code || ' ' || skill || ' ' || year || ' ' || headcount from talent_need where ext_id = :id")
                .param("id", id).query(String.class).single()).isEqualTo("ind-optoelectronics laser optics 2031 2");
        assertThat(fx.access().auditRows("talent_need", id, "update")).isZero();
    }

    @Test
    void aRefusedCrosswalkShareComesBackAsChosenAndWritesNothing() {
        Account admin = fx.access().user(null, Role.ADMIN);
        String pair = "0812/ind-steel";
        assertThat(count("select count(*) from talent_crosswalk where discipline_code || '/' || industry_code = :v", pair)).isZero();

        HelixClient.Response response = client(admin).postForm("/talent/crosswalk", form("discipline", "0812", "industry", "ind-steel", "share", "0"));
        assertThat(response.status()).isEqualTo(400);
        String html = response.body();
        assertThat(selected(html, "c-discipline")).isEqualTo("0812");
        assertThat(selected(html, "c-industry")).isEqualTo("ind-steel");
        assertThat(value(html, "c-share")).isEqualTo("0");
        assertThat(refusedAt(html, "c-share")).isEqualTo("must be between 1 and 100");
        assertThat(count("select count(*) from talent_crosswalk where discipline_code || '/' || industry_code = :v", pair)).isZero();
    }

    @Test
    void aRefusedImportKeepsTheChosenKindAndImportsNothing() {
        HelixClient client = client(declarer);
        String id = AccessFixtures.unique("test-need");
        String boundary = "----talent" + System.nanoTime();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nneed\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"needs.pdf\"\r\nContent-Type: application/pdf\r\n\r\n"
                + "id,industry,skill,year,headcount\n" + id + ",ind-ai,x,2031,1\n\r\n--" + boundary + "--\r\n";
        HelixClient.Response response = client.send("POST", "/talent/import", Map.of("Content-Type", "multipart/form-data; boundary=" + boundary,
                "X-CSRF-TOKEN", client.csrfToken()), body.getBytes(StandardCharsets.UTF_8));

        assertThat(response.status()).isEqualTo(400);
        assertThat(selected(response.body(), "i-kind")).isEqualTo("need");
        assertThat(refusedAt(response.body(), "i-file")).isEqualTo("use a .csv or .xlsx file");
        assertThat(count("select count(*) from talent_need where ext_id = :v", id)).isZero();
    }

    // --- in the reader's language: a refused field, a conflict, an import report, an action's refusal --------

    @Test
    void aRefusedFieldIsSaidInChineseAndInEnglish() {
        HelixClient client = client(declarer);
        Map<String, String> typed = form("industry", "ind-ai", "skill", AccessFixtures.unique("skill"), "year", "2031", "headcount", "0");

        HelixClient.Response zh = client.postForm("/talent/needs?lang=zh", typed);
        assertThat(zh.status()).isEqualTo(400);
        assertThat(refusedAt(zh.body(), "n-headcount")).isEqualTo("须在 1 至 100000 之间");
        assertThat(summary(zh.body())).contains("表单有 1 处需要修改").contains("人数：须在 1 至 100000 之间");

        HelixClient.Response en = client.postForm("/talent/needs?lang=en", typed);
        assertThat(en.status()).isEqualTo(400);
        assertThat(refusedAt(en.body(), "n-headcount")).isEqualTo("must be between 1 and 100000");
        assertThat(summary(en.body())).contains("There is 1 problem to fix").contains("Headcount: must be between 1 and 100000");
        assertThat(count("select count(*) from talent_need where skill = :v", typed.get("skill"))).isZero();
    }

    @Test
    void aTopicAStudentChoseCannotBeClosedAndThePageSaysWhyInEitherLanguage() {
        Account chooser = fx.user(university, null, Role.STUDENT);
        String record = fx.student(program, enterprise, academic, industrial, chooser, 2028, "enrolled");
        String topic = fx.topic(enterprise, AccessFixtures.unique("主题 chosen topic"));
        fx.as(chooser, () -> context.getBean(Topics.class).choose(record, topic));
        HelixClient client = client(declarer);

        HelixClient.Response refused = client.postForm("/talent/topics/" + topic + "/close?lang=zh", form());
        assertThat(refused.status()).isEqualTo(302);
        assertThat(flash(followed(client, refused))).isEqualTo("现在无法执行： 已有学生选择了该命题，不能再关闭");
        refused = client.postForm("/talent/topics/" + topic + "/close?lang=en", form());
        assertThat(flash(followed(client, refused)))
                .isEqualTo("That cannot be done now: a student has already chosen this topic, so it can no longer be closed");
        // the flash is said once, and the topic is still the student's
        assertThat(client.get("/talent/topics").body()).doesNotContain("id=\"error\"");
        assertThat(context.getBean(Topics.class).topic(topic).status()).isEqualTo("chosen");
    }

    @Test
    void formerEnglishFlashesAreSaidInThePagesLanguage() {
        // a second topic, chosen by a student who has one already
        Account chooser = fx.user(university, null, Role.STUDENT);
        String record = fx.student(program, enterprise, academic, industrial, chooser, 2028, "enrolled");
        String first = fx.topic(enterprise, AccessFixtures.unique("first topic"));
        String second = fx.topic(enterprise, AccessFixtures.unique("second topic"));
        fx.as(chooser, () -> context.getBean(Topics.class).choose(record, first));
        HelixClient chooserClient = client(chooser);
        HelixClient.Response response = chooserClient.postForm("/talent/students/" + record + "/topic?lang=zh", form("topic", second));
        assertThat(response.location()).endsWith("/talent/students/" + record);
        assertThat(flash(followed(chooserClient, response))).isEqualTo("现在无法执行： 您已经选择了命题，同一时间只能选择一个");
        assertThat(context.getBean(Topics.class).topic(second).status()).isEqualTo("open");

        // hours decided twice by the industrial mentor
        long entry = fx.pendingHours(record, chooser);
        HelixClient client = client(mentor);
        assertThat(followed(client, client.postForm("/talent/hours/" + entry + "/approve", form("back", "/talent")))).contains("id=\"notice\"");
        response = client.postForm("/talent/hours/" + entry + "/reject?lang=zh", form("back", "/talent"));
        assertThat(flash(followed(client, response))).isEqualTo("现在无法执行： 这些学时已经认定过了");
        response = client.postForm("/talent/hours/" + entry + "/approve?lang=en", form("back", "/talent"));
        assertThat(flash(followed(client, response))).isEqualTo("That cannot be done now: these hours have already been approved");
        assertThat(fx.jdbc().sql("select status from talent_practice_log where id = :id").param("id", entry).query(String.class).single())
                .isEqualTo("approved");
    }

    @Test
    void anImportWithBadRowsNamesLineFieldAndReasonInThePagesLanguageAndTheApiKeepsItsEnglish() {
        String good = AccessFixtures.unique("test-need");
        String few = AccessFixtures.unique("test-need");
        String nowhere = AccessFixtures.unique("test-need");
        String csv = "id,industry,skill,year,headcount\n" + good + ",ind-ai,welding,2031,2\n" + few + ",ind-ai,welding,2031,0\n"
                + nowhere + ",ind-nowhere,welding,2031,1\n";
        byte[] file = csv.getBytes(StandardCharsets.UTF_8);
        HelixClient client = client(declarer);

        HelixClient.Response zh = client.postMultipart("/talent/import?lang=zh", form("kind", "need"), "file", "needs.csv", file);
        assertThat(zh.status()).isEqualTo(200);
        assertThat(importErrors(zh.body())).containsExactly("第 3 行（" + few + "）「人数」：须在 1 至 100000 之间",
                "第 4 行（" + nowhere + "）「产业」：没有产业“ind-nowhere”：请用产业代码，如 ind-ai");
        HelixClient.Response en = client.postMultipart("/talent/import?lang=en", form("kind", "need"), "file", "needs.csv", file);
        assertThat(importErrors(en.body())).containsExactly("Line 3 (" + few + "), Headcount: must be between 1 and 100000",
                "Line 4 (" + nowhere + "), Industry: no industry “ind-nowhere”: use a code such as ind-ai");
        assertThat(count("select count(*) from talent_need where ext_id = :v", good)).isZero();

        // the API's report is the interchange contract: the same five English fields, no message keys
        HelixClient.Response api = HelixClient.basic(port, declarer.email(), AccessFixtures.PASSWORD)
                .postMultipart("/api/v1/talent/import?kind=need", Map.of(), "file", "needs.csv", file);
        assertThat(api.status()).isEqualTo(422);
        JsonNode error = JsonMapper.builder().build().readTree(api.body()).get("errors").get(0);
        assertThat(error.propertyNames()).containsExactly("file", "line", "id", "field", "message");
        assertThat(error.get("message").asString()).isEqualTo("headcount must be between 1 and 100000");
    }

    @Test
    void aRefusedGapBreakdownIsSaidOnTheErrorPageInChinese() {
        HelixClient.Response response = client(declarer).get("/talent/gap?by=nonsense&lang=zh");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("供需缺口只能按产业类别、产业或市州分解，不能按“nonsense”");
    }

    @Test
    void theHoursAwaitingTheMentorNameTheStudentInThePagesLanguageAndTheApiKeepsItsFields() {
        Account learner = fx.user(university, null, Role.STUDENT);
        String record = fx.student(program, enterprise, academic, industrial, learner, 2028, "enrolled");
        String chinese = AccessFixtures.unique("学时学生");
        fx.jdbc().sql("update person set name_zh = :n where id = (select person_id from talent_student where ext_id = :s)")
                .param("n", chinese).param("s", record).update();
        long entry = fx.pendingHours(record, learner);
        HelixClient client = client(mentor);

        // the student by name, in the page's language, linking to the record (it was the record's id)
        assertThat(pendingRow(client.get("/talent?lang=zh").body(), record))
                .contains("<a href=\"/talent/students/" + record + "\">" + chinese + "</a>").contains("/talent/hours/" + entry + "/approve");
        assertThat(pendingRow(client.get("/talent?lang=en").body(), record))
                .contains("<a href=\"/talent/students/" + record + "\">Student " + record + "</a>");

        // the API's hours entry is what it was: no name added; only the reason of a rejection (null until then), which the
        // student is to read wherever they read their hours
        JsonNode hours = JsonMapper.builder().build().readTree(client.get("/api/v1/talent/students/" + record + "/hours").body()).get(0);
        assertThat(hours.propertyNames()).containsExactly("id", "studentExtId", "date", "hours", "description", "status", "reason");
        assertThat(hours.get("reason").isNull()).isTrue();
        assertThat(hours.get("studentExtId").asString()).isEqualTo(record);
    }

    /**
     * Rejecting hours asks why, and the student is told: the mentor's "Reject…" opens a form whose reason is
     * required (refused beside it in the page's language, the hours still pending); the reason given is stored,
     * shown (escaped) on the student's record, and the mentor returns where they came from.
     */
    @Test
    void rejectingHoursAsksWhyAndTheStudentReadsIt() {
        Account learner = fx.user(university, null, Role.STUDENT);
        String record = fx.student(program, enterprise, academic, industrial, learner, 2028, "enrolled");
        long entry = fx.pendingHours(record, learner);
        HelixClient client = client(mentor);

        assertThat(pendingRow(client.get("/talent?lang=en").body(), record)).contains("href=\"/talent/hours/" + entry + "/reject?back=/talent\"");
        assertThat(client.get("/talent/students/" + record).body()).contains("href=\"/talent/hours/" + entry + "/reject\"");
        String form = client.get("/talent/hours/" + entry + "/reject?back=/talent&lang=en").body();
        assertThat(control(form, "reason")).contains("required");
        assertThat(form).contains("fixture work").contains("name=\"back\" value=\"/talent\"");

        HelixClient.Response refused = client.postForm("/talent/hours/" + entry + "/reject?lang=zh", form("back", "/talent", "reason", "  "));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refusedAt(refused.body(), "reason")).isEqualTo("必须填写");
        assertThat(summary(refused.body())).contains("原因：必须填写");
        refused = client.postForm("/talent/hours/" + entry + "/reject?lang=en", form("back", "/talent", "reason", "x".repeat(1001)));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refusedAt(refused.body(), "reason")).isEqualTo("at most 1000 characters");
        assertThat(textarea(refused.body(), "reason")).isEqualTo("x".repeat(1001));
        assertThat(statusOf(entry)).isEqualTo("pending");

        String why = "<b>日期</b> 写错了 & \"wrong day\"";
        HelixClient.Response rejected = client.postForm("/talent/hours/" + entry + "/reject", form("back", "/talent", "reason", why));
        assertThat(rejected.status()).isEqualTo(302);
        assertThat(rejected.location()).endsWith("/talent");
        assertThat(followed(client, rejected)).contains("id=\"notice\"").doesNotContain("data-student=\"" + record + "\"");
        assertThat(statusOf(entry)).isEqualTo("rejected");
        assertThat(fx.jdbc().sql("select reason from talent_practice_log where id = :id").param("id", entry).query(String.class).single())
                .isEqualTo(why);
        assertThat(client(learner).get("/talent/students/" + record + "?lang=zh").body())
                .contains("原因：&lt;b&gt;日期&lt;/b&gt; 写错了 &amp; \"wrong day\"").doesNotContain("<b>日期</b>");
        // the API may give the reason, or (as it always could) none
        long viaApi = fx.pendingHours(record, learner);
        HelixClient api = HelixClient.basic(port, mentor.email(), AccessFixtures.PASSWORD);
        HelixClient.Response answered = api.json("POST", "/api/v1/talent/hours/" + viaApi + "/reject", "{\"reason\": \"two entries for one day\"}");
        assertThat(answered.status()).isEqualTo(200);
        assertThat(answered.body()).contains("\"status\":\"rejected\"").contains("\"reason\":\"two entries for one day\"");
        assertThat(api.json("POST", "/api/v1/talent/hours/" + fx.pendingHours(record, learner) + "/reject", null).status()).isEqualTo(200);
        // once decided, the form says so instead of asking again
        assertThat(flash(followed(client, client.postForm("/talent/hours/" + entry + "/reject?lang=en", form("reason", "again")))))
                .isEqualTo("That cannot be done now: these hours have already been rejected");
    }

    private String statusOf(long entry) {
        return fx.jdbc().sql("select status from talent_practice_log where id = :id").param("id", entry).query(String.class).single();
    }

    /**
     * The programs, topics and needs show their last page for a page past the end (an old link, a typed number) and
     * their first for a page number that is none (0, negative, a word), instead of an empty list or an error.
     */
    @Test
    void talentListsPastTheEndShowTheLastPage() {
        String need = AccessFixtures.unique("test-need");
        fx.as(declarer, () -> context.getBean(TalentWriter.class).saveNeed(Fields.of("id", need, "industry", "ind-optoelectronics",
                "skill", "paging", "year", "2031", "headcount", "1"), false));
        fx.topic(enterprise, AccessFixtures.unique("paging topic"));
        HelixClient client = client(mentor);
        for (String number : java.util.List.of("1", "99", "99999999999", "0", "-1", "abc")) {
            for (String[] list : new String[][] {{"/talent", "id=\"programs\""}, {"/talent/topics", "id=\"topics\""},
                    {"/talent/needs", "id=\"needs\""}}) {
                HelixClient.Response page = client.get(list[0] + "?page=" + number);
                assertThat(page.status()).as(list[0] + " page " + number).isEqualTo(200);
                assertThat(page.body()).as(list[0] + " page " + number).contains(list[1]);
            }
        }
    }

    /** The row of the student's hours in the table of hours awaiting approval. */
    private static String pendingRow(String html, String student) {
        String table = html.substring(html.indexOf("id=\"pending-hours\""));
        int start = table.indexOf("<tr data-student=\"" + student + "\">");
        assertThat(start).as("a row for " + student).isNotNegative();
        return table.substring(start, table.indexOf("</tr>", start));
    }

    // --- helpers ----------------------------------------------------------------------------

    private HelixClient client(Account account) {
        HelixClient client = HelixClient.browser(port);
        assertThat(client.signIn(account.email(), AccessFixtures.PASSWORD)).isTrue();
        return client;
    }

    private static Map<String, String> form(String... pairs) {
        Map<String, String> form = new LinkedHashMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            form.put(pairs[i], pairs[i + 1]);
        }
        return form;
    }

    private long count(String sql, String value) {
        return fx.jdbc().sql(sql).param("v", value).query(Long.class).single();
    }

    private long hoursOf(String studentId) {
        return count("select count(*) from talent_practice_log h join talent_student s on s.id = h.student_id where s.ext_id = :v", studentId);
    }

    /** The opening tag of the form control with this id. */
    private static String control(String html, String id) {
        Matcher m = Pattern.compile("<(input|select|textarea)\\b[^>]*\\bid=\"" + Pattern.quote(id) + "\"[^>]*>").matcher(html);
        assertThat(m.find()).as("a form control #%s", id).isTrue();
        return m.group();
    }

    /** An input's value as the page gives it back, or null for none. */
    private static String value(String html, String id) {
        Matcher m = Pattern.compile("\\bvalue=\"([^\"]*)\"").matcher(control(html, id));
        return m.find() ? m.group(1) : null;
    }

    /** The value of a select's chosen option, "" for none. */
    private static String selected(String html, String id) {
        control(html, id);
        Matcher select = Pattern.compile("<select\\b[^>]*\\bid=\"" + Pattern.quote(id) + "\"[^>]*>([\\s\\S]*?)</select>").matcher(html);
        assertThat(select.find()).as("a select #%s", id).isTrue();
        Matcher option = Pattern.compile("<option value=\"([^\"]*)\" selected>").matcher(select.group(1));
        String chosen = option.find() ? option.group(1) : "";
        assertThat(option.find()).as("one chosen option in #%s", id).isFalse();
        return chosen;
    }

    private static String textarea(String html, String id) {
        Matcher m = Pattern.compile("<textarea\\b[^>]*\\bid=\"" + Pattern.quote(id) + "\"[^>]*>([^<]*)</textarea>").matcher(html);
        assertThat(m.find()).as("a text area #%s", id).isTrue();
        return m.group(1);
    }

    /**
     * Asserts that the control with this id, and it alone, is marked refused (aria-invalid), that its
     * message is beside it inside its label, and that the summary at the top links to its field; returns the message.
     */
    private static String refusedAt(String html, String id) {
        assertThat(control(html, id)).contains("aria-invalid=\"true\"");
        assertThat(Pattern.compile("aria-invalid=\"true\"").matcher(html).results().count()).as("marked controls").isOne();
        assertThat(Pattern.compile("class=\"field-error\"").matcher(html).results().count()).as("messages beside fields").isOne();
        Matcher m = Pattern.compile("<p class=\"field[^\"]*\" id=\"f-(\\w+)\"><label for=\"" + Pattern.quote(id)
                + "\">[^<]*<span class=\"field-error\" id=\"f-\\1-error\">([^<]*)</span>").matcher(html);
        assertThat(m.find()).as("the message beside #%s", id).isTrue();
        assertThat(html).as("the summary links to the field").contains("<a href=\"#f-" + m.group(1) + "\">");
        return m.group(2);
    }

    /** The page a redirect leads to, as the browser shows it. */
    private static String followed(HelixClient client, HelixClient.Response redirect) {
        assertThat(redirect.status()).isEqualTo(302);
        return client.get(java.net.URI.create(redirect.location()).getRawPath()).body();
    }

    /** The page's message about a refused action (flashed through the redirect), as text. */
    private static String flash(String html) {
        Matcher m = Pattern.compile("<p class=\"error\" role=\"alert\" id=\"error\">([\\s\\S]*?)</p>").matcher(html);
        assertThat(m.find()).as("the refused action's message").isTrue();
        return m.group(1).replaceAll("\\s+", " ").strip();
    }

    /** The rows of an import's report, as text. */
    private static java.util.List<String> importErrors(String html) {
        Matcher list = Pattern.compile("<ul id=\"import-errors\">([\\s\\S]*?)</ul>").matcher(html);
        assertThat(list.find()).as("the import's report").isTrue();
        return Pattern.compile("<li[^>]*>([\\s\\S]*?)</li>").matcher(list.group(1)).results()
                .map(r -> r.group(1).replaceAll("\\s+", " ").strip()).toList();
    }

    /** The summary of a refused form at the top of the page, as text. */
    private static String summary(String html) {
        Matcher m = Pattern.compile("<div class=\"form-problems\" role=\"alert\" id=\"form-problems\" tabindex=\"-1\">([\\s\\S]*?)</div>").matcher(html);
        assertThat(m.find()).as("the summary of the refused form").isTrue();
        return m.group(1).replaceAll("<[^>]+>", "").replaceAll("\\s+", " ").strip();
    }
}

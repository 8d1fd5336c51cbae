package org.triplehelix.talent;

import static org.triplehelix.access.AuthorizationMatrix.Caller.ADMIN;
import static org.triplehelix.access.AuthorizationMatrix.Caller.ANONYMOUS;
import static org.triplehelix.access.AuthorizationMatrix.Caller.ENTERPRISE;
import static org.triplehelix.access.AuthorizationMatrix.Caller.ORG_ADMIN;
import static org.triplehelix.access.AuthorizationMatrix.Caller.ORG_ADMIN_ELSEWHERE;
import static org.triplehelix.access.AuthorizationMatrix.Caller.RESEARCHER;
import static org.triplehelix.access.AuthorizationMatrix.Caller.STUDENT;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.triplehelix.access.AccessFixtures;
import org.triplehelix.access.AuthorizationMatrix;

/**
 * The talent module's write endpoints (and the student's private record) in the authorization
 * matrix. The program's university is the home organization (ORG_ADMIN manages it); the student
 * record belongs to STUDENT's account, with RESEARCHER (linked to the home person) as industrial
 * mentor; ENTERPRISE (home) posts topics and needs for the home organization.
 */
class TalentAuthorizationMatrixIntegrationTests extends AuthorizationMatrix {

    private static final List<String> INDUSTRIES = List.of("ind-auto", "ind-steel", "ind-petrochem", "ind-textile", "ind-food",
            "ind-building", "ind-optoelectronics", "ind-nev", "ind-biomed", "ind-equipment", "ind-materials", "ind-green",
            "ind-aerospace", "ind-digital", "ind-ai", "ind-quantum", "ind-6g", "ind-brain", "ind-hydrogen", "ind-deep", "ind-synbio",
            "ind-computing");

    private final AtomicInteger pairs = new AtomicInteger();
    private TalentFixtures fx;
    private String program;
    private String student;
    private long academic;

    private String program(World w) {
        if (program == null) {
            fx = TalentFixtures.of(context);
            academic = fx.person("Matrix Academic", w.home());
            program = fx.program(w.home(), w.elsewhere(), "0812", "ind-ai", 2024);
            student = fx.student(program, w.elsewhere(), academic, w.personAtHome(), w.account(STUDENT), 2027, "enrolled");
        }
        return program;
    }

    private String student(World w) {
        program(w);
        return student;
    }

    /** A fresh student of STUDENT's account (one topic per student). */
    private String freshStudent(World w) {
        program(w);
        return fx.student(program, w.elsewhere(), academic, w.personAtHome(), w.account(STUDENT), 2027, "enrolled");
    }

    /** Pending hours on a fresh student record of STUDENT's account: a day holds 24 hours, and every decision endpoint takes some. */
    private long pendingHours(World w) {
        return fx.pendingHours(freshStudent(w), w.account(STUDENT));
    }

    private String openTopic(World w) {
        program(w);
        return fx.topic(w.home(), AccessFixtures.unique("Matrix topic"));
    }

    /** A topic STUDENT has chosen (on a fresh student record), awaiting the mentors. */
    private String chosenTopic(World w) {
        String topic = openTopic(w);
        String fresh = freshStudent(w);
        fx.as(w.account(STUDENT), () -> context.getBean(Topics.class).choose(fresh, topic));
        return topic;
    }

    private String freshProgram(World w) {
        program(w);
        return fx.program(w.home(), w.elsewhere(), "0812", "ind-ai", 2024);
    }

    private String freshNeed(World w) {
        String id = AccessFixtures.unique("test-need");
        fx.asSystem(() -> context.getBean(TalentWriter.class).saveNeed(Fields.of("id", id, "organization", w.extId(w.home()),
                "industry", "ind-ai", "skill", "matrix", "year", "2030", "headcount", "1"), false));
        return id;
    }

    /** A crosswalk pair to remove (philosophy with a different industry each time). */
    private String freshPair() {
        String industry = INDUSTRIES.get(pairs.getAndIncrement() % INDUSTRIES.size());
        fx.asSystem(() -> context.getBean(Needs.class).setCrosswalk("0101", industry, 1));
        return "0101/" + industry;
    }

    /** The fields of a student's record as its edit sends them (keeping STUDENT's account and the mentors). */
    private String studentBody(World w) {
        return "{\"account\": \"" + w.email(STUDENT) + "\", \"enterprise\": \"" + w.extId(w.elsewhere()) + "\", \"academic_mentor\": \""
                + fx.personExt(academic) + "\", \"industrial_mentor\": \"" + fx.personExt(w.personAtHome())
                + "\", \"background\": \"matrix edit\", \"graduation_year\": 2028, \"status\": \"enrolled\"}";
    }

    private String programBody(World w, String id) {
        return "{\"id\": \"" + id + "\", \"name\": {\"zh\": \"矩阵项目\", \"en\": \"Matrix program\"}, \"university\": \"" + w.extId(w.home())
                + "\", \"enterprises\": [\"" + w.extId(w.elsewhere()) + "\"], \"discipline\": \"0812\", \"industry\": \"ind-ai\","
                + " \"degree_level\": \"master\", \"cohort_year\": 2025, \"capacity\": 5}";
    }

    @Override
    protected List<Endpoint> endpoints() {
        return List.of(
                // programs and students: administrators and the university's ORG_ADMIN
                Endpoint.api("POST", "/api/v1/talent/programs", w -> "/api/v1/talent/programs",
                                w -> programBody(w, AccessFixtures.unique("test-program")))
                        .expect(ANONYMOUS, 401).expect(ADMIN, 201).expect(ORG_ADMIN, 201).otherwise(403),
                Endpoint.api("PUT", "/api/v1/talent/programs/{program}", w -> "/api/v1/talent/programs/" + program(w),
                                w -> programBody(w, program(w)))
                        .expect(ANONYMOUS, 401).expect(ADMIN, 200).expect(ORG_ADMIN, 200).otherwise(403),
                Endpoint.api("DELETE", "/api/v1/talent/programs/{fresh}", w -> "/api/v1/talent/programs/" + freshProgram(w))
                        .expect(ANONYMOUS, 401).expect(ADMIN, 204).expect(ORG_ADMIN, 204).otherwise(403),
                Endpoint.api("POST", "/api/v1/talent/students", w -> "/api/v1/talent/students",
                                w -> "{\"id\": \"" + AccessFixtures.unique("test-student") + "\", \"program\": \"" + program(w)
                                        + "\", \"name\": \"Matrix Student\", \"enterprise\": \"" + w.extId(w.elsewhere())
                                        + "\", \"academic_mentor\": \"" + fx.personExt(academic) + "\", \"industrial_mentor\": \""
                                        + fx.personExt(w.personAtHome()) + "\", \"graduation_year\": 2027}")
                        .expect(ANONYMOUS, 401).expect(ADMIN, 201).expect(ORG_ADMIN, 201).otherwise(403),
                // the student's record: the student, the mentor, the managers; nobody else knows it exists
                Endpoint.api("GET", "/api/v1/talent/students/{student}", w -> "/api/v1/talent/students/" + student(w))
                        .expect(ADMIN, 200).expect(ORG_ADMIN, 200).expect(RESEARCHER, 200).expect(STUDENT, 200).otherwise(404),
                // changing it: whoever enrols (the university's managers); the student and the mentor see it but may not
                Endpoint.api("PUT", "/api/v1/talent/students/{fresh}", w -> "/api/v1/talent/students/" + freshStudent(w), this::studentBody)
                        .expect(ANONYMOUS, 401).expect(ADMIN, 200).expect(ORG_ADMIN, 200).expect(RESEARCHER, 403).expect(STUDENT, 403)
                        .otherwise(404),
                // practice hours: only the student logs; only the industrial mentor decides
                Endpoint.api("POST", "/api/v1/talent/students/{student}/hours", w -> "/api/v1/talent/students/" + student(w) + "/hours",
                                w -> "{\"date\": \"" + java.time.LocalDate.now() + "\", \"hours\": 2, \"description\": \"matrix\"}")
                        .expect(ANONYMOUS, 401).expect(STUDENT, 201).expect(ADMIN, 403).expect(ORG_ADMIN, 403).expect(RESEARCHER, 403)
                        .otherwise(404),
                Endpoint.api("POST", "/api/v1/talent/hours/{pending}/approve", w -> "/api/v1/talent/hours/" + pendingHours(w) + "/approve")
                        .expect(ANONYMOUS, 401).expect(RESEARCHER, 200).expect(STUDENT, 403).expect(ADMIN, 403).expect(ORG_ADMIN, 403)
                        .otherwise(404),
                Endpoint.api("POST", "/api/v1/talent/hours/{pending}/reject", w -> "/api/v1/talent/hours/" + pendingHours(w) + "/reject")
                        .expect(ANONYMOUS, 401).expect(RESEARCHER, 200).expect(STUDENT, 403).expect(ADMIN, 403).expect(ORG_ADMIN, 403)
                        .otherwise(404),
                // milestones and outcomes: the mentors and the managers
                Endpoint.api("PUT", "/api/v1/talent/students/{student}/milestones/proposal",
                                w -> "/api/v1/talent/students/" + student(w) + "/milestones/proposal", w -> "{\"due\": \"2026-03-01\"}")
                        .expect(ANONYMOUS, 401).expect(ADMIN, 200).expect(ORG_ADMIN, 200).expect(RESEARCHER, 200).expect(STUDENT, 403)
                        .otherwise(404),
                Endpoint.api("POST", "/api/v1/talent/students/{student}/outcomes", w -> "/api/v1/talent/students/" + student(w) + "/outcomes",
                                w -> "{\"type\": \"paper\", \"titleEn\": \"Matrix paper\", \"year\": 2026}")
                        .expect(ANONYMOUS, 401).expect(ADMIN, 201).expect(ORG_ADMIN, 201).expect(RESEARCHER, 201).expect(STUDENT, 403)
                        .otherwise(404),
                // topics: the enterprise's users post and close; the student chooses; the mentors confirm
                Endpoint.api("POST", "/api/v1/talent/topics", w -> "/api/v1/talent/topics",
                                w -> "{\"titleEn\": \"Matrix topic\", \"organization\": \"" + w.extId(w.home()) + "\"}")
                        .expect(ANONYMOUS, 401).expect(ADMIN, 201).expect(ORG_ADMIN, 201).expect(ENTERPRISE, 201).otherwise(403),
                Endpoint.api("POST", "/api/v1/talent/topics/{open}/close", w -> "/api/v1/talent/topics/" + openTopic(w) + "/close")
                        .expect(ANONYMOUS, 401).expect(ADMIN, 200).expect(ORG_ADMIN, 200).expect(ENTERPRISE, 200).otherwise(403),
                Endpoint.api("POST", "/api/v1/talent/students/{fresh}/topic", w -> "/api/v1/talent/students/" + freshStudent(w) + "/topic",
                                w -> "{\"topic\": \"" + openTopic(w) + "\"}")
                        .expect(ANONYMOUS, 401).expect(STUDENT, 200).expect(ADMIN, 403).expect(ORG_ADMIN, 403).expect(RESEARCHER, 403)
                        .otherwise(404),
                Endpoint.api("POST", "/api/v1/talent/topics/{chosen}/confirm", w -> "/api/v1/talent/topics/" + chosenTopic(w) + "/confirm")
                        .expect(ANONYMOUS, 401).expect(RESEARCHER, 200).otherwise(403),
                // needs: the enterprise's users; university figures: the university's managers
                Endpoint.api("POST", "/api/v1/talent/needs", w -> "/api/v1/talent/needs",
                                w -> "{\"organization\": \"" + w.extId(w.home()) + "\", \"industry\": \"ind-ai\", \"skill\": \"matrix\","
                                        + " \"year\": 2030, \"headcount\": 1}")
                        .expect(ANONYMOUS, 401).expect(ADMIN, 201).expect(ORG_ADMIN, 201).expect(ENTERPRISE, 201).otherwise(403),
                Endpoint.api("PUT", "/api/v1/talent/needs/{fresh}", w -> "/api/v1/talent/needs/" + freshNeed(w),
                                w -> "{\"industry\": \"ind-ai\", \"skill\": \"edited\", \"year\": 2031, \"headcount\": 2}")
                        .expect(ANONYMOUS, 401).expect(ADMIN, 200).expect(ORG_ADMIN, 200).expect(ENTERPRISE, 200).otherwise(403),
                Endpoint.api("DELETE", "/api/v1/talent/needs/{fresh}", w -> "/api/v1/talent/needs/" + freshNeed(w))
                        .expect(ANONYMOUS, 401).expect(ADMIN, 204).expect(ORG_ADMIN, 204).expect(ENTERPRISE, 204).otherwise(403),
                Endpoint.api("POST", "/api/v1/talent/supply", w -> "/api/v1/talent/supply",
                                w -> "{\"id\": \"" + AccessFixtures.unique("test-supply") + "\", \"university\": \"" + w.extId(w.home())
                                        + "\", \"discipline\": \"0101\", \"year\": 2030, \"graduates\": 1}")
                        .expect(ANONYMOUS, 401).expect(ADMIN, 201).expect(ORG_ADMIN, 201).otherwise(403),
                // the crosswalk: administrators
                Endpoint.api("PUT", "/api/v1/talent/crosswalk", w -> "/api/v1/talent/crosswalk",
                                w -> "{\"discipline\": \"0812\", \"industry\": \"ind-ai\", \"share\": 1}")
                        .expect(ANONYMOUS, 401).expect(ADMIN, 200).otherwise(403),
                Endpoint.api("DELETE", "/api/v1/talent/crosswalk/{pair}", w -> "/api/v1/talent/crosswalk/" + freshPair())
                        .expect(ANONYMOUS, 401).expect(ADMIN, 204).otherwise(403),
                // public reads
                Endpoint.api("GET", "/api/v1/talent/gap?by=prefecture").otherwise(200),
                Endpoint.api("GET", "/api/v1/talent/programs").otherwise(200),
                // pages
                Endpoint.page("GET", "/talent/students/{student}", w -> "/talent/students/" + student(w))
                        .expect(ADMIN, 200).expect(ORG_ADMIN, 200).expect(RESEARCHER, 200).expect(STUDENT, 200).otherwise(404),
                Endpoint.page("GET", "/talent/students/{student}/edit", w -> "/talent/students/" + student(w) + "/edit")
                        .expect(ADMIN, 200).expect(ORG_ADMIN, 200).expect(RESEARCHER, 403).expect(STUDENT, 403).otherwise(404),
                Endpoint.page("POST", "/talent/students/{fresh}", w -> "/talent/students/" + freshStudent(w),
                                w -> "account=" + w.email(STUDENT) + "&enterprise=" + w.extId(w.elsewhere()) + "&academic_mentor=" + fx.personExt(academic)
                                        + "&industrial_mentor=" + fx.personExt(w.personAtHome()) + "&graduation_year=2028&status=graduated")
                        .expect(ANONYMOUS, 401).expect(ADMIN, 302).expect(ORG_ADMIN, 302).expect(RESEARCHER, 403).expect(STUDENT, 403)
                        .otherwise(404),
                Endpoint.page("POST", "/talent/students/{student}/hours", w -> "/talent/students/" + student(w) + "/hours",
                                w -> "date=" + java.time.LocalDate.now() + "&hours=1.5&description=page")
                        .expect(ANONYMOUS, 401).expect(STUDENT, 302).expect(ADMIN, 403).expect(ORG_ADMIN, 403).expect(RESEARCHER, 403)
                        .otherwise(404),
                Endpoint.page("POST", "/talent/hours/{pending}/approve", w -> "/talent/hours/" + pendingHours(w) + "/approve", w -> "x=1")
                        .expect(ANONYMOUS, 401).expect(RESEARCHER, 302).expect(STUDENT, 403).expect(ADMIN, 403).expect(ORG_ADMIN, 403)
                        .otherwise(404),
                Endpoint.page("GET", "/talent/hours/{pending}/reject", w -> "/talent/hours/" + pendingHours(w) + "/reject")
                        .expect(ANONYMOUS, 401).expect(RESEARCHER, 200).expect(STUDENT, 403).expect(ADMIN, 403).expect(ORG_ADMIN, 403)
                        .otherwise(404),
                Endpoint.page("POST", "/talent/hours/{pending}/reject", w -> "/talent/hours/" + pendingHours(w) + "/reject",
                                w -> "reason=matrix")
                        .expect(ANONYMOUS, 401).expect(RESEARCHER, 302).expect(STUDENT, 403).expect(ADMIN, 403).expect(ORG_ADMIN, 403)
                        .otherwise(404),
                Endpoint.page("POST", "/talent/programs", w -> "/talent/programs",
                                w -> "name_en=Page+program&university=" + w.extId(w.home()) + "&enterprises=" + w.extId(w.elsewhere())
                                        + "&discipline=0812&industry=ind-ai&degree_level=master&cohort_year=2025&capacity=3")
                        .expect(ANONYMOUS, 401).expect(ADMIN, 302).expect(ORG_ADMIN, 302).otherwise(403),
                Endpoint.page("POST", "/talent/programs/{program}", w -> "/talent/programs/" + program(w),
                                w -> "name_en=Edited+program&university=" + w.extId(w.home()) + "&enterprises=" + w.extId(w.elsewhere())
                                        + "&discipline=0812&industry=ind-ai&degree_level=master&cohort_year=2024&capacity=10&required_hours=100")
                        .expect(ANONYMOUS, 401).expect(ADMIN, 302).expect(ORG_ADMIN, 302).otherwise(403),
                Endpoint.page("GET", "/talent/programs/{program}/edit", w -> "/talent/programs/" + program(w) + "/edit")
                        .expect(ANONYMOUS, 401).expect(ADMIN, 200).expect(ORG_ADMIN, 200).otherwise(403),
                Endpoint.page("POST", "/talent/programs/{fresh}/delete", w -> "/talent/programs/" + freshProgram(w) + "/delete", w -> "x=1")
                        .expect(ANONYMOUS, 401).expect(ADMIN, 302).expect(ORG_ADMIN, 302).otherwise(403),
                // an administrator belongs to no organization, and these forms name none: refused as bad input, the form kept
                Endpoint.page("POST", "/talent/topics", w -> "/talent/topics", w -> "title_en=Page+topic")
                        .expect(ANONYMOUS, 401).expect(ADMIN, 400).expect(ORG_ADMIN, 302).expect(ENTERPRISE, 302)
                        .expect(ORG_ADMIN_ELSEWHERE, 302).otherwise(403),
                Endpoint.page("POST", "/talent/needs", w -> "/talent/needs", w -> "industry=ind-ai&skill=page&year=2030&headcount=1")
                        .expect(ANONYMOUS, 401).expect(ADMIN, 400).expect(ORG_ADMIN, 302).expect(ENTERPRISE, 302)
                        .expect(ORG_ADMIN_ELSEWHERE, 302).otherwise(403),
                Endpoint.page("GET", "/talent/needs/{fresh}/edit", w -> "/talent/needs/" + freshNeed(w) + "/edit")
                        .expect(ANONYMOUS, 401).expect(ADMIN, 200).expect(ORG_ADMIN, 200).expect(ENTERPRISE, 200).otherwise(403),
                Endpoint.page("GET", "/talent/needs/{fresh}/delete", w -> "/talent/needs/" + freshNeed(w) + "/delete")
                        .expect(ANONYMOUS, 401).expect(ADMIN, 200).expect(ORG_ADMIN, 200).expect(ENTERPRISE, 200).otherwise(403),
                Endpoint.page("POST", "/talent/needs/{fresh}", w -> "/talent/needs/" + freshNeed(w), w -> "industry=ind-ai&skill=edited&year=2031&headcount=2")
                        .expect(ANONYMOUS, 401).expect(ADMIN, 302).expect(ORG_ADMIN, 302).expect(ENTERPRISE, 302).otherwise(403),
                Endpoint.page("POST", "/talent/crosswalk", w -> "/talent/crosswalk", w -> "discipline=0812&industry=ind-ai&share=1")
                        .expect(ANONYMOUS, 401).expect(ADMIN, 302).otherwise(403),
                Endpoint.page("GET", "/talent/programs/new").expect(ANONYMOUS, 401).expect(ADMIN, 200).expect(ORG_ADMIN, 200)
                        .expect(ORG_ADMIN_ELSEWHERE, 200).otherwise(403),
                Endpoint.page("GET", "/talent/gap").otherwise(200));
    }
}

package org.triplehelix.talent;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.triplehelix.access.Account;
import org.triplehelix.access.CurrentUser;
import org.triplehelix.access.DataScope;
import org.triplehelix.access.Role;
import org.triplehelix.access.UserAccounts;
import org.triplehelix.registry.PersonRecord;
import org.triplehelix.registry.RegistryWriter;
import org.triplehelix.shared.AuditableChange;
import org.triplehelix.shared.InvalidInputException;
import org.triplehelix.shared.RecordIds;
import org.triplehelix.shared.Text;

/**
 * Creates or replaces (by external id) the talent records of the templates — programs, students,
 * needs and university figures — from their {@link Fields}; the same path for the API, the pages,
 * the CSV/XLSX import and the JSON Lines kinds. Each write checks the caller's scope and is audited.
 *
 * <p>Who may write: a program, its students and a university's figures — an administrator or the
 * university's ORG_ADMIN; a need — an administrator, the enterprise's ENTERPRISE users or its ORG_ADMIN.
 */
@Service
public class TalentWriter {

    public static final List<String> PROGRAM_COLUMNS = List.of("id", "name_zh", "name_en", "university", "enterprises",
            "discipline", "industry", "degree_level", "cohort_year", "capacity", "required_hours");
    public static final List<String> STUDENT_COLUMNS = List.of("id", "program", "name_zh", "name_en", "person", "account",
            "enterprise", "academic_mentor", "industrial_mentor", "background", "graduation_year", "status");
    public static final List<String> NEED_COLUMNS = List.of("id", "organization", "industry", "discipline", "skill",
            "degree_level", "year", "headcount");
    public static final List<String> SUPPLY_COLUMNS = List.of("id", "university", "discipline", "degree_level", "year", "graduates");

    /** The template columns of each kind. */
    public static final Map<String, List<String>> COLUMNS = Map.of("talent_program", PROGRAM_COLUMNS,
            "talent_student", STUDENT_COLUMNS, "talent_need", NEED_COLUMNS, "talent_supply", SUPPLY_COLUMNS);

    private final JdbcClient jdbc;
    private final Lookup lookup;
    private final DataScope scope;
    private final UserAccounts accounts;
    private final RegistryWriter registry;
    private final ApplicationEventPublisher events;

    TalentWriter(JdbcClient jdbc, Lookup lookup, DataScope scope, UserAccounts accounts, RegistryWriter registry,
                 ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.lookup = lookup;
        this.scope = scope;
        this.accounts = accounts;
        this.registry = registry;
        this.events = events;
    }

    /** Writes a record of a template kind; its external id. */
    @Transactional
    public String save(String kind, Fields fields, boolean illustrative) {
        fields.requireFitting();
        return switch (kind) {
            case "talent_program" -> saveProgram(fields, illustrative);
            case "talent_student" -> saveStudent(fields, illustrative);
            case "talent_need" -> saveNeed(fields, illustrative);
            case "talent_supply" -> saveSupply(fields, illustrative);
            default -> throw new TalentInputException("kind", "talent.reason.unknownKind", "unknown kind " + kind + "; one of " + String.join(", ", COLUMNS.keySet()), kind);
        };
    }

    // --- programs ---------------------------------------------------------------------------

    @Transactional
    public String saveProgram(Fields f, boolean illustrative) {
        f.requireFitting();
        String extId = newOrStoredId("talent_program", f);
        String nameZh = f.get("name_zh");
        String nameEn = f.get("name_en");
        if (nameZh == null && nameEn == null) {
            throw new TalentInputException("name_zh", "talent.reason.nameRequired", "name_zh or name_en is required");
        }
        long university = lookup.organization("university", f.required("university"));
        List<Long> enterprises = f.list("enterprises").stream().map(e -> lookup.organization("enterprises", e)).toList();
        if (enterprises.isEmpty()) {
            throw new TalentInputException("enterprises", "talent.reason.enterpriseRequired", "at least one enterprise is required");
        }
        String discipline = lookup.discipline("discipline", f.required("discipline"));
        String industry = lookup.industry("industry", f.required("industry"));
        String degree = f.oneOf("degree_level", null, "master", "doctorate");
        if (degree == null) {
            throw new TalentInputException("degree_level", "talent.reason.degreeRequired", "degree_level is required (master or doctorate)");
        }
        int cohort = f.requiredInteger("cohort_year", 1990, 2100);
        int capacity = f.requiredInteger("capacity", 1, 10000);
        Integer hours = f.integer("required_hours", 0, 10000);
        Optional<Map<String, Object>> before = snapshot("talent_program", extId);
        before.ifPresent(b -> scope.requireCanEditOrganization(((Number) b.get("university_id")).longValue()));
        scope.requireCanEditOrganization(university);
        long id = jdbc.sql("""
                        insert into talent_program (ext_id, name_zh, name_en, university_id, discipline_code, industry_code,
                            degree_level, cohort_year, capacity, required_hours, illustrative)
                        values (:e, :zh, :en, :u, :d, :i, :deg, :c, :cap, :h, :ill)
                        on conflict (ext_id) do update set name_zh = excluded.name_zh, name_en = excluded.name_en,
                            university_id = excluded.university_id, discipline_code = excluded.discipline_code,
                            industry_code = excluded.industry_code, degree_level = excluded.degree_level,
                            cohort_year = excluded.cohort_year, capacity = excluded.capacity,
                            required_hours = excluded.required_hours, version = talent_program.version + 1
                        returning id
                        """)
                .param("e", extId).param("zh", nameZh).param("en", nameEn).param("u", university).param("d", discipline)
                .param("i", industry).param("deg", degree).param("c", cohort).param("cap", capacity)
                .param("h", hours == null ? 1000 : hours).param("ill", illustrative)
                .query(Long.class).single();
        jdbc.sql("delete from talent_program_enterprise where program_id = :p").param("p", id).update();
        for (int i = 0; i < enterprises.size(); i++) {
            jdbc.sql("insert into talent_program_enterprise (program_id, organization_id, position) values (:p, :o, :n) on conflict do nothing")
                    .param("p", id).param("o", enterprises.get(i)).param("n", i).update();
        }
        audit("talent_program", extId, before, f);
        return extId;
    }

    @Transactional
    public void deleteProgram(String extId) {
        Map<String, Object> before = snapshot("talent_program", extId)
                .orElseThrow(() -> new org.triplehelix.shared.NotFoundException("program", extId));
        scope.requireCanEditOrganization(((Number) before.get("university_id")).longValue());
        jdbc.sql("delete from talent_program where ext_id = :e").param("e", extId).update();
        events.publishEvent(AuditableChange.deleted("talent_program", extId, before));
    }

    // --- students ---------------------------------------------------------------------------

    @Transactional
    public String saveStudent(Fields f, boolean illustrative) {
        f.requireFitting();
        String extId = newOrStoredId("talent_student", f);
        long program = lookup.program("program", f.required("program"));
        long university = lookup.universityOfProgram(program).orElseThrow();
        Optional<Map<String, Object>> before = snapshot("talent_student", extId);
        before.ifPresent(b -> scope.requireCanEditOrganization(lookup.universityOfProgram(((Number) b.get("program_id")).longValue()).orElseThrow()));
        scope.requireCanEditOrganization(university);
        long enterprise = lookup.organization("enterprise", f.required("enterprise"));
        long academic = lookup.person("academic_mentor", f.required("academic_mentor"));
        long industrial = lookup.person("industrial_mentor", f.required("industrial_mentor"));
        if (academic == industrial) {
            throw new TalentInputException("industrial_mentor", "talent.reason.sameMentor",
                    "the industrial mentor must be another person than the academic mentor");
        }
        int graduation = f.requiredInteger("graduation_year", 1990, 2100);
        String status = f.oneOf("status", "enrolled", "enrolled", "graduated", "withdrawn");
        Long user = f.get("account") == null ? null : studentAccount(f.get("account"));
        long person = studentPerson(f, extId, university);
        jdbc.sql("""
                        insert into talent_student (ext_id, program_id, person_id, user_id, enterprise_id, academic_mentor_id,
                            industrial_mentor_id, background, graduation_year, status, illustrative)
                        values (:e, :p, :person, :u, :ent, :a, :i, :bg, :g, :s, :ill)
                        on conflict (ext_id) do update set program_id = excluded.program_id, person_id = excluded.person_id,
                            user_id = excluded.user_id, enterprise_id = excluded.enterprise_id,
                            academic_mentor_id = excluded.academic_mentor_id, industrial_mentor_id = excluded.industrial_mentor_id,
                            background = excluded.background, graduation_year = excluded.graduation_year, status = excluded.status
                        """)
                .param("e", extId).param("p", program).param("person", person).param("u", user).param("ent", enterprise)
                .param("a", academic).param("i", industrial).param("bg", f.get("background")).param("g", graduation)
                .param("s", status).param("ill", illustrative).update();
        audit("talent_student", extId, before, f);
        return extId;
    }

    /**
     * The STUDENT account named by its email: an administrator may name any account, an ORG_ADMIN
     * those of the organizations they manage (another is as unknown to them as a missing one).
     * Looked up as the system because the access module shows accounts by email to administrators only.
     */
    private long studentAccount(String email) {
        Optional<Account> found;
        try {
            found = scope.asSystem(() -> accounts.findByEmail(email));
        } catch (InvalidInputException e) {
            // the access module's refusal of the address (an AccountInputException carries its key), shown at the account
            throw new InvalidInputException("account", e.getMessage(), e.key(), e.args());
        }
        Account account = found
                .filter(a -> scope.isAdmin() || a.organizationId() != null && scope.canEditOrganization(a.organizationId()))
                .orElseThrow(() -> new TalentInputException("account", "talent.reason.noAccount", "no account " + email + " among those you manage", email));
        if (!account.hasRole(Role.STUDENT)) {
            throw new TalentInputException("account", "talent.reason.notStudent", "the account " + email + " does not hold the STUDENT role", email);
        }
        return account.id();
    }

    /** The student's registry person: the one named, or one made from the name (through the registry's write API). */
    private long studentPerson(Fields f, String extId, long university) {
        if (f.get("person") != null) {
            return lookup.person("person", f.get("person"));
        }
        String personExtId = "talent-student-" + extId;
        Optional<Long> existing = lookup.personIfAny(personExtId);
        if (existing.isPresent()) {
            return existing.get();
        }
        if (f.get("name_zh") == null && f.get("name_en") == null) {
            throw new TalentInputException("person", "talent.reason.personRequired", "person (an existing person's id) or name_zh/name_en is required");
        }
        String universityExtId = jdbc.sql("select ext_id from organization where id = :id").param("id", university).query(String.class).single();
        scope.asSystem(() -> registry.create(new PersonRecord(personExtId, new Text(f.get("name_zh"), f.get("name_en")),
                universityExtId, "研究生 / graduate student", null, List.of(), f.list("background"), null)));
        return lookup.person("person", personExtId);
    }

    // --- needs and university figures ----------------------------------------------------------

    @Transactional
    public String saveNeed(Fields f, boolean illustrative) {
        f.requireFitting();
        String extId = newOrStoredId("talent_need", f);
        String orgExtId = f.get("organization");
        if (orgExtId == null) {
            orgExtId = scope.currentUser().map(CurrentUser::organizationId)
                    .map(id -> jdbc.sql("select ext_id from organization where id = :id").param("id", id).query(String.class).single())
                    .orElseThrow(() -> TalentInputException.required("organization"));
        }
        long organization = lookup.organization("organization", orgExtId);
        Optional<Map<String, Object>> before = snapshot("talent_need", extId);
        before.ifPresent(b -> requireCanDeclareNeeds(((Number) b.get("organization_id")).longValue()));
        requireCanDeclareNeeds(organization);
        String industry = lookup.industry("industry", f.required("industry"));
        String discipline = f.get("discipline") == null ? null : lookup.discipline("discipline", f.get("discipline"));
        if (discipline == null && f.get("skill") == null) {
            throw new TalentInputException("discipline", "talent.reason.disciplineOrSkill", "discipline or skill is required");
        }
        String degree = f.oneOf("degree_level", null, "master", "doctorate");
        int year = f.requiredInteger("year", TalentGap.FIRST_YEAR, TalentGap.LAST_YEAR);
        int headcount = f.requiredInteger("headcount", 1, 100000);
        Long createdBy = scope.currentUser().map(CurrentUser::id).orElse(null);
        jdbc.sql("""
                        insert into talent_need (ext_id, organization_id, industry_code, discipline_code, skill, degree_level,
                            year, headcount, created_by, illustrative)
                        values (:e, :o, :i, :d, :s, :deg, :y, :h, :by, :ill)
                        on conflict (ext_id) do update set organization_id = excluded.organization_id,
                            industry_code = excluded.industry_code, discipline_code = excluded.discipline_code,
                            skill = excluded.skill, degree_level = excluded.degree_level, year = excluded.year,
                            headcount = excluded.headcount
                        """)
                .param("e", extId).param("o", organization).param("i", industry).param("d", discipline)
                .param("s", f.get("skill")).param("deg", degree).param("y", year).param("h", headcount)
                .param("by", createdBy).param("ill", illustrative).update();
        audit("talent_need", extId, before, f);
        return extId;
    }

    @Transactional
    public void deleteNeed(String extId) {
        Map<String, Object> before = snapshot("talent_need", extId)
                .orElseThrow(() -> new org.triplehelix.shared.NotFoundException("need", extId));
        requireCanDeclareNeeds(((Number) before.get("organization_id")).longValue());
        jdbc.sql("delete from talent_need where ext_id = :e").param("e", extId).update();
        events.publishEvent(AuditableChange.deleted("talent_need", extId, before));
    }

    @Transactional
    public String saveSupply(Fields f, boolean illustrative) {
        f.requireFitting();
        String extId = newOrStoredId("talent_supply", f);
        long university = lookup.organization("university", f.required("university"));
        Optional<Map<String, Object>> before = snapshot("talent_supply", extId);
        before.ifPresent(b -> scope.requireCanEditOrganization(((Number) b.get("university_id")).longValue()));
        scope.requireCanEditOrganization(university);
        String discipline = lookup.discipline("discipline", f.required("discipline"));
        String degree = f.oneOf("degree_level", "master", "master", "doctorate");
        int year = f.requiredInteger("year", TalentGap.FIRST_YEAR, TalentGap.LAST_YEAR);
        int graduates = f.requiredInteger("graduates", 0, 100000);
        jdbc.sql("""
                        insert into talent_supply (ext_id, university_id, discipline_code, degree_level, year, graduates, illustrative)
                        values (:e, :u, :d, :deg, :y, :g, :ill)
                        on conflict (ext_id) do update set university_id = excluded.university_id,
                            discipline_code = excluded.discipline_code, degree_level = excluded.degree_level,
                            year = excluded.year, graduates = excluded.graduates
                        """)
                .param("e", extId).param("u", university).param("d", discipline).param("deg", degree).param("y", year)
                .param("g", graduates).param("ill", illustrative).update();
        audit("talent_supply", extId, before, f);
        return extId;
    }

    /** An administrator, the organization's ORG_ADMIN, or one of its ENTERPRISE users. */
    boolean canDeclareNeeds(long organizationId) {
        if (scope.canEditOrganization(organizationId)) {
            return true;
        }
        return scope.currentUser().filter(u -> u.hasRole(Role.ENTERPRISE) && u.organizationId() != null
                && u.organizationId() == organizationId).isPresent();
    }

    void requireCanDeclareNeeds(long organizationId) {
        if (!canDeclareNeeds(organizationId)) {
            throw new AccessDeniedException("only the organization's own users may declare its needs and topics");
        }
    }

    // --- helpers ----------------------------------------------------------------------------

    /**
     * The record's id: a new one holding whitespace is refused ({@link RecordIds}: ids are written in space-separated
     * files, and the forms split lists of ids at whitespace); one stored before that rule is taken, so that its record
     * stays editable. The imports refuse such an id even when it is stored ({@link TalentImport}).
     */
    private String newOrStoredId(String kind, Fields f) {
        String extId = f.required("id");
        if (RecordIds.holdsSpace(extId) && snapshot(kind, extId).isEmpty()) {
            RecordIds.requireNoSpace("id", extId);
        }
        return extId;
    }

    /**
     * What is stored under a record's id, for telling an import whether writing it changed anything:
     * the row without its version (a program's moves on every save), and a program's enterprises in order.
     */
    Optional<Map<String, Object>> content(String kind, String extId) {
        if (!COLUMNS.containsKey(kind)) { // the table is named after the kind: only the four
            throw new IllegalArgumentException("not a talent kind: " + kind);
        }
        return snapshot(kind, extId).map(row -> {
            row.remove("version");
            if (kind.equals("talent_program")) {
                row.put("enterprises", jdbc.sql("select organization_id from talent_program_enterprise where program_id = :p order by position")
                        .param("p", row.get("id")).query(Long.class).list());
            }
            return row;
        });
    }

    private Optional<Map<String, Object>> snapshot(String table, String extId) {
        return jdbc.sql("select * from " + table + " where ext_id = :e").param("e", extId)
                .query((rs, n) -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        Object value = rs.getObject(i);
                        row.put(rs.getMetaData().getColumnName(i), value instanceof java.sql.Timestamp || value instanceof java.time.OffsetDateTime
                                ? value.toString() : value);
                    }
                    return row;
                }).optional();
    }

    private void audit(String kind, String extId, Optional<Map<String, Object>> before, Fields after) {
        events.publishEvent(before.isPresent()
                ? AuditableChange.updated(kind, extId, before.get(), after.values())
                : AuditableChange.created(kind, extId, after.values()));
    }
}

package org.triplehelix.talent;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.function.Supplier;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.triplehelix.access.AccessFixtures;
import org.triplehelix.access.Account;
import org.triplehelix.access.DataScope;
import org.triplehelix.access.Role;

/**
 * Talent records for tests: a university and an enterprise (with a type and a region), a program
 * between them, mentors with accounts, students; calls made as a given account. Every id is
 * unique, so tests run again and again on the shared database.
 */
public final class TalentFixtures {

    private final JdbcClient jdbc;
    private final DataScope scope;
    private final UserDetailsService users;
    private final AccessFixtures access;
    private final TalentWriter writer;
    private final Practice practice;
    private final Topics topics;

    private TalentFixtures(ApplicationContext context) {
        this.jdbc = context.getBean(JdbcClient.class);
        this.scope = context.getBean(DataScope.class);
        this.users = context.getBean(UserDetailsService.class);
        this.access = AccessFixtures.of(context);
        this.writer = context.getBean(TalentWriter.class);
        this.practice = context.getBean(Practice.class);
        this.topics = context.getBean(Topics.class);
    }

    public static TalentFixtures of(ApplicationContext context) {
        return new TalentFixtures(context);
    }

    public AccessFixtures access() {
        return access;
    }

    public JdbcClient jdbc() {
        return jdbc;
    }

    /** An organization of a type in a region (a GB/T 2260 code); its id. */
    public long organization(String name, String type, String regionCode) {
        long id = access.organization(name, null);
        jdbc.sql("update organization set type = :t, region_code = :r where id = :id").param("t", type).param("r", regionCode).param("id", id).update();
        return id;
    }

    public String ext(long organizationId) {
        return access.organizationExtId(organizationId);
    }

    public long person(String name, long organizationId) {
        return access.person(name, organizationId);
    }

    public String personExt(long personId) {
        return access.personExtId(personId);
    }

    /** A program of the university with the enterprise; its external id. */
    public String program(long university, long enterprise, String discipline, String industry, int cohort) {
        String id = AccessFixtures.unique("test-program");
        scope.asSystem(() -> writer.saveProgram(Fields.of("id", id, "name_en", "Program " + id, "university", ext(university),
                "enterprises", ext(enterprise), "discipline", discipline, "industry", industry, "degree_level", "master",
                "cohort_year", String.valueOf(cohort), "capacity", "10", "required_hours", "100"), false));
        return id;
    }

    /** A student of the program (account may be null); their external id. */
    public String student(String program, long enterprise, long academic, long industrial, Account account, int graduation, String status) {
        String id = AccessFixtures.unique("test-student");
        scope.asSystem(() -> writer.saveStudent(Fields.of("id", id, "program", program, "name_en", "Student " + id,
                "enterprise", ext(enterprise), "academic_mentor", personExt(academic), "industrial_mentor", personExt(industrial),
                "account", account == null ? null : account.email(), "background", "fibre lasers 光纤激光器 激光加工",
                "graduation_year", String.valueOf(graduation), "status", status), false));
        return id;
    }

    public Account user(long organization, Long person, Role role) {
        return access.user(organization, person, role);
    }

    /** Pending hours logged by the student's account; the entry's id. */
    public long pendingHours(String student, Account studentAccount) {
        // a day holds at most 24 hours: a student's first entry is 3.5 h of yesterday, the later ones (a matrix test asks
        // for many) a tenth of an hour each, so that some 200 fit into the same day
        BigDecimal hours = hoursLogged.merge(student, 1, Integer::sum) == 1 ? new BigDecimal("3.5") : new BigDecimal("0.1");
        return as(studentAccount, () -> practice.log(student, LocalDate.now().minusDays(1), hours, "fixture work")).id();
    }

    private final java.util.Map<String, Integer> hoursLogged = new java.util.concurrent.ConcurrentHashMap<>();

    /** An open topic of the enterprise, posted as the system; its external id. */
    public String topic(long enterprise, String title) {
        return scope.asSystem(() -> topics.post(new Topics.TopicInput(title, null, "fixture topic", null, null, null, ext(enterprise)))).extId();
    }

    public <T> T as(Account account, Supplier<T> work) {
        UserDetails details = users.loadUserByUsername(account.email());
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(details, null, details.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    public void as(Account account, Runnable work) {
        as(account, () -> {
            work.run();
            return null;
        });
    }

    public <T> T asSystem(Supplier<T> work) {
        return scope.asSystem(work);
    }
}

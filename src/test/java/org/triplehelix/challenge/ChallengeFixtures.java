package org.triplehelix.challenge;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
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

/**
 * Challenges for tests: organizations of a given type, people, outputs linking people, drafts,
 * and calls made as a given account. Every name is unique, so tests run again and again on the
 * same database.
 */
final class ChallengeFixtures {

    final JdbcClient jdbc;
    final AccessFixtures access;
    final Challenges challenges;
    final Applications applications;
    final Reviews reviews;
    final Delivery delivery;
    private final DataScope scope;
    private final UserDetailsService users;

    private ChallengeFixtures(ApplicationContext context) {
        this.jdbc = context.getBean(JdbcClient.class);
        this.access = AccessFixtures.of(context);
        this.challenges = context.getBean(Challenges.class);
        this.applications = context.getBean(Applications.class);
        this.reviews = context.getBean(Reviews.class);
        this.delivery = context.getBean(Delivery.class);
        this.scope = context.getBean(DataScope.class);
        this.users = context.getBean(UserDetailsService.class);
    }

    static ChallengeFixtures of(ApplicationContext context) {
        return new ChallengeFixtures(context);
    }

    long organization(String name, String type, Long parent) {
        return jdbc.sql("insert into organization (ext_id, name_en, type, parent_id) values (:e, :n, :t, :p) returning id")
                .param("e", AccessFixtures.unique("test-org")).param("n", AccessFixtures.unique(name)).param("t", type).param("p", parent)
                .query(Long.class).single();
    }

    String nameOfOrganization(long id) {
        return jdbc.sql("select name_en from organization where id = :id").param("id", id).query(String.class).single();
    }

    String extIdOfOrganization(long id) {
        return access.organizationExtId(id);
    }

    long person(String name, Long organization) {
        return access.person(name, organization);
    }

    String extIdOfPerson(long id) {
        return access.personExtId(id);
    }

    /** An output of the given year with these people as its authors. */
    void output(int year, long... people) {
        long id = jdbc.sql("insert into output (ext_id, title_en, year) values (:e, :t, :y) returning id")
                .param("e", AccessFixtures.unique("test-output")).param("t", AccessFixtures.unique("Joint paper")).param("y", year)
                .query(Long.class).single();
        for (int i = 0; i < people.length; i++) {
            jdbc.sql("insert into output_person (output_id, person_id, position) values (:o, :p, :i)")
                    .param("o", id).param("p", people[i]).param("i", i + 1).update();
        }
    }

    static ChallengeDraft draft(String title, String eligibility) {
        return new ChallengeDraft(title, title + " (en)", "攻克高速光芯片的可靠性难题", "Make high-speed optical chips reliable",
                "kct-01", null, new BigDecimal("5000000"), 24, eligibility, "成果归揭榜方所有",
                Instant.now().plus(30, ChronoUnit.DAYS),
                List.of(new Target(null, 1, "单通道速率", "Gb/s", new BigDecimal("200"), true),
                        new Target(null, 2, "功耗", "pJ/bit", new BigDecimal("5"), false)),
                null);
    }

    static ApplicationDraft application(String plan, List<String> partners, List<String> people) {
        return new ApplicationDraft(null, partners, people, plan, Map.of(1, new BigDecimal("224"), 2, new BigDecimal("4.5")));
    }

    static ScoreInput score(int merit, String comment) {
        return new ScoreInput(Map.of("merit", merit, "team", 80, "feasibility", 70, "budget", 60), comment);
    }

    static AwardInput award(long applicationId) {
        return new AwardInput(applicationId, "最高分，方案可行", List.of(
                new MilestoneDraft("样片流片", "8 片样片与测试报告", LocalDate.now().plusMonths(6), new BigDecimal("2000000")),
                new MilestoneDraft("可靠性验证", "可靠性试验报告", LocalDate.now().plusMonths(18), new BigDecimal("3000000"))));
    }

    /** A published challenge (created by the department); its ext id. */
    String published(String title, String eligibility) {
        return scope.asSystem(() -> {
            String extId = challenges.create(draft(title, eligibility)).extId();
            challenges.perform(extId, ChallengeAction.PUBLISH);
            return extId;
        });
    }

    void system(Runnable work) {
        scope.asSystem(work);
    }

    <T> T system(Supplier<T> work) {
        return scope.asSystem(work);
    }

    <T> T as(Account account, Supplier<T> work) {
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

    void as(Account account, Runnable work) {
        as(account, () -> {
            work.run();
            return null;
        });
    }

    void pastDeadline(String extId) {
        jdbc.sql("update challenge set deadline = now() - interval '1 minute' where ext_id = :e").param("e", extId).update();
    }
}

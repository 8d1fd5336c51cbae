package org.triplehelix.access;

import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Records for tests: organizations (with units), people, and accounts of any role with a known
 * password. Every name is unique, so tests run again and again on the same database.
 */
public final class AccessFixtures {

    /** The password of every account made here. */
    public static final String PASSWORD = "quiet-lantern-meadow-48";

    private final JdbcClient jdbc;
    private final UserAccounts accounts;
    private final DataScope scope;
    private final ApplicationContext context;

    private AccessFixtures(JdbcClient jdbc, UserAccounts accounts, DataScope scope, ApplicationContext context) {
        this.context = context;
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.scope = scope;
    }

    public static AccessFixtures of(ApplicationContext context) {
        return new AccessFixtures(context.getBean(JdbcClient.class), context.getBean(UserAccounts.class), context.getBean(DataScope.class), context);
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public long organization(String name, Long parentId) {
        return jdbc.sql("insert into organization (ext_id, name_en, parent_id) values (:extId, :name, :parent) returning id")
                .param("extId", unique("test-org")).param("name", unique(name)).param("parent", parentId)
                .query(Long.class).single();
    }

    public String organizationExtId(long id) {
        return jdbc.sql("select ext_id from organization where id = :id").param("id", id).query(String.class).single();
    }

    public long person(String name, Long organizationId) {
        return jdbc.sql("insert into person (ext_id, name_en, organization_id) values (:extId, :name, :org) returning id")
                .param("extId", unique("test-person")).param("name", unique(name)).param("org", organizationId)
                .query(Long.class).single();
    }

    public String personExtId(long id) {
        return jdbc.sql("select ext_id from person where id = :id").param("id", id).query(String.class).single();
    }

    /** An active account. */
    public Account user(Long organizationId, Long personId, Role... roles) {
        String email = unique(roles[0].name().toLowerCase().replace('_', '-')) + "@test.example.org";
        return scope.asSystem(() -> accounts.create(new NewAccount(email, "Test " + roles[0].name(), Set.of(roles),
                organizationId == null ? null : organizationExtId(organizationId),
                personId == null ? null : personExtId(personId)), PASSWORD));
    }

    public Account user(Long organizationId, Role... roles) {
        return user(organizationId, null, roles);
    }

    /** A visitor's registration awaiting approval; its id. */
    public long pendingUser(Long organizationId, Role role) {
        String email = unique("applicant") + "@test.example.org";
        scope.asSystem(() -> accounts.register(new Registration(email, "Applicant", role,
                organizationId == null ? null : organizationExtId(organizationId), PASSWORD, null)));
        return jdbc.sql("select id from app_user where email = :email").param("email", email).query(Long.class).single();
    }

    public long disabledUser(Long organizationId) {
        long id = user(organizationId, Role.ENTERPRISE).id();
        scope.asSystem(() -> accounts.disable(id));
        return id;
    }

    /** Runs work as the account's user, signed in (the service layer sees it as {@link DataScope#currentUser()}). */
    public <T> T as(Account account, java.util.function.Supplier<T> work) {
        var details = context.getBean(org.springframework.security.core.userdetails.UserDetailsService.class).loadUserByUsername(account.email());
        var previous = org.springframework.security.core.context.SecurityContextHolder.getContext();
        var signedIn = org.springframework.security.core.context.SecurityContextHolder.createEmptyContext();
        signedIn.setAuthentication(org.springframework.security.authentication.UsernamePasswordAuthenticationToken
                .authenticated(details, null, details.getAuthorities()));
        org.springframework.security.core.context.SecurityContextHolder.setContext(signedIn);
        try {
            return work.get();
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.setContext(previous);
        }
    }

    public long auditRows() {
        return jdbc.sql("select count(*) from audit_log").query(Long.class).single();
    }

    public long auditRows(String kind, String entityId, String action) {
        return jdbc.sql("select count(*) from audit_log where entity_kind = :kind and entity_id = :id and action = :action")
                .param("kind", kind).param("id", entityId).param("action", action).query(Long.class).single();
    }
}

package org.triplehelix.access;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.triplehelix.shared.Page;
import org.triplehelix.shared.Text;

/** The SQL of accounts and roles. Every value is a parameter; conditions are constant fragments. */
@Repository
class AccountRepository {

    private static final String SELECT_ACCOUNT = """
            select u.id, u.email, u.name, u.organization_id, o.ext_id as organization_ext_id,
                   o.name_zh as organization_name_zh, o.name_en as organization_name_en,
                   u.person_id, p.ext_id as person_ext_id, u.status, u.failed_attempts, u.locked_until, u.created_at, u.language,
                   array(select r.role from user_role r where r.user_id = u.id order by r.role) as roles
            from app_user u
            left join organization o on o.id = u.organization_id
            left join person p on p.id = u.person_id
            """;

    private final JdbcClient jdbc;

    AccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Account> find(long id) {
        return jdbc.sql(SELECT_ACCOUNT + " where u.id = :id").param("id", id).query(AccountRepository::account).optional();
    }

    Optional<Account> findByEmail(String email) {
        return jdbc.sql(SELECT_ACCOUNT + " where u.email = :email").param("email", email).query(AccountRepository::account).optional();
    }

    /** The principal for sign-in, with the password hash. */
    Optional<AccountPrincipal> principal(String email) {
        return jdbc.sql("""
                        select u.id, u.email, u.name, u.organization_id, u.person_id, u.status, u.locked_until, u.password_hash,
                               array(select r.role from user_role r where r.user_id = u.id order by r.role) as roles
                        from app_user u where u.email = :email
                        """)
                .param("email", email)
                .query((rs, row) -> new AccountPrincipal(currentUser(rs), AccountStatus.of(rs.getString("status")),
                        instant(rs, "locked_until"), rs.getString("password_hash")))
                .optional();
    }

    /** The user as they are now, for refreshing a session, with their status. */
    Optional<AccountPrincipal> principal(long id) {
        return jdbc.sql("""
                        select u.id, u.email, u.name, u.organization_id, u.person_id, u.status, u.locked_until,
                               array(select r.role from user_role r where r.user_id = u.id order by r.role) as roles
                        from app_user u where u.id = :id
                        """)
                .param("id", id)
                .query((rs, row) -> new AccountPrincipal(currentUser(rs), AccountStatus.of(rs.getString("status")),
                        instant(rs, "locked_until"), null))
                .optional();
    }

    boolean emailTaken(String email) {
        return jdbc.sql("select exists (select 1 from app_user where email = :email)").param("email", email)
                .query(Boolean.class).single();
    }

    /** A new account; {@code language} ({@code zh}, {@code en}) is the one its e-mails are written in, null for both. */
    long insert(String email, String name, Long organizationId, Long personId, String passwordHash, AccountStatus status, String language) {
        return jdbc.sql("""
                        insert into app_user (email, name, organization_id, person_id, password_hash, status, language)
                        values (:email, :name, :organizationId, :personId, :hash, :status, :language) returning id
                        """)
                .param("email", email).param("name", name).param("organizationId", organizationId)
                .param("personId", personId).param("hash", passwordHash).param("status", status.code()).param("language", language)
                .query(Long.class).single();
    }

    void setRoles(long userId, Set<Role> roles) {
        jdbc.sql("delete from user_role where user_id = :id").param("id", userId).update();
        for (Role role : roles) {
            jdbc.sql("insert into user_role (user_id, role) values (:id, :role)").param("id", userId).param("role", role.name()).update();
        }
    }

    void setStatus(long userId, AccountStatus status) {
        jdbc.sql("update app_user set status = :status, updated_at = now() where id = :id")
                .param("status", status.code()).param("id", userId).update();
    }

    void approve(long userId, Long approverId) {
        jdbc.sql("update app_user set status = 'active', approved_by = :approver, approved_at = now(), updated_at = now() where id = :id")
                .param("approver", approverId).param("id", userId).update();
    }

    void setLinks(long userId, Long organizationId, Long personId) {
        jdbc.sql("update app_user set organization_id = :organizationId, person_id = :personId, updated_at = now() where id = :id")
                .param("organizationId", organizationId).param("personId", personId).param("id", userId).update();
    }

    void setPasswordHash(long userId, String hash) {
        jdbc.sql("update app_user set password_hash = :hash, password_changed_at = now(), updated_at = now() where id = :id")
                .param("hash", hash).param("id", userId).update();
    }

    /** Whether the user receives their notices by e-mail too (empty for an unknown id). */
    Optional<Boolean> noticeMail(long userId) {
        return jdbc.sql("select notice_mail from app_user where id = :id").param("id", userId).query(Boolean.class).optional();
    }

    void setNoticeMail(long userId, boolean on) {
        jdbc.sql("update app_user set notice_mail = :on, updated_at = now() where id = :id").param("on", on).param("id", userId).update();
    }

    /** A hash re-encoded with the current algorithm at sign-in; the password itself is unchanged. */
    void upgradePasswordHash(String email, String hash) {
        jdbc.sql("update app_user set password_hash = :hash where email = :email").param("hash", hash).param("email", email).update();
    }

    void unlock(long userId) {
        jdbc.sql("update app_user set failed_attempts = 0, locked_until = null, updated_at = now() where id = :id")
                .param("id", userId).update();
    }

    /** Counts one more failed sign-in (row-locked, so concurrent failures all count); empty for an unknown email. */
    Optional<FailedAttempts> countFailure(String email) {
        return jdbc.sql("""
                        update app_user set failed_attempts = failed_attempts + 1 where email = :email
                        returning id, failed_attempts, locked_until
                        """)
                .param("email", email)
                .query((rs, row) -> new FailedAttempts(rs.getLong("id"), rs.getInt("failed_attempts"), instant(rs, "locked_until")))
                .optional();
    }

    void lock(long userId, int failedAttempts, Instant until) {
        jdbc.sql("update app_user set failed_attempts = :failed, locked_until = :until where id = :id")
                .param("failed", failedAttempts).param("until", Timestamp.from(until)).param("id", userId).update();
    }

    void resetFailures(long userId) {
        jdbc.sql("update app_user set failed_attempts = 0 where id = :id and failed_attempts > 0").param("id", userId).update();
    }

    long countActiveAdmins() {
        return jdbc.sql("""
                        select count(*) from app_user u
                        where u.status = 'active' and exists (select 1 from user_role r where r.user_id = u.id and r.role = 'ADMIN')
                        """)
                .query(Long.class).single();
    }

    Page<Account> search(AccountFilter filter, OrganizationScope scope, int page, int size) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        if (filter.query() != null) {
            conditions.add("(u.email ilike :query escape '\\' or u.name ilike :query escape '\\')");
            params.put("query", "%" + likeEscaped(filter.query()) + "%");
        }
        if (filter.role() != null) {
            conditions.add("exists (select 1 from user_role r where r.user_id = u.id and r.role = :role)");
            params.put("role", filter.role().name());
        }
        if (filter.status() != null) {
            conditions.add("u.status = :status");
            params.put("status", filter.status().code());
        }
        if (!scope.all()) {
            // an organization's administrator manages its users, never the department's administrators among them
            conditions.add("u.organization_id = any(:orgIds)");
            conditions.add("not exists (select 1 from user_role a where a.user_id = u.id and a.role = :adminRole)");
            params.put("orgIds", scope.ids());
            params.put("adminRole", Role.ADMIN.name());
        }
        String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
        long total = jdbc.sql("select count(*) from app_user u" + where).params(params).query(Long.class).single();
        List<Account> items = jdbc.sql(SELECT_ACCOUNT + where + " order by u.created_at desc, u.id desc limit :limit offset :offset")
                .params(params).param("limit", size).param("offset", (long) page * size)
                .query(AccountRepository::account).list();
        return new Page<>(items, page, size, total);
    }

    /** The registrations waiting for approval among the users of {@code scope}'s organizations. */
    long countPending(OrganizationScope scope) {
        return jdbc.sql("select count(*) from app_user u where u.status = :pending and (:all or u.organization_id = any(:orgIds))")
                .param("pending", AccountStatus.PENDING.code()).param("all", scope.all()).param("orgIds", scope.ids())
                .query(Long.class).single();
    }

    Optional<Long> organizationByExtId(String extId) {
        return jdbc.sql("select id from organization where ext_id = :extId").param("extId", extId).query(Long.class).optional();
    }

    /** An organization by external id, else by its exact Chinese or English name when only one has it. */
    Optional<Long> organizationByExtIdOrName(String key) {
        Optional<Long> byId = organizationByExtId(key);
        if (byId.isPresent()) {
            return byId;
        }
        List<Long> byName = jdbc.sql("select id from organization where name_zh = :name or lower(name_en) = lower(:name) limit 2")
                .param("name", key).query(Long.class).list();
        return byName.size() == 1 ? Optional.of(byName.getFirst()) : Optional.empty();
    }

    Optional<Long> personByExtId(String extId) {
        return jdbc.sql("select id from person where ext_id = :extId").param("extId", extId).query(Long.class).optional();
    }

    /** A person by external id, else by their exact Chinese or English name when only one has it. */
    Optional<Long> personByExtIdOrName(String key) {
        Optional<Long> byId = personByExtId(key);
        if (byId.isPresent()) {
            return byId;
        }
        List<Long> byName = jdbc.sql("select id from person where name_zh = :name or lower(name_en) = lower(:name) limit 2")
                .param("name", key).query(Long.class).list();
        return byName.size() == 1 ? Optional.of(byName.getFirst()) : Optional.empty();
    }

    /** The names of a registry record of a kind ({@code organization} or {@code person}) by its external id. */
    Optional<Text> name(String table, String extId) {
        String sql = switch (table) {
            case "organization" -> "select name_zh, name_en from organization where ext_id = :extId";
            case "person" -> "select name_zh, name_en from person where ext_id = :extId";
            default -> throw new IllegalArgumentException(table);
        };
        return jdbc.sql(sql).param("extId", extId)
                .query((rs, row) -> Text.ofNullable(rs.getString("name_zh"), rs.getString("name_en"))).optional();
    }

    List<OrganizationChoice> organizationsMatching(String text, int limit) {
        String pattern = "%" + likeEscaped(text) + "%";
        return jdbc.sql("""
                        select ext_id, name_zh, name_en from organization
                        where name_zh ilike :pattern escape '\\' or name_en ilike :pattern escape '\\' or ext_id = :text
                        order by length(coalesce(name_zh, name_en)), id limit :limit
                        """)
                .param("pattern", pattern).param("text", text).param("limit", limit)
                .query((rs, row) -> new OrganizationChoice(rs.getString("ext_id"),
                        Text.ofNullable(rs.getString("name_zh"), rs.getString("name_en"))))
                .list();
    }

    /** {@code 100%_done} → {@code 100\%\_done}: a visitor's text matched literally by LIKE. */
    static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static Account account(ResultSet rs, int row) throws SQLException {
        return new Account(rs.getLong("id"), rs.getString("email"), rs.getString("name"),
                nullableLong(rs, "organization_id"), rs.getString("organization_ext_id"),
                Text.ofNullable(rs.getString("organization_name_zh"), rs.getString("organization_name_en")),
                nullableLong(rs, "person_id"), rs.getString("person_ext_id"), AccountStatus.of(rs.getString("status")),
                roles(rs.getArray("roles")), rs.getInt("failed_attempts"), instant(rs, "locked_until"), instant(rs, "created_at"),
                rs.getString("language"));
    }

    private static CurrentUser currentUser(ResultSet rs) throws SQLException {
        return new CurrentUser(rs.getLong("id"), rs.getString("email"), rs.getString("name"),
                nullableLong(rs, "organization_id"), nullableLong(rs, "person_id"), roles(rs.getArray("roles")));
    }

    private static Set<Role> roles(Array array) throws SQLException {
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        for (Object role : (Object[]) array.getArray()) {
            roles.add(Role.valueOf((String) role));
        }
        return roles;
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    record FailedAttempts(long userId, int failedAttempts, Instant lockedUntil) {
    }
}

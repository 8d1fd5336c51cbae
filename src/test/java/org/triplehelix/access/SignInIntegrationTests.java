package org.triplehelix.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.test.context.ActiveProfiles;

/** Sign-in through the form and HTTP Basic: no default account, success, failure, lock-out, disabling, sign-out, password change. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SignInIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    AccessFixtures fixtures() {
        return AccessFixtures.of(context);
    }

    @Test
    void noMigrationAndNoBeanMakesAnAccount() throws IOException {
        assertThat(context.getBeansOfType(InMemoryUserDetailsManager.class)).isEmpty();
        assertThat(context.getBeansOfType(UserDetailsService.class).values()).singleElement().isInstanceOf(AccountDetailsService.class);
        for (Resource migration : new PathMatchingResourcePatternResolver().getResources("classpath*:db/migration/**/*.sql")) {
            String sql = migration.getContentAsString(StandardCharsets.UTF_8).toLowerCase();
            assertThat(sql).as(migration.getFilename()).doesNotContainPattern("insert\\s+into\\s+(app_user|user_role)");
        }
    }

    @ParameterizedTest
    @CsvSource({"admin, admin", "admin, admin123", "admin@example.org, admin", "user, password", "root, root",
            "admin, password", "ry, admin123", "sa, ''", "postgres, postgres"})
    void theUsualDefaultCredentialsOpenNothing(String user, String password) {
        assertThat(HelixClient.basic(port, user, password).get("/api/v1/me").status()).isEqualTo(401);
        assertThat(HelixClient.browser(port).signIn(user, password)).isFalse();
    }

    @Test
    void signsInWithTheRightPasswordAndTheSignInIsAudited() {
        Account user = fixtures().user(null, Role.STUDENT);
        HelixClient browser = HelixClient.browser(port);
        assertThat(browser.signIn(user.email().toUpperCase(), AccessFixtures.PASSWORD)).isTrue();
        assertThat(browser.get("/account/password").status()).isEqualTo(200);
        assertThat(browser.get("/api/v1/me").body()).contains(user.email());
        assertThat(fixtures().auditRows("user", String.valueOf(user.id()), "sign-in")).isEqualTo(1);
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSite() {
        HelixClient.Response login = HelixClient.browser(port).postForm("/login", Map.of("email", "nobody@example.org", "password", "x"));
        HelixClient browser = HelixClient.browser(port);
        Account user = fixtures().user(null, Role.STUDENT);
        browser.get("/login");
        HelixClient.Response signIn = browser.postForm("/login", Map.of("email", user.email(), "password", AccessFixtures.PASSWORD));
        String cookie = signIn.header("Set-Cookie");
        assertThat(cookie).contains("JSESSIONID").contains("HttpOnly").contains("SameSite=Lax");
        assertThat(login.location()).endsWith("/login?error");
    }

    @Test
    void aWrongPasswordFailsWithoutSayingWhy() {
        Account user = fixtures().user(null, Role.STUDENT);
        HelixClient browser = HelixClient.browser(port);
        HelixClient.Response response = browser.postForm("/login", Map.of("email", user.email(), "password", "wrong-" + AccessFixtures.PASSWORD));
        assertThat(response.status()).isEqualTo(302);
        assertThat(response.location()).endsWith("/login?error");
        assertThat(browser.get("/login?error").body()).contains("id=\"sign-in-failed\"");
        assertThat(browser.get("/account/password").signInRequired()).isTrue();
        assertThat(HelixClient.basic(port, user.email(), "wrong").get("/api/v1/me").status()).isEqualTo(401);
    }

    @Test
    void tenFailuresLockTheAccountForFifteenMinutesAndTheLockIsAudited() {
        Account user = fixtures().user(null, Role.RESEARCHER);
        for (int attempt = 1; attempt <= 9; attempt++) {
            // failures through the form and through HTTP Basic count alike
            if (attempt % 2 == 0) {
                assertThat(HelixClient.basic(port, user.email(), "wrong-" + attempt).get("/api/v1/me").status()).isEqualTo(401);
            } else {
                assertThat(HelixClient.browser(port).signIn(user.email(), "wrong-" + attempt)).isFalse();
            }
        }
        assertThat(lockedUntil(user.id())).isNull();
        assertThat(fixtures().auditRows("user", String.valueOf(user.id()), "lock")).isZero();

        assertThat(HelixClient.browser(port).signIn(user.email(), "wrong-10")).isFalse();

        Instant lockedUntil = lockedUntil(user.id());
        assertThat(lockedUntil).isNotNull();
        assertThat(Duration.between(Instant.now(), lockedUntil)).isBetween(Duration.ofMinutes(14), Duration.ofMinutes(15));
        assertThat(fixtures().auditRows("user", String.valueOf(user.id()), "lock")).isEqualTo(1);
        Map<String, Object> lock = jdbc.sql("select actor, remote_address, before::text as before, after::text as after from audit_log where entity_kind = 'user' and entity_id = :id and action = 'lock'")
                .param("id", String.valueOf(user.id())).query().singleRow();
        assertThat(lock.get("actor")).isEqualTo("anonymous");
        assertThat(lock.get("remote_address")).isEqualTo("127.0.0.1");
        assertThat((String) lock.get("before")).contains("\"failedAttempts\": 9").contains("\"lockedUntil\": null");
        assertThat((String) lock.get("after")).contains("\"lockedUntil\": \"20");

        // now even the right password is refused, by the form and by HTTP Basic
        assertThat(HelixClient.browser(port).signIn(user.email(), AccessFixtures.PASSWORD)).isFalse();
        assertThat(HelixClient.basic(port, user.email(), AccessFixtures.PASSWORD).get("/api/v1/me").status()).isEqualTo(401);
        assertThat(lockedUntil(user.id())).isEqualTo(lockedUntil);

        // an administrator lifts the lock
        Account admin = fixtures().user(null, Role.ADMIN);
        assertThat(HelixClient.basic(port, admin.email(), AccessFixtures.PASSWORD).json("POST", "/api/v1/users/" + user.id() + "/unlock", null).status())
                .isEqualTo(200);
        assertThat(HelixClient.browser(port).signIn(user.email(), AccessFixtures.PASSWORD)).isTrue();
    }

    @Test
    void aSuccessResetsTheCount() {
        Account user = fixtures().user(null, Role.RESEARCHER);
        for (int attempt = 1; attempt <= 9; attempt++) {
            HelixClient.browser(port).signIn(user.email(), "wrong-" + attempt);
        }
        assertThat(HelixClient.browser(port).signIn(user.email(), AccessFixtures.PASSWORD)).isTrue();
        HelixClient.browser(port).signIn(user.email(), "wrong-again");
        assertThat(lockedUntil(user.id())).isNull();
        assertThat(jdbc.sql("select failed_attempts from app_user where id = :id").param("id", user.id()).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void aPendingAccountCannotSignIn() {
        long pending = fixtures().pendingUser(null, Role.ENTERPRISE);
        String email = jdbc.sql("select email from app_user where id = :id").param("id", pending).query(String.class).single();
        assertThat(HelixClient.browser(port).signIn(email, AccessFixtures.PASSWORD)).isFalse();
        assertThat(HelixClient.basic(port, email, AccessFixtures.PASSWORD).get("/api/v1/me").status()).isEqualTo(401);
    }

    @Test
    void aDisabledUserIsSignedOutAtTheNextRequest() {
        Account user = fixtures().user(null, Role.ENTERPRISE);
        HelixClient browser = HelixClient.browser(port);
        assertThat(browser.signIn(user.email(), AccessFixtures.PASSWORD)).isTrue();
        assertThat(browser.get("/account/password").status()).isEqualTo(200);

        Account admin = fixtures().user(null, Role.ADMIN);
        HelixClient adminBrowser = HelixClient.browser(port);
        assertThat(adminBrowser.signIn(admin.email(), AccessFixtures.PASSWORD)).isTrue();
        assertThat(adminBrowser.postForm("/admin/users/" + user.id() + "/disable", Map.of("confirm", "yes")).status()).isEqualTo(302);

        assertThat(browser.get("/account/password").signInRequired()).isTrue();
        assertThat(browser.signIn(user.email(), AccessFixtures.PASSWORD)).isFalse();
    }

    @Test
    void newRolesTakeEffectInAnOpenSession() {
        Account user = fixtures().user(null, Role.STUDENT);
        HelixClient browser = HelixClient.browser(port);
        assertThat(browser.signIn(user.email(), AccessFixtures.PASSWORD)).isTrue();
        assertThat(browser.get("/admin/audit").status()).isEqualTo(403);
        AccessFixtures fixtures = fixtures();
        context.getBean(DataScope.class).asSystem(() -> context.getBean(UserAccounts.class).setRoles(user.id(), java.util.Set.of(Role.ADMIN)));
        assertThat(browser.get("/admin/audit").status()).isEqualTo(200);
        assertThat(fixtures.auditRows("user", String.valueOf(user.id()), "update")).isEqualTo(1);
    }

    @Test
    void signOutEndsTheSession() {
        Account user = fixtures().user(null, Role.STUDENT);
        HelixClient browser = HelixClient.browser(port);
        assertThat(browser.signIn(user.email(), AccessFixtures.PASSWORD)).isTrue();
        HelixClient.Response signOut = browser.postForm("/logout", Map.of());
        assertThat(signOut.status()).isEqualTo(302);
        assertThat(signOut.location()).endsWith("/login?signedOut");
        assertThat(browser.get("/account/password").signInRequired()).isTrue();
    }

    @Test
    void changesThePasswordGivenTheCurrentOne() {
        Account user = fixtures().user(null, Role.RESEARCHER);
        HelixClient browser = HelixClient.browser(port);
        assertThat(browser.signIn(user.email(), AccessFixtures.PASSWORD)).isTrue();
        String newPassword = "amber-river-compass-71";

        HelixClient.Response wrongCurrent = browser.postForm("/account/password",
                Map.of("currentPassword", "not-it-at-all-11", "password", newPassword, "confirmation", newPassword));
        // refused as every form is: 400, the field at fault marked beside its input and in the summary
        assertThat(wrongCurrent.status()).isEqualTo(400);
        assertThat(wrongCurrent.body()).contains("id=\"f-currentPassword-error\">The current password is not right.</span>")
                .contains("aria-describedby=\"f-currentPassword-error\" aria-invalid=\"true\"")
                .contains("<a href=\"#currentPassword\">Current password</a>")
                .contains("For your safety the passwords are not kept: type them again.")
                .doesNotContain(newPassword);
        HelixClient.Response weak = browser.postForm("/account/password",
                Map.of("currentPassword", AccessFixtures.PASSWORD, "password", "P@ssw0rd2024!", "confirmation", "P@ssw0rd2024!"));
        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.body()).containsPattern("id=\"f-password-error\">[^<]*too common").contains("<a href=\"#password\">New password</a>");
        HelixClient.Response differing = browser.postForm("/account/password",
                Map.of("currentPassword", AccessFixtures.PASSWORD, "password", newPassword, "confirmation", newPassword + "x"));
        assertThat(differing.status()).isEqualTo(400);
        assertThat(differing.body()).contains("id=\"f-confirmation-error\">The two passwords differ.</span>");
        HelixClient.Response chinese = browser.postForm("/account/password?lang=zh",
                Map.of("currentPassword", "not-it-at-all-11", "password", newPassword, "confirmation", newPassword));
        assertThat(chinese.body()).contains("表单有 1 处需要修改", "<a href=\"#currentPassword\">当前密码</a>", "为安全起见，密码不会保留");
        long rows = fixtures().auditRows();

        HelixClient.Response changed = browser.postForm("/account/password",
                Map.of("currentPassword", AccessFixtures.PASSWORD, "password", newPassword, "confirmation", newPassword));
        assertThat(changed.status()).isEqualTo(302);
        assertThat(changed.location()).endsWith("/account/password?changed");
        assertThat(fixtures().auditRows()).isEqualTo(rows + 1);
        assertThat(fixtures().auditRows("user", String.valueOf(user.id()), "password-change")).isEqualTo(1);
        assertThat(HelixClient.browser(port).signIn(user.email(), AccessFixtures.PASSWORD)).isFalse();
        assertThat(HelixClient.browser(port).signIn(user.email(), newPassword)).isTrue();
        String hash = jdbc.sql("select password_hash from app_user where id = :id").param("id", user.id()).query(String.class).single();
        assertThat(hash).startsWith("{bcrypt}$2").doesNotContain(newPassword);
    }

    private Instant lockedUntil(long id) {
        OffsetDateTime until = jdbc.sql("select locked_until from app_user where id = :id").param("id", id).query(OffsetDateTime.class).optional().orElse(null);
        return until == null ? null : until.toInstant();
    }
}

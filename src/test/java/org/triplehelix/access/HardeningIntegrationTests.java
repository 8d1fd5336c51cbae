package org.triplehelix.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;

/** Security headers, 401 for anonymous API writes, CSRF, request size limits, no internals in errors, escaping. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class HardeningIntegrationTests {

    private static final String[] HOSTILE = {"<script>alert(1)</script>", "' OR 1=1 --", "\"><img src=x onerror=alert(1)>", "%_\\"};

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @ParameterizedTest
    @ValueSource(strings = {"/login", "/register", "/api/v1/me", "/api/v1/no-such-thing"})
    void everyResponseCarriesTheSecurityHeaders(String path) {
        HelixClient.Response response = HelixClient.browser(port).get(path);
        assertThat(response.header("Content-Security-Policy"))
                .isEqualTo(SecurityConfiguration.CONTENT_SECURITY_POLICY)
                .contains("script-src 'self'").doesNotContain("unsafe-inline").contains("frame-ancestors 'none'");
        assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.header("Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");
    }

    /** Pages are rendered whole before they are sent (BufferedJteViews), so a late failure can still become the error page. */
    @Test
    void aLongPageIsSentWholeWithItsLength() {
        HelixClient.Response response = HelixClient.browser(port).get("/organizations?lang=zh");
        byte[] page = response.body().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(response.status()).isEqualTo(200);
        assertThat(page.length).as("longer than a servlet buffer").isGreaterThan(8 * 1024);
        assertThat(response.header("Content-Length")).isEqualTo(String.valueOf(page.length));
        assertThat(response.header("Transfer-Encoding")).isNull();
    }

    @ParameterizedTest
    @CsvSource({"POST, /api/v1/users/1/approve", "PUT, /api/v1/users/1/roles", "POST, /api/v1/organizations",
            "PUT, /api/v1/organizations/x", "DELETE, /api/v1/organizations/x", "PATCH, /api/v1/people/x", "POST, /api/v1/demands"})
    void anonymousApiWritesGet401NotARedirect(String method, String path) {
        HelixClient.Response response = HelixClient.browser(port).json(method, path, "{}");
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("WWW-Authenticate")).startsWith("Basic realm=");
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.header("Set-Cookie")).as("no session is made for an anonymous API call").isNull();
    }

    @Test
    void anAnonymousApiWriteWithASessionButNoTokenIsStill401() {
        HelixClient browser = HelixClient.browser(port);
        browser.get("/login"); // the visitor has a session now
        HelixClient.Response response = browser.send("POST", "/api/v1/users/1/approve", Map.of("Content-Type", "application/json"), new byte[0]);
        assertThat(response.status()).isEqualTo(401);
    }

    @Test
    void aSessionsApiWriteNeedsTheCsrfTokenAndPageFormsToo() {
        Account admin = AccessFixtures.of(context).user(null, Role.ADMIN);
        long pending = AccessFixtures.of(context).pendingUser(null, Role.ENTERPRISE);
        HelixClient browser = HelixClient.browser(port);
        assertThat(browser.signIn(admin.email(), AccessFixtures.PASSWORD)).isTrue();
        HelixClient.Response forged = browser.send("POST", "/api/v1/users/" + pending + "/approve", Map.of("Content-Type", "application/json"), new byte[0]);
        assertThat(forged.status()).isEqualTo(403);
        assertThat(forged.header("Content-Type")).startsWith("application/problem+json");
        assertThat(browser.postFormWithoutToken("/admin/users/" + pending + "/approve", Map.of()).status()).isEqualTo(403);
        assertThat(browser.json("POST", "/api/v1/users/" + pending + "/approve", null).status()).isEqualTo(200);
    }

    @Test
    void theSessionCookieIsSecureWhenServedOverHttps() {
        Account user = AccessFixtures.of(context).user(null, Role.STUDENT);
        HelixClient browser = HelixClient.browser(port);
        String form = "_csrf=" + browser.csrfToken() + "&email=" + java.net.URLEncoder.encode(user.email(), java.nio.charset.StandardCharsets.UTF_8)
                + "&password=" + AccessFixtures.PASSWORD;
        // as a TLS-terminating proxy on this machine forwards it
        HelixClient.Response signIn = browser.send("POST", "/login", Map.of("Content-Type", "application/x-www-form-urlencoded",
                "X-Forwarded-Proto", "https", "X-Forwarded-For", "203.0.113.9"), form.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(signIn.status()).isEqualTo(302);
        assertThat(signIn.header("Set-Cookie")).contains("Secure").contains("HttpOnly").contains("SameSite=Lax");
        assertThat(signIn.header("Strict-Transport-Security")).contains("max-age=");
        String address = context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
                .sql("select remote_address from audit_log where entity_kind = 'user' and entity_id = :id and action = 'sign-in'")
                .param("id", String.valueOf(user.id())).query(String.class).single();
        assertThat(address).isEqualTo("203.0.113.9");
        assertThat(HelixClient.browser(port).get("/login").header("Strict-Transport-Security")).as("plain HTTP").isNull();
    }

    @Test
    void refusesBodiesOverTheLimit() {
        Account admin = AccessFixtures.of(context).user(null, Role.ADMIN);
        byte[] large = new byte[3 * 1024 * 1024];
        java.util.Arrays.fill(large, (byte) ' ');
        HelixClient.Response response = HelixClient.basic(port, admin.email(), AccessFixtures.PASSWORD)
                .send("PUT", "/api/v1/users/1/roles", Map.of("Content-Type", "application/json"), large);
        assertThat(response.status()).isEqualTo(413);
        // a problem detail naming the body, as every refusal of the API is (not Spring Boot's error JSON)
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.body()).contains("\"status\":413").contains("\"field\":\"body\"").contains("larger than the limit");
    }

    /** A body streamed in chunks, with no Content-Length to refuse it by, is refused once it has run past the limit. */
    @Test
    void refusesAStreamedBodyOverTheLimit() throws Exception {
        Account admin = AccessFixtures.of(context).user(null, Role.ADMIN);
        byte[] large = new byte[3 * 1024 * 1024];
        java.util.Arrays.fill(large, (byte) ' ');
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/api/v1/users/1/roles"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                        (admin.email() + ":" + AccessFixtures.PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(large)))
                .build();
        try (java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient()) {
            java.net.http.HttpResponse<String> response = client.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(413);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(response.body()).contains("\"field\":\"body\"");
        }
    }

    @Test
    void errorsShowNoStackTraceNorSql() {
        Account admin = AccessFixtures.of(context).user(null, Role.ADMIN);
        HelixClient api = HelixClient.basic(port, admin.email(), AccessFixtures.PASSWORD);
        HelixClient browser = HelixClient.browser(port);
        assertThat(browser.signIn(admin.email(), AccessFixtures.PASSWORD)).isTrue();
        for (HelixClient.Response response : new HelixClient.Response[] {
                api.get("/api/v1/users/not-a-number"),
                api.get("/api/v1/users/999999999"),
                api.get("/api/v1/audit?from=yesterday"),
                api.get("/api/v1/users?role=KING"),
                api.json("PUT", "/api/v1/users/1/roles", "{not json"),
                browser.get("/admin/users/not-a-number"),
                browser.get("/admin/users/999999999"),
                browser.get("/admin/audit?from=yesterday"),
                browser.get("/admin/users?status=sleeping")}) {
            assertThat(response.status()).isBetween(400, 404);
            // a refused filter of the audit trail now comes back on the trail page itself, whose form has drop-downs:
            // an HTML <select> element is not SQL, so it is set aside before looking for SQL in the page
            String shown = response.body().replaceAll("(?i)<select\\b", "<dropdown");
            assertThat(shown).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("org.springframework")
                    .doesNotContainIgnoringCase("select ").doesNotContain("SQL");
        }
    }

    @Test
    void hostileTextInSearchBoxesAndFormsComesBackAsText() {
        Account admin = AccessFixtures.of(context).user(null, Role.ADMIN);
        HelixClient browser = HelixClient.browser(port);
        assertThat(browser.signIn(admin.email(), AccessFixtures.PASSWORD)).isTrue();
        for (String hostile : HOSTILE) {
            String query = java.net.URLEncoder.encode(hostile, java.nio.charset.StandardCharsets.UTF_8);
            Map<String, String> pages = Map.of("/admin/users?q=" + query, "0 users",
                    "/admin/audit?actor=" + query + "&entityId=" + query, "0 entries");
            pages.forEach((path, none) -> {
                HelixClient.Response page = browser.get(path);
                assertThat(page.status()).as(path).isEqualTo(200);
                assertThat(page.body()).as(path).contains(none);
                if (hostile.contains("<")) {
                    assertThat(page.body()).as(path).doesNotContain(hostile);
                }
            });
            HelixClient.Response registration = HelixClient.browser(port).postForm("/register",
                    Map.of("email", "x@example.org", "name", hostile, "role", "ENTERPRISE", "organization", hostile,
                            "password", AccessFixtures.PASSWORD, "confirmation", AccessFixtures.PASSWORD));
            assertThat(registration.status()).isEqualTo(400);
            assertThat(registration.body()).contains("No organization has this id or name");
            if (hostile.contains("<")) {
                assertThat(registration.body()).doesNotContain(hostile).contains("&lt;");
            }
        }
        // stored hostile text (a user's name, an organization's name, an audited value) is shown as text
        String name = "<script>alert('name')</script>";
        var jdbc = context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class);
        AccessFixtures fixtures = AccessFixtures.of(context);
        long organization = fixtures.organization("Hostile", null);
        jdbc.sql("update organization set name_en = :name where id = :id").param("name", "<img src=x onerror=alert(1)>").param("id", organization).update();
        long id = fixtures.user(organization, Role.STUDENT).id();
        jdbc.sql("update app_user set name = :name where id = :id").param("name", name).param("id", id).update();
        String entityId = "<b>" + AccessFixtures.unique("x") + "</b>";
        context.getBean(DataScope.class).asSystem(() -> context.publishEvent(
                org.triplehelix.shared.AuditableChange.created("hostile", entityId, Map.of("name", name))));
        for (String path : new String[] {"/admin/users/" + id, "/admin/users?q=alert",
                "/admin/audit?kind=hostile"}) {
            String body = browser.get(path).body();
            assertThat(body).as(path).doesNotContain("<script>alert").doesNotContain("<img src=x").doesNotContain("<b>x-");
        }
        assertThat(browser.get("/admin/users/" + id).body()).contains("&lt;script&gt;").contains("&lt;img src=x");
        assertThat(browser.get("/admin/audit?kind=hostile").body()).contains("&lt;b&gt;x-").contains("&lt;script&gt;");
    }
}

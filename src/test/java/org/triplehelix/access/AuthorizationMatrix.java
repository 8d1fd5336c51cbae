package org.triplehelix.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * The authorization matrix: every endpoint × every kind of caller → the expected status, run
 * against the real platform (HTTP, filters, services, database). Each module extends it with
 * its own write endpoints:
 *
 * <pre>{@code
 * class RegistryAuthorizationMatrixIntegrationTests extends AuthorizationMatrix {
 *     @Override
 *     protected List<Endpoint> endpoints() {
 *         return List.of(
 *             Endpoint.api("PUT", "/api/v1/organizations/{unit of home}",
 *                     w -> "/api/v1/organizations/" + w.extId(w.unitOfHome()), w -> "{\"nameEn\": \"Renamed\"}")
 *                 .expect(Caller.ANONYMOUS, 401).expect(Caller.ADMIN, 200).expect(Caller.ORG_ADMIN, 200)
 *                 .otherwise(403));
 *     }
 * }
 * }</pre>
 * The world holds a home organization with a unit, an unrelated organization, a person in the
 * home organization, and one account per caller: ORG_ADMIN administers the home organization,
 * ORG_ADMIN_ELSEWHERE the unrelated one; ENTERPRISE, RESEARCHER (linked to the person),
 * REVIEWER and STUDENT belong to the home organization. Paths and bodies are made per call, so
 * a write can have a fresh target each time. API endpoints are called with HTTP Basic; page
 * endpoints with a signed-in session and the CSRF token, a redirect to the sign-in page counting as 401.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class AuthorizationMatrix {

    /** Who calls. */
    public enum Caller { ANONYMOUS, ADMIN, ORG_ADMIN, ORG_ADMIN_ELSEWHERE, ENTERPRISE, RESEARCHER, REVIEWER, STUDENT }

    @LocalServerPort
    protected int port;

    @Autowired
    protected ApplicationContext context;

    protected World world;
    private final Map<Caller, HelixClient> sessions = new EnumMap<>(Caller.class);

    /** This module's endpoints and what each caller must get. */
    protected abstract List<Endpoint> endpoints();

    @BeforeAll
    void buildTheWorld() {
        world = World.build(AccessFixtures.of(context));
    }

    @TestFactory
    Stream<DynamicTest> everyEndpointForEveryCaller() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            for (Caller caller : Caller.values()) {
                int expected = endpoint.expected(caller);
                tests.add(DynamicTest.dynamicTest(endpoint.name() + " as " + caller + " → " + expected,
                        () -> assertThat(status(endpoint, caller)).as(endpoint.name() + " as " + caller).isEqualTo(expected)));
            }
        }
        return tests.stream();
    }

    private int status(Endpoint endpoint, Caller caller) {
        String path = endpoint.path().apply(world);
        String body = endpoint.body() == null ? null : endpoint.body().apply(world);
        if (endpoint.page()) {
            HelixClient client = session(caller);
            HelixClient.Response response = "GET".equals(endpoint.method()) ? client.get(path)
                    : client.postForm(path, body == null ? Map.of() : formOf(body));
            return response.status() == 302 && response.location().endsWith("/login") ? 401 : response.status();
        }
        HelixClient client = caller == Caller.ANONYMOUS ? HelixClient.browser(port) : HelixClient.basic(port, world.email(caller), AccessFixtures.PASSWORD);
        return client.json(endpoint.method(), path, body).status();
    }

    private HelixClient session(Caller caller) {
        return sessions.computeIfAbsent(caller, c -> {
            HelixClient client = HelixClient.browser(port);
            if (c != Caller.ANONYMOUS) {
                assertThat(client.signIn(world.email(c), AccessFixtures.PASSWORD)).as("sign-in of " + c).isTrue();
            }
            return client;
        });
    }

    /** A page form's fields as {@code a=1&b=2}. */
    private static Map<String, String> formOf(String body) {
        Map<String, String> form = new java.util.LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            form.put(pair.substring(0, equals), pair.substring(equals + 1));
        }
        return form;
    }

    /** One endpoint: method, path and body made per call from the world, expected status per caller. */
    public static final class Endpoint {

        private final String method;
        private final String pattern;
        private final Function<World, String> path;
        private final Function<World, String> body;
        private final boolean page;
        private final Map<Caller, Integer> expected = new EnumMap<>(Caller.class);
        private Integer otherwise;

        private Endpoint(String method, String pattern, Function<World, String> path, Function<World, String> body, boolean page) {
            this.method = method;
            this.pattern = pattern;
            this.path = path;
            this.body = body;
            this.page = page;
        }

        /**
         * A JSON API endpoint, called with HTTP Basic; {@code pattern} names it in the report
         * ({@code /api/v1/users/{pending}/approve}), {@code path} makes the real path per call;
         * the body is JSON (or null).
         */
        public static Endpoint api(String method, String pattern, Function<World, String> path, Function<World, String> body) {
            return new Endpoint(method, pattern, path, body, false);
        }

        public static Endpoint api(String method, String pattern, Function<World, String> path) {
            return api(method, pattern, path, null);
        }

        /** An API endpoint whose path is fixed. */
        public static Endpoint api(String method, String path) {
            return api(method, path, w -> path, null);
        }

        /** A page, called with a signed-in session; a POST body is form fields {@code a=1&b=2}. */
        public static Endpoint page(String method, String pattern, Function<World, String> path, Function<World, String> form) {
            return new Endpoint(method, pattern, path, form, true);
        }

        public static Endpoint page(String method, String pattern, Function<World, String> path) {
            return page(method, pattern, path, null);
        }

        public static Endpoint page(String method, String path) {
            return page(method, path, w -> path, null);
        }

        public Endpoint expect(Caller caller, int status) {
            expected.put(caller, status);
            return this;
        }

        /** The status for every caller not named. */
        public Endpoint otherwise(int status) {
            otherwise = status;
            return this;
        }

        int expected(Caller caller) {
            Integer status = expected.getOrDefault(caller, otherwise);
            if (status == null) {
                throw new IllegalStateException(name() + ": no expected status for " + caller);
            }
            return status;
        }

        String name() {
            return (page ? "page " : "api ") + method + " " + pattern;
        }

        String method() {
            return method;
        }

        Function<World, String> path() {
            return path;
        }

        Function<World, String> body() {
            return body;
        }

        boolean page() {
            return page;
        }
    }

    /** The records the matrix runs against. */
    public static final class World {

        private final AccessFixtures fixtures;
        private final long home;
        private final long unitOfHome;
        private final long elsewhere;
        private final long personAtHome;
        private final Map<Caller, Account> accounts;

        private World(AccessFixtures fixtures, long home, long unitOfHome, long elsewhere, long personAtHome, Map<Caller, Account> accounts) {
            this.fixtures = fixtures;
            this.home = home;
            this.unitOfHome = unitOfHome;
            this.elsewhere = elsewhere;
            this.personAtHome = personAtHome;
            this.accounts = accounts;
        }

        static World build(AccessFixtures fixtures) {
            long home = fixtures.organization("Home University", null);
            long unit = fixtures.organization("Home Laboratory", home);
            long elsewhere = fixtures.organization("Elsewhere Enterprise", null);
            long person = fixtures.person("Home Researcher", home);
            Map<Caller, Account> accounts = new EnumMap<>(Caller.class);
            accounts.put(Caller.ADMIN, fixtures.user(null, Role.ADMIN));
            accounts.put(Caller.ORG_ADMIN, fixtures.user(home, Role.ORG_ADMIN));
            accounts.put(Caller.ORG_ADMIN_ELSEWHERE, fixtures.user(elsewhere, Role.ORG_ADMIN));
            accounts.put(Caller.ENTERPRISE, fixtures.user(home, Role.ENTERPRISE));
            accounts.put(Caller.RESEARCHER, fixtures.user(home, person, Role.RESEARCHER));
            accounts.put(Caller.REVIEWER, fixtures.user(home, Role.REVIEWER));
            accounts.put(Caller.STUDENT, fixtures.user(home, Role.STUDENT));
            return new World(fixtures, home, unit, elsewhere, person, accounts);
        }

        public AccessFixtures fixtures() {
            return fixtures;
        }

        /** The organization ORG_ADMIN administers and the other callers belong to. */
        public long home() {
            return home;
        }

        /** A unit under the home organization (in ORG_ADMIN's scope). */
        public long unitOfHome() {
            return unitOfHome;
        }

        /** An organization unrelated to home (ORG_ADMIN_ELSEWHERE's). */
        public long elsewhere() {
            return elsewhere;
        }

        /** The person RESEARCHER's account is linked to. */
        public long personAtHome() {
            return personAtHome;
        }

        public String extId(long organizationId) {
            return fixtures.organizationExtId(organizationId);
        }

        public Account account(Caller caller) {
            return accounts.get(caller);
        }

        public String email(Caller caller) {
            return accounts.get(caller).email();
        }

        /** A fresh pending registration in an organization. */
        public long pendingUserIn(long organizationId) {
            return fixtures.pendingUser(organizationId, Role.ENTERPRISE);
        }

        public long activeUserIn(long organizationId) {
            return fixtures.user(organizationId, Role.RESEARCHER).id();
        }

        public long disabledUserIn(long organizationId) {
            return fixtures.disabledUser(organizationId);
        }
    }
}

package org.triplehelix.cli;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.triplehelix.shared.Counts;
import org.triplehelix.shared.web.NavCount;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code helix bench nav}: what the counts on the navigation links ({@link NavCount}) cost every
 * page a signed-in user opens. Starts the web platform on the data directory (free port, no demo,
 * the embedding worker off), writes a worst case of synthetic rows in bulk ({@link NavBenchData}),
 * then measures, after warm-up, each count for the measured user in-process and a light page over
 * HTTP signed in (form sign-in with the CSRF token, as a browser) and anonymous; p50/p95/p99.
 * The synthetic rows are removed in a {@code finally}, and by a shutdown hook on Ctrl-C. While it
 * runs they are part of the installation (published challenges, listed accounts): run it on a copy
 * or a test installation.
 */
@Command(name = "nav", description = "Cost of the navigation links' counts on every signed-in page (p50/p95/p99), on synthetic rows removed afterwards.")
class BenchNavCommand implements Callable<Integer> {

    /** The signed-in pages measured; {@code /} also anonymous (an anonymous /notifications is only a redirect). */
    static final List<String> SIGNED_IN_PAGES = List.of("/", "/notifications");

    private static final Pattern CSRF_META = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]*)\">");
    private static final Pattern NAV_COUNT = Pattern.compile("class=\"nav-count\" id=\"nav-count-");

    @Spec
    CommandSpec spec;

    @Option(names = "--users", defaultValue = "10000", description = "Synthetic users, the measured one included (default: ${DEFAULT-VALUE}).")
    int users;

    @Option(names = "--notices-per-user", defaultValue = "100", description = "Notices per synthetic user, every tenth unread (default: ${DEFAULT-VALUE}).")
    int noticesPerUser;

    @Option(names = "--requests", defaultValue = "500", description = "Measured calls per count and requests per page (default: ${DEFAULT-VALUE}).")
    int requests;

    @Option(names = "--warmup", defaultValue = "50", description = "Unmeasured calls and requests first (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Override
    public Integer call() throws Exception {
        if (users < 1 || noticesPerUser < 0 || requests < 1 || warmup < 0) {
            spec.commandLine().getErr().println("helix bench nav: --users and --requests must be at least 1, --notices-per-user and --warmup at least 0");
            return 2;
        }
        HelixCommand global = (HelixCommand) spec.root().userObject();
        PrintWriter out = spec.commandLine().getOut();
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("server.port", "0");
        properties.put("helix.demo.enabled", "false");
        properties.put("helix.embedding.background", "false");
        properties.put("logging.level.root", "WARN");
        properties.put("logging.level.org.flywaydb", "ERROR");
        ConfigurableApplicationContext platform = Platform.web(global, properties, false);
        NavBenchData data = new NavBenchData(platform.getBean(JdbcClient.class));
        Cleanup cleanup = new Cleanup(data, platform, out);
        Thread onInterrupt = new Thread(cleanup::interrupted, "bench-nav-cleanup");
        Runtime.getRuntime().addShutdownHook(onInterrupt);
        try {
            out.println(BenchCommand.ImportBench.machine());
            out.println(loadAverage("at start"));
            if (data.remaining() > 0) {
                out.println("removing synthetic rows an interrupted run left behind");
                data.remove();
            }
            String password = randomPassword();
            NavBenchData.Scale scale = NavBenchData.Scale.of(users, noticesPerUser);
            long started = System.nanoTime();
            NavBenchData.Seeded seeded = data.seed(scale, platform.getBean(PasswordEncoder.class).encode(password));
            out.printf(Locale.ROOT, "seeded through SQL in bulk (generate_series), in %.1f s: %s%n", (System.nanoTime() - started) / 1e9,
                    seeded.describe());
            out.flush();
            measureCounts(platform, out);
            measurePages(((WebServerApplicationContext) platform).getWebServer().getPort(), password, out);
            out.println(loadAverage("at the end"));
            return 0;
        } finally {
            cleanup.removeAndClose();
            try {
                Runtime.getRuntime().removeShutdownHook(onInterrupt);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl-C: the hook is running or has run
            }
        }
    }

    /** Each count's {@code count()} for the measured user, signed in as a session would be, one after the other. */
    private void measureCounts(ConfigurableApplicationContext platform, PrintWriter out) {
        UserDetails measured = platform.getBean(UserDetailsService.class).loadUserByUsername(NavBenchData.MEASURED_EMAIL);
        SecurityContext signedIn = SecurityContextHolder.createEmptyContext();
        signedIn.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(measured, null, measured.getAuthorities()));
        List<NavCount> counts = platform.getBeansOfType(NavCount.class).values().stream().sorted(Comparator.comparing(NavCount::path)).toList();
        SecurityContextHolder.setContext(signedIn);
        try {
            out.printf(Locale.ROOT, "%-36s %8s %8s %8s %8s %8s  (in-process, %s each after %d unmeasured)%n", "count for the measured user",
                    "value", "p50 ms", "p95 ms", "p99 ms", "max ms", Counts.of(requests, "call"), warmup);
            for (NavCount count : counts) {
                print(out, count.getClass().getSimpleName() + " " + count.path(), count.count(), measure(count::count));
            }
            print(out, "all " + counts.size() + " (one page)", counts.stream().mapToLong(NavCount::count).sum(),
                    measure(() -> counts.stream().mapToLong(NavCount::count).sum()));
            out.flush();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private void print(PrintWriter out, String name, long value, double[] millis) {
        out.printf(Locale.ROOT, "%-36s %8d %8.3f %8.3f %8.3f %8.3f%n", name, value, BenchInsightCommand.percentile(millis, 50),
                BenchInsightCommand.percentile(millis, 95), BenchInsightCommand.percentile(millis, 99), millis[millis.length - 1]);
    }

    private double[] measure(LongSupplier call) {
        for (int i = 0; i < warmup; i++) {
            call.getAsLong();
        }
        double[] millis = new double[requests];
        for (int i = 0; i < requests; i++) {
            long started = System.nanoTime();
            call.getAsLong();
            millis[i] = (System.nanoTime() - started) / 1e6;
        }
        Arrays.sort(millis);
        return millis;
    }

    /** A light page over HTTP: signed in through the form (its counts on the links) and anonymous (no counts asked). */
    private void measurePages(int port, String password, PrintWriter out) throws Exception {
        String base = "http://localhost:" + port;
        HttpClient visitor = browser();
        HttpClient member = browser();
        signIn(member, base, password);
        int shown = NAV_COUNT.matcher(get(member, base + "/").body()).results().mapToInt(m -> 1).sum();
        out.printf(Locale.ROOT, "signed in through the form as %s; the page shows %d navigation counts%n", NavBenchData.MEASURED_EMAIL, shown);
        out.printf(Locale.ROOT, "%-36s %8s %8s %8s %8s  (over HTTP, %s each after %d unmeasured)%n", "page", "p50 ms", "p95 ms", "p99 ms",
                "max ms", Counts.of(requests, "request"), warmup);
        for (String page : SIGNED_IN_PAGES) {
            printPage(out, page + " signed in", measure(member, base + page));
        }
        printPage(out, "/ anonymous", measure(visitor, base + "/"));
        out.flush();
    }

    private void printPage(PrintWriter out, String name, double[] millis) {
        out.printf(Locale.ROOT, "%-36s %8.1f %8.1f %8.1f %8.1f%n", name, BenchInsightCommand.percentile(millis, 50),
                BenchInsightCommand.percentile(millis, 95), BenchInsightCommand.percentile(millis, 99), millis[millis.length - 1]);
    }

    private double[] measure(HttpClient http, String url) throws Exception {
        for (int i = 0; i < warmup; i++) {
            get(http, url);
        }
        double[] millis = new double[requests];
        for (int i = 0; i < requests; i++) {
            long started = System.nanoTime();
            get(http, url);
            millis[i] = (System.nanoTime() - started) / 1e6;
        }
        Arrays.sort(millis);
        return millis;
    }

    private static HttpClient browser() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** As a browser: the sign-in page for the session and its CSRF token, then the form. */
    private static void signIn(HttpClient http, String base, String password) throws Exception {
        Matcher token = CSRF_META.matcher(get(http, base + "/login").body());
        if (!token.find()) {
            throw new IllegalStateException("no CSRF token on /login");
        }
        String form = "email=" + URLEncoder.encode(NavBenchData.MEASURED_EMAIL, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)
                + "&_csrf=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
        HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form))
                .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.discarding());
        String location = response.headers().firstValue("Location").orElse("");
        if (response.statusCode() != 302 || location.contains("/login")) {
            throw new IllegalStateException("the measured user could not sign in: " + response.statusCode() + " " + location);
        }
    }

    /** A page that must answer 200: a redirect to the sign-in page would measure the wrong thing. */
    private static HttpResponse<String> get(HttpClient http, String url) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + response.statusCode());
        }
        return response;
    }

    private static String randomPassword() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The machine's load (other processes share its cores): figures read at a high load are upper bounds. */
    static String loadAverage(String when) {
        return String.format(Locale.ROOT, "load average (1 min) %s: %.2f on %d cores", when,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), Runtime.getRuntime().availableProcessors());
    }

    /** Removes the synthetic rows and stops the platform, once, whether the run ends, fails or is interrupted. */
    private static final class Cleanup {

        private final NavBenchData data;
        private final ConfigurableApplicationContext platform;
        private final PrintWriter out;
        private boolean done;

        Cleanup(NavBenchData data, ConfigurableApplicationContext platform, PrintWriter out) {
            this.data = data;
            this.platform = platform;
            this.out = out;
        }

        /** Ctrl-C: the requests stop first (the web server with them), so the deletions have the database to themselves. */
        void interrupted() {
            out.println("interrupted: removing the synthetic rows first");
            out.flush();
            ((WebServerApplicationContext) platform).getWebServer().stop();
            removeAndClose();
        }

        synchronized void removeAndClose() {
            if (done) {
                return;
            }
            done = true;
            try {
                long started = System.nanoTime();
                data.remove();
                out.printf(Locale.ROOT, "synthetic rows removed in %.1f s; synthetic rows left: %d%n", (System.nanoTime() - started) / 1e9,
                        data.remaining());
                out.flush();
            } finally {
                platform.close();
            }
        }
    }
}

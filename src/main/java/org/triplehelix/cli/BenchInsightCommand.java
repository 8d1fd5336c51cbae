package org.triplehelix.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.triplehelix.insight.InsightSummaries;
import org.triplehelix.shared.Counts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code helix bench insight}: starts the web platform on the data directory (on a free port, no
 * demo, the embedding worker off unless asked), rebuilds the insight summaries once (timed), then
 * requests every dashboard over HTTP, one request at a time, and reports p50, p95 and p99 per
 * dashboard, page rendering included.
 */
@Command(name = "insight", description = "Dashboard latency (p50/p95/p99 over HTTP) of the insight module on the data directory.")
class BenchInsightCommand implements Callable<Integer> {

    /** The dashboards and what they are asked (an indicator with many records where one is named). */
    static final Map<String, String> DASHBOARDS = dashboards();

    @Spec
    CommandSpec spec;

    @Option(names = "--requests", defaultValue = "200", description = "Measured requests per dashboard (default: ${DEFAULT-VALUE}).")
    int requests;

    @Option(names = "--warmup", defaultValue = "20", description = "Unmeasured requests per dashboard first (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--with-embedding", description = "Keep the background embedding worker running during the measurement.")
    boolean withEmbedding;

    private static Map<String, String> dashboards() {
        Map<String, String> dashboards = new LinkedHashMap<>();
        dashboards.put("overview", "/insight");
        dashboards.put("overview (en)", "/insight?lang=en");
        dashboards.put("map (organizations)", "/insight/map");
        dashboards.put("map (outputs)", "/insight/map?indicator=output.all");
        dashboards.put("network", "/insight/network");
        dashboards.put("industries", "/insight/industries");
        dashboards.put("indicator (outputs)", "/insight/indicators/output.all");
        dashboards.put("drill-down (outputs)", "/insight/indicators/output.all/records?page=10");
        dashboards.put("api list", "/api/v1/indicators");
        dashboards.put("api breakdown", "/api/v1/indicators/output.all?by=region");
        return dashboards;
    }

    @Override
    public Integer call() throws Exception {
        HelixCommand global = (HelixCommand) spec.root().userObject();
        PrintWriter out = spec.commandLine().getOut();
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("server.port", "0");
        properties.put("helix.demo.enabled", "false");
        properties.put("helix.embedding.background", String.valueOf(withEmbedding));
        properties.put("logging.level.root", "WARN");
        properties.put("logging.level.org.flywaydb", "ERROR");
        try (ConfigurableApplicationContext platform = Platform.web(global, properties)) {
            int port = ((WebServerApplicationContext) platform).getWebServer().getPort();
            out.println(BenchCommand.ImportBench.machine());
            out.println("registry: " + counts(platform.getBean(JdbcClient.class)));
            InsightSummaries.RefreshReport refresh = platform.getBean(InsightSummaries.class).refreshNow();
            out.printf(Locale.ROOT, "summaries rebuilt: %d indicators in %.2f s (%d failed)%n", refresh.indicators(),
                    refresh.elapsed().toNanos() / 1e9, refresh.failed());
            out.printf(Locale.ROOT, "%-22s %8s %8s %8s %8s  (%s each, after %d unmeasured)%n", "dashboard", "p50 ms", "p95 ms",
                    "p99 ms", "max ms", Counts.of(requests, "request"), warmup);
            out.flush();
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            boolean allUnder = true;
            for (Map.Entry<String, String> dashboard : DASHBOARDS.entrySet()) {
                double[] millis = measure(http, "http://localhost:" + port + dashboard.getValue());
                allUnder &= percentile(millis, 95) <= 300;
                out.printf(Locale.ROOT, "%-22s %8.1f %8.1f %8.1f %8.1f%n", dashboard.getKey(), percentile(millis, 50),
                        percentile(millis, 95), percentile(millis, 99), millis[millis.length - 1]);
                out.flush();
            }
            out.println(allUnder ? "every dashboard: p95 <= 300 ms" : "some dashboard: p95 > 300 ms");
            return 0;
        }
    }

    private double[] measure(HttpClient http, String url) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).build();
        for (int i = 0; i < warmup; i++) {
            send(http, request);
        }
        List<Double> millis = new ArrayList<>(requests);
        for (int i = 0; i < requests; i++) {
            long started = System.nanoTime();
            send(http, request);
            millis.add((System.nanoTime() - started) / 1e6);
        }
        double[] sorted = millis.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        return sorted;
    }

    private static void send(HttpClient http, HttpRequest request) throws Exception {
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(request.uri() + " answered " + response.statusCode());
        }
    }

    /** The nearest-rank percentile of sorted values. */
    static double percentile(double[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static String counts(JdbcClient jdbc) {
        return jdbc.sql("""
                select format('%s organizations, %s persons, %s outputs, %s facilities, %s demands, %s bookings',
                    (select count(*) from organization), (select count(*) from person), (select count(*) from output),
                    (select count(*) from facility), (select count(*) from demand), (select count(*) from booking))
                """).query(String.class).single();
    }
}

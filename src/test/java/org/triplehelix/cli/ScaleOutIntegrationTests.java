package org.triplehelix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.triplehelix.TripleHelixApplication;
import org.triplehelix.matching.opensearch.SingleNode;

/**
 * The platform on external engines, as an operator runs it: PostgreSQL as a separate server process
 * ({@code --db-url}) and the search index in an OpenSearch node ({@code --search-url}). The commands
 * import, rebuild the index into the cluster and match; the web platform serves from both; the
 * database server is then stopped under it (requests fail cleanly, quickly) and started again
 * (requests succeed, nothing committed is lost).
 */
class ScaleOutIntegrationTests {

    private static final Path BASE = Path.of("target/scaleout").toAbsolutePath();
    private static final Path CORPUS = Path.of("src/test/resources/matching/fixture/corpus.jsonl");

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final HttpClient http = HttpClient.newHttpClient();
    private EmbeddedPostgres postgres;
    /** A free port found at the first start (a fixed one may be another engineer's server), kept for the restart. */
    private int port;
    private String dbUrl;
    private ConfigurableApplicationContext platform;

    @AfterEach
    void stop() throws IOException {
        if (platform != null) {
            platform.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void thePlatformRunsOnAnExternalDatabaseAndASearchClusterAndSurvivesADatabaseRestart() throws Exception {
        String searchUrl = SingleNode.url();
        postgres = startPostgres(true);
        port = postgres.getPort();
        dbUrl = "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres";

        assertThat(helix("import", "--data", BASE.resolve("cli").toString(), "--db-url", dbUrl, CORPUS.toString())).as(err.toString()).isZero();
        assertThat(helix("index", "rebuild", "--lexical-only", "--db-url", dbUrl, "--search-url", searchUrl, "--data", BASE.resolve("cli").toString()))
                .as(err.toString()).isZero();
        out.reset();
        assertThat(helix("match", "--text", "固态电解质电池的研发", "--target", "person", "--k", "3", "--db-url", dbUrl,
                "--search-url", searchUrl, "--data", BASE.resolve("cli").toString())).as(err.toString()).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("person-li-wei");

        platform = new SpringApplicationBuilder(TripleHelixApplication.class).web(WebApplicationType.SERVLET).run(
                "--helix.data=" + BASE.resolve("web"), "--helix.db-url=" + dbUrl, "--helix.search-url=" + searchUrl,
                "--server.port=0", "--helix.demo.enabled=false", "--gg.jte.use-precompiled-templates=true",
                "--helix.embedding.background=false", "--logging.level.root=WARN");
        String base = "http://127.0.0.1:" + platform.getEnvironment().getProperty("local.server.port");
        assertThat(get(base + "/api/v1/match?q=" + encode("固态电解质电池的研发") + "&target=person&k=3"))
                .extracting(HttpResponse::statusCode).isEqualTo(200);
        assertThat(get(base + "/api/v1/match?q=" + encode("固态电解质电池的研发") + "&target=person&k=3").body()).contains("person-li-wei");

        // a record committed while the platform runs (by another process: the command line)
        Path record = Files.writeString(BASE.resolve("scaleout-person.jsonl"),
                "{\"kind\":\"person\",\"id\":\"scaleout-person-1\",\"name\":\"Scale Out\",\"organization\":\"org-battery-lab\"}\n");
        assertThat(helix("import", "--data", BASE.resolve("cli").toString(), "--db-url", dbUrl, "--search-url", searchUrl, record.toString())).isZero();
        assertThat(get(base + "/api/v1/persons/scaleout-person-1").statusCode()).isEqualTo(200);

        // the database server goes away: requests fail cleanly and quickly, with a problem detail
        postgres.close();
        postgres = null;
        long started = System.nanoTime();
        HttpResponse<String> during = get(base + "/api/v1/persons/scaleout-person-1");
        Duration waited = Duration.ofNanos(System.nanoTime() - started);
        assertThat(during.statusCode()).isGreaterThanOrEqualTo(500);
        assertThat(during.body()).doesNotContain("scaleout-person-1\",\"name");
        assertThat(waited).isLessThan(Duration.ofSeconds(20));

        // it comes back on the same data: requests succeed, nothing committed was lost
        postgres = startPostgres(false);
        // the pool replaces the connections the restart broke; the first request may still meet one
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        int status = get(base + "/api/v1/persons/scaleout-person-1").statusCode();
        while (status != 200 && System.nanoTime() < deadline) {
            Thread.sleep(250);
            status = get(base + "/api/v1/persons/scaleout-person-1").statusCode();
        }
        assertThat(status).as("answers again within 15 s of the restart").isEqualTo(200);
        assertThat(get(base + "/api/v1/persons/person-li-wei").statusCode()).isEqualTo(200);
        assertThat(get(base + "/api/v1/match?q=" + encode("固态电解质电池的研发") + "&target=person&k=3").body()).contains("person-li-wei");
    }

    /** A PostgreSQL server process of its own; its data stays when it stops (zonky would delete it with a clean directory). */
    private EmbeddedPostgres startPostgres(boolean fresh) throws IOException {
        if (fresh) {
            org.springframework.util.FileSystemUtils.deleteRecursively(BASE);
        }
        return EmbeddedPostgres.builder()
                .setDataDirectory(BASE.resolve("pg"))
                .setCleanDataDirectory(false)
                .setPort(fresh ? 0 : port)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("listen_addresses", "127.0.0.1")
                .start();
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).header("Accept", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private int helix(String... args) {
        return Cli.run(out, err, args);
    }
}

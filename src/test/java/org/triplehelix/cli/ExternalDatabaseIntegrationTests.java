package org.triplehelix.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.triplehelix.TripleHelixApplication;
import org.triplehelix.shared.db.ExternalDatabase;

/**
 * {@code --db-url} as an operator gets it wrong, against a real PostgreSQL server process: each
 * mistake is one line on standard error and exit code 1 before anything starts (README, "Running
 * against an external PostgreSQL"). Wrong passwords need password authentication, which this
 * server (trust) does not ask for: their message is checked in ExternalDatabaseTests.
 */
class ExternalDatabaseIntegrationTests {

    private static EmbeddedPostgres postgres;

    @TempDir
    Path data;

    @BeforeAll
    static void start() throws IOException, SQLException {
        postgres = EmbeddedPostgres.builder().setPort(0).setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("listen_addresses", "127.0.0.1").start();
        try (Connection connection = postgres.getPostgresDatabase().getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("create role reader login");
            sql.execute("create database closed");
            sql.execute("create role keeper login");
            sql.execute("create database kept owner keeper");
        }
        try (Connection connection = postgres.getDatabase("postgres", "closed").getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("revoke create on schema public from public");
        }
    }

    @AfterAll
    static void stop() throws IOException {
        postgres.close();
    }

    private String url(String database, String user) {
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + database + "?user=" + user;
    }

    @Test
    void theDatabasesOwnerPasses() {
        assertThatCode(() -> new ExternalDatabase(url("kept", "keeper"), null, null).check(data)).doesNotThrowAnyException();
    }

    @Test
    void aUserWhoMayNotCreateTablesIsRefusedWithTheGrantToRun() {
        assertThatThrownBy(() -> new ExternalDatabase(url("closed", "reader"), null, null).check(data))
                .hasMessageStartingWith("user reader may not create tables in schema public of database closed at 127.0.0.1:" + postgres.getPort())
                .hasMessageContaining("GRANT CREATE ON SCHEMA public TO reader;");
    }

    @Test
    void aServerThatIsDownIsNamed() throws IOException {
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            port = free.getLocalPort();
        }
        assertThatThrownBy(() -> new ExternalDatabase("jdbc:postgresql://127.0.0.1:" + port + "/helix", "helix", "x").check(data))
                .hasMessageStartingWith("cannot connect to PostgreSQL at 127.0.0.1:" + port)
                .hasMessageContaining("Is the server running");
    }

    @Test
    void aMissingDatabaseIsOneLineAndExitCode1() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = helix(err, "index", "status", "--data", data.toString(), "--db-url", url("nosuch", "keeper"));

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("helix index status: database nosuch does not exist at 127.0.0.1:"
                + postgres.getPort() + ". Create it, e.g. as a superuser: CREATE DATABASE nosuch OWNER keeper;" + System.lineSeparator());
    }

    private static int helix(ByteArrayOutputStream err, String... args) {
        PrintStream stderr = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            return HelixCommand.run(TripleHelixApplication.class, args);
        } finally {
            System.setErr(stderr);
        }
    }
}

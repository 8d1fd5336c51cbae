package org.triplehelix.shared.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * A command ({@code ./helix import big.jsonl}) owning the installation's database while another one ({@code ./helix user
 * add}) is attached to it: the owner, ending, waits for the other to finish before it stops the database, and does not
 * wait for one that was killed. The owner is this JVM; the attached command is a second JVM running the real attach
 * ({@link EmbeddedPostgresServer#start(Path)}) from a single-file source, on this JVM's class path, which queries the
 * database whenever it is asked to.
 */
class EmbeddedPostgresAttachedIntegrationTests {

    private static final String ATTACHED = """
            import java.io.BufferedReader;
            import java.io.InputStreamReader;
            import java.nio.file.Path;
            import java.sql.Connection;
            import java.sql.DriverManager;
            import java.sql.ResultSet;
            import org.triplehelix.shared.db.EmbeddedPostgresServer;

            public class Attached {
                public static void main(String[] args) throws Exception {
                    BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
                    try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(Path.of(args[0]))) {
                        System.out.println("attached> " + server.jdbcUrl());
                        for (String line = in.readLine(); line != null && !line.equals("end"); line = in.readLine()) {
                            try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), "postgres", "");
                                 ResultSet answer = connection.createStatement().executeQuery("select 40 + 2")) {
                                answer.next();
                                System.out.println("answered> " + answer.getInt(1));
                            }
                        }
                    }
                    System.out.println("ended>");
                }
            }
            """;

    /** The owner as {@code serve} is: its server closed from a shutdown hook (Spring's, closing the application context). */
    private static final String OWNER = """
            import java.nio.file.Path;
            import org.triplehelix.shared.db.EmbeddedPostgresServer;

            public class Owner {
                public static void main(String[] args) throws Exception {
                    EmbeddedPostgresServer server = EmbeddedPostgresServer.start(Path.of(args[0]), true);
                    Runtime.getRuntime().addShutdownHook(new Thread(server::close));
                    System.out.println("started> " + server.jdbcUrl());
                    Thread.sleep(Long.MAX_VALUE);
                }
            }
            """;

    /** An owner stopping its server: it holds {@code pg.users}'s first byte, until told to end. */
    private static final String STOPPING = """
            import java.nio.channels.FileChannel;
            import java.nio.file.Path;
            import java.nio.file.StandardOpenOption;

            public class Stopping {
                public static void main(String[] args) throws Exception {
                    try (FileChannel channel = FileChannel.open(Path.of(args[0]).resolve("pg.users"), StandardOpenOption.CREATE,
                            StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                        System.out.println(channel.tryLock(0, 1, false) == null ? "taken>" : "stopping>");
                        System.in.read();
                    }
                }
            }
            """;

    @TempDir
    Path data;

    @Test
    void theOwnerStopsTheDatabaseOnlyOnceTheCommandAttachedToItHasEnded() throws Exception {
        EmbeddedPostgresServer owner = EmbeddedPostgresServer.start(data);
        Second attached = new Second(data, "Attached", ATTACHED);
        try {
            assertThat(attached.next()).isEqualTo("attached> " + owner.jdbcUrl());

            Thread closing = Thread.ofPlatform().start(owner::close);
            closing.join(3000);
            assertThat(closing.isAlive()).as("the owner's close waits for the attached command").isTrue();
            attached.say("query");
            assertThat(attached.next()).as("the database still answers the attached command").isEqualTo("answered> 42");
            assertThat(closing.isAlive()).isTrue();

            attached.say("end");
            assertThat(attached.next()).isEqualTo("ended>");
            closing.join(60_000);
            assertThat(closing.isAlive()).as("stopped once the command ended").isFalse();
            assertThat(attached.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(attached.process.exitValue()).isZero();
            assertThat(EmbeddedPostgresServer.readyPort(data.resolve("pg"))).as("the database stopped").isNull();
        } finally {
            attached.process.destroyForcibly();
            owner.close();
        }
    }

    @Test
    void theOwnerDoesNotWaitForAnAttachedCommandThatWasKilled() throws Exception {
        EmbeddedPostgresServer owner = EmbeddedPostgresServer.start(data);
        Second attached = new Second(data, "Attached", ATTACHED);
        try {
            assertThat(attached.next()).isEqualTo("attached> " + owner.jdbcUrl());

            Thread closing = Thread.ofPlatform().start(owner::close);
            closing.join(2000);
            assertThat(closing.isAlive()).as("the owner's close waits for the attached command").isTrue();
            attached.process.destroyForcibly(); // kill -9: its locks go with it
            closing.join(30_000);
            assertThat(closing.isAlive()).as("a killed command is not waited for").isFalse();
            assertThat(EmbeddedPostgresServer.readyPort(data.resolve("pg"))).as("the database stopped").isNull();
        } finally {
            attached.process.destroyForcibly();
            owner.close();
        }
    }

    /**
     * {@code serve} stopped (Ctrl-C, kill) while this process uses its database: it waits, saying so, and the database
     * still answers; a second kill during the wait stops it at once.
     */
    @Test
    void aServeStoppedWaitsForTheCommandAttachedToItUnlessStoppedAgain() throws Exception {
        Second serve = new Second(data, "Owner", OWNER);
        try {
            assertThat(serve.next()).startsWith("started> ");
            try (EmbeddedPostgresServer attached = EmbeddedPostgresServer.start(data)) {
                serve.process.toHandle().destroy(); // SIGTERM, as Ctrl-C (the handle leaves its output open)
                assertThat(serve.logUntil("Waiting for")).endsWith("Waiting for 1 other helix process using this database (" + data
                        + ") to finish before stopping it: pid " + ProcessHandle.current().pid() + " (a command); Ctrl-C or kill stops it now");
                assertThat(serve.process.waitFor(2, TimeUnit.SECONDS)).as("serve waits for the command").isFalse();
                assertThat(answer(attached)).isEqualTo(42);

                serve.process.toHandle().destroy(); // the second one
                assertThat(serve.process.waitFor(30, TimeUnit.SECONDS)).as("stopped at once").isTrue();
                assertThat(serve.rest()).as("said once").containsOnlyOnce("Waiting for");
                assertThat(EmbeddedPostgresServer.readyPort(data.resolve("pg"))).as("the database stopped").isNull();
            }
        } finally {
            serve.process.destroyForcibly();
            serve.process.waitFor(30, TimeUnit.SECONDS);
            stopLeftPostgres(); // a failure above may leave the killed owner's PostgreSQL running
        }
    }

    /** An owner that has begun to stop its database (no one uses it any more) is not attached to. */
    @Test
    void noProcessStartsUsingADatabaseWhileItsOwnerStopsIt() throws Exception {
        Second owner = new Second(data, "Stopping", STOPPING);
        try {
            assertThat(owner.next()).isEqualTo("stopping>");
            assertThat(DatabaseUsers.register(data.resolve("pg.users"), false)).isNull();
            owner.say("end");
            assertThat(owner.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            try (DatabaseUsers.Use use = DatabaseUsers.register(data.resolve("pg.users"), false)) {
                assertThat(use).as("its lock released").isNotNull();
            }
        } finally {
            owner.process.destroyForcibly();
        }
    }

    private void stopLeftPostgres() throws IOException {
        Path pidFile = data.resolve("pg").resolve("postmaster.pid");
        if (Files.exists(pidFile)) {
            String pid = Files.readAllLines(pidFile).getFirst().strip();
            ProcessHandle.of(Long.parseLong(pid)).ifPresent(ProcessHandle::destroy);
        }
    }

    private static int answer(EmbeddedPostgresServer server) {
        SimpleDriverDataSource database = new SimpleDriverDataSource(new org.postgresql.Driver(), server.jdbcUrl(), "postgres", "");
        return JdbcClient.create(database).sql("select 40 + 2").query(Integer.class).single();
    }

    /** A second JVM on this one's class path, running a single-file source on the installation {@code data}. */
    private static final class Second {

        final Process process;
        /** What it logged (its lines that are not answers). */
        final StringBuilder log = new StringBuilder();
        private final BufferedReader out;
        private final PrintStream in;

        Second(Path data, String name, String program) throws IOException {
            Path source = Files.writeString(data.resolve(name + ".java"), program);
            process = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(),
                    "--class-path", System.getProperty("java.class.path"), source.toString(), data.toString())
                    .redirectErrorStream(true).start();
            out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            in = new PrintStream(process.getOutputStream(), true, StandardCharsets.UTF_8);
        }

        /** Its next answer (a line starting with a word and {@code >}), past its log. */
        String next() throws IOException {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.matches("[a-z]+>.*")) {
                    return line;
                }
                log.append(line).append('\n');
            }
            return "ended without an answer:\n" + log;
        }

        /** Its log up to the first line containing {@code text}, that line included. */
        String logUntil(String text) throws IOException {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                log.append(line).append('\n');
                if (line.contains(text)) {
                    return line;
                }
            }
            return "ended without logging " + text + ":\n" + log;
        }

        /** Its log to its end. */
        String rest() throws IOException {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                log.append(line).append('\n');
            }
            return log.toString();
        }

        void say(String line) {
            in.println(line);
        }
    }
}

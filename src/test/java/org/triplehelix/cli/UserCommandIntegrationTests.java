package org.triplehelix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.triplehelix.TripleHelixApplication;
import picocli.CommandLine;

/**
 * {@code helix user} on a fresh installation of its own (a data directory made for this test):
 * no account exists until {@code user add} makes one.
 */
class UserCommandIntegrationTests {

    private static final Path DATA = Path.of("target/test-cli-data");

    @BeforeAll
    static void freshInstallation() throws IOException {
        if (Files.exists(DATA)) {
            try (Stream<Path> files = Files.walk(DATA)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    @Test
    void aFreshInstallationHasNoAccountUntilUserAddMakesOne() throws IOException {
        Run list = run(Map.of(), "", "user", "list");
        assertThat(list.exitCode()).as(list.err()).isZero();
        assertThat(list.out()).contains("No accounts");

        Run weak = run(Map.of(), "P@ssw0rd2024!\n", "user", "add", "--email", "admin@example.org", "--name", "Admin", "--role", "ADMIN");
        assertThat(weak.exitCode()).isEqualTo(1);
        assertThat(weak.err()).contains("too common");

        Run added = run(Map.of(), "violet-kettle-harbor-93\n", "user", "add", "--email", "Admin@Example.org", "--name", "Platform Admin",
                "--role", "ADMIN", "--role", "reviewer");
        assertThat(added.exitCode()).as(added.err()).isZero();
        assertThat(added.out()).contains("Created account").contains("admin@example.org").contains("ADMIN,REVIEWER");

        Run again = run(Map.of("HELIX_PASSWORD", "another-violet-kettle-11"), "", "user", "add", "--email", "admin@example.org",
                "--name", "Admin", "--role", "ADMIN");
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).contains("exists already");

        Run unknownOrganization = run(Map.of("HELIX_PASSWORD", "another-violet-kettle-11"), "", "user", "add", "--email", "o@example.org",
                "--name", "Org Admin", "--role", "ORG_ADMIN", "--organization", "no-such-org");
        assertThat(unknownOrganization.exitCode()).isEqualTo(1);
        assertThat(unknownOrganization.err()).contains("no organization has the id no-such-org");

        Run reset = run(Map.of("HELIX_PASSWORD", "copper-lantern-seventy-2"), "", "user", "password", "--email", "admin@example.org");
        assertThat(reset.exitCode()).as(reset.err()).isZero();

        Run listed = run(Map.of(), "", "user", "list");
        assertThat(listed.out()).contains("admin@example.org\tPlatform Admin\tactive\tADMIN,REVIEWER").doesNotContain("No accounts");
        assertThat(DATA.resolve("pg")).as("the accounts are in the installation's database").isDirectory();
        assertThat(DATA.resolve("index")).as("the user commands never search: no search index opened or created").doesNotExist();

        int closed;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        Run withoutCluster = run(Map.of(), "", "user", "list", "--search-url", "http://127.0.0.1:" + closed);
        assertThat(withoutCluster.exitCode()).as("no search cluster asked for: " + withoutCluster.err()).isZero();
        assertThat(withoutCluster.out()).contains("admin@example.org");

        // the services are made when first asked for: the audit trail's listener still records the account made
        HelixCommand global = new HelixCommand(TripleHelixApplication.class);
        new CommandLine(global).parseArgs("--data", DATA.toString(), "user", "list");
        try (var services = Platform.withoutSearch(global)) {
            assertThat(services.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
                    .sql("select action from audit_log where entity_kind = 'user' order by id").query(String.class).list())
                    .startsWith("create");
        }
    }

    @Test
    void anUnknownRoleIsRefusedBeforeAnythingStarts() {
        Run run = run(Map.of(), "violet-kettle-harbor-93\n", "user", "add", "--email", "x@example.org", "--name", "X", "--role", "KING");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("unknown role KING");
    }

    private static Run run(Map<String, String> environment, String stdin, String... args) {
        CommandLine commandLine = new CommandLine(new HelixCommand(TripleHelixApplication.class));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("helix " + cmd.getCommandName() + ": " + Platform.describe(e));
            return 1;
        });
        ((UserCommand) commandLine.getSubcommands().get("user").getCommand()).environment = environment::get;
        InputStream stdinBefore = System.in;
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        try {
            String[] withData = Stream.concat(Stream.of(args), Stream.of("--data", DATA.toString())).toArray(String[]::new);
            int exitCode = commandLine.execute(withData);
            return new Run(exitCode, out.toString(), err.toString());
        } finally {
            System.setIn(stdinBefore);
        }
    }

    private record Run(int exitCode, String out, String err) {
    }
}

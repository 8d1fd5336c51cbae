package org.triplehelix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Common options are accepted before or after the command name (INTERCHANGE.md). */
class HelixCommandTests {

    private HelixCommand parse(String... args) {
        HelixCommand command = new HelixCommand(Object.class);
        new CommandLine(command).parseArgs(args);
        return command;
    }

    @Test
    void dataBeforeTheCommandName() {
        assertThat(parse("--data", "/tmp/a", "serve").data()).isEqualTo(Path.of("/tmp/a"));
    }

    @Test
    void dataAfterTheCommandName() {
        assertThat(parse("serve", "--data", "/tmp/b", "--port", "9000").data()).isEqualTo(Path.of("/tmp/b"));
    }

    @Test
    void dataAfterTheCommandNameWhenExecuted() {
        HelixCommand command = new HelixCommand(Object.class);
        CommandLine commandLine = new CommandLine(command);
        commandLine.addSubcommand("probe", new Probe());
        assertThat(commandLine.execute("probe", "--data", "/tmp/c")).isEqualTo(0);
        assertThat(command.data()).isEqualTo(Path.of("/tmp/c"));
    }

    @CommandLine.Command(name = "probe")
    static class Probe implements Runnable {
        @CommandLine.ParentCommand
        HelixCommand global;

        @Override
        public void run() {
            assertThat(global.data()).isEqualTo(Path.of("/tmp/c"));
        }
    }

    @Test
    void dataDefaultsToTheDataFolder() {
        HelixCommand command = parse("serve");
        assertThat(command.data()).isEqualTo(Path.of("data"));
        assertThat(command.dbUrl()).isNull();
    }

    @Test
    void dbUrlAfterTheCommandName() {
        assertThat(parse("serve", "--db-url", "jdbc:postgresql://db/helix").dbUrl()).isEqualTo("jdbc:postgresql://db/helix");
    }

    @Test
    void searchUrlBeforeOrAfterTheCommandName() {
        assertThat(parse("serve").searchUrl()).isNull();
        assertThat(parse("--search-url", "http://os:9200", "serve").searchUrl()).isEqualTo("http://os:9200");
        assertThat(parse("index", "rebuild", "--search-url", "http://a:9200,http://b:9200").searchUrl()).isEqualTo("http://a:9200,http://b:9200");
    }

    @Test
    void aFileThatCannotBeOpenedSaysWhyOnStandardErrorWithoutATrace(@TempDir Path dir) {
        Path missing = dir.resolve("no-such-qrels.txt");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream before = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int exit;
        try {
            exit = HelixCommand.run(Object.class, "eval", "--qrels", missing.toString(), "--run", missing.toString());
        } finally {
            System.setErr(before);
        }
        assertThat(exit).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8).strip()).isEqualTo("helix eval: " + missing + ": no such file or directory");
    }

    @Test
    void describesEachKindOfFileFailure() {
        assertThat(Platform.describe(new java.io.UncheckedIOException(new java.nio.file.AccessDeniedException("/etc/x"))))
                .isEqualTo("/etc/x: permission denied");
        assertThat(Platform.describe(new java.nio.file.NotDirectoryException("/tmp/f/x.jsonl"))).isEqualTo("/tmp/f/x.jsonl: not a directory");
        assertThat(Platform.describe(new IllegalArgumentException("k is 1 to 1000"))).isEqualTo("k is 1 to 1000");
    }

    /** Refused before anything starts: no embedded database created in --data for a command that cannot run. */
    @Test
    void aSearchUrlWithAPasswordIsOneLineBeforeAnythingIsCreated(@TempDir Path dir) {
        Path data = dir.resolve("data");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream before = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int exit;
        try {
            exit = HelixCommand.run(Object.class, "index", "status", "--search-url", "https://helix:s3cret-pass@search.example.org:9200",
                    "--data", data.toString());
        } finally {
            System.setErr(before);
        }
        assertThat(exit).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8).strip())
                .startsWith("helix index status: --search-url must not carry a user or password")
                .contains("HELIX_SEARCH_USER and HELIX_SEARCH_PASSWORD").doesNotContain("s3cret-pass").doesNotContain("\n");
        assertThat(data).doesNotExist();
    }
}

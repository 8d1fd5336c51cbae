package org.triplehelix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code helix match} refuses a bad option or queries file at once, naming the option or the line,
 * before the platform starts (these runs start none: the application class is a plain Object) and
 * before any run file is touched.
 */
class MatchCommandTests {

    @TempDir
    Path dir;

    record Outcome(int status, String err) {
    }

    static Outcome run(String... args) {
        PrintStream original = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int status = HelixCommand.run(Object.class, args);
            return new Outcome(status, err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(original);
        }
    }

    private Path queries() throws IOException {
        return Files.writeString(dir.resolve("q.jsonl"), "{\"id\": \"q1\", \"text\": \"电池\"}\n");
    }

    @Test
    void badOptionsAreUsageErrorsNamingTheOption() throws IOException {
        String q = queries().toString();
        String run = dir.resolve("run.txt").toString();
        assertThat(run("match", "--batch", q, "--k", "0", "--run", run)).satisfies(o -> {
            assertThat(o.status()).isEqualTo(2);
            assertThat(o.err()).contains("Invalid value for option '--k': 0 (hits per demand are 1 to 1000)");
        });
        assertThat(run("match", "--batch", q, "--k", "-5", "--run", run).status()).isEqualTo(2);
        assertThat(run("match", "--batch", q, "--k", "1001", "--run", run).status()).isEqualTo(2);
        assertThat(run("match", "--batch", q, "--target", "galaxy", "--run", run)).satisfies(o -> {
            assertThat(o.status()).isEqualTo(2);
            assertThat(o.err()).contains("Invalid value for option '--target': unknown kind galaxy");
        });
        assertThat(run("match", "--batch", q, "--tag", "my run", "--run", run)).satisfies(o -> {
            assertThat(o.status()).isEqualTo(2);
            assertThat(o.err()).contains("Invalid value for option '--tag': 'my run'");
        });
        assertThat(run("match", "--batch", q, "--threads", "0", "--run", run)).satisfies(o -> {
            assertThat(o.status()).isEqualTo(2);
            assertThat(o.err()).contains("Invalid value for option '--threads': 0");
        });
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        assertThat(run("match", "--batch", q, "--run", file.resolve("run.txt").toString())).satisfies(o -> {
            assertThat(o.status()).isEqualTo(2);
            assertThat(o.err()).contains("Invalid value for option '--run': " + file.resolve("run.txt") + ": " + file + " is a file");
        });
        assertThat(run("match", "--text", " ")).satisfies(o -> {
            assertThat(o.status()).isEqualTo(2);
            assertThat(o.err()).contains("Invalid value for option '--text': say what you are looking for");
        });
        assertThat(dir.resolve("run.txt")).doesNotExist();
    }

    @Test
    void anOptionOfTheOtherModeIsRefusedNotDropped() throws IOException {
        Path run = dir.resolve("run.txt");
        assertThat(run("match", "--text", "电池", "--run", run.toString())).satisfies(o -> {
            assertThat(o.status()).isEqualTo(2);
            assertThat(o.err()).contains("Option '--run' is for --batch, not --text");
        });
        assertThat(run("match", "--text", "电池", "--tag", "x").status()).isEqualTo(2);
        assertThat(run("match", "--batch", queries().toString(), "--spread").err()).contains("Option '--spread' is for --text, not --batch");
        assertThat(run).doesNotExist();
    }

    @Test
    void aBadQueriesFileNamesItsLinesAndLeavesTheRunAsItWas() throws IOException {
        Path q = Files.writeString(dir.resolve("q.jsonl"), "{\"id\": \"q1\", \"text\": \"电池\"}\n{\"id\": \"q1\", \"text\": \"水稻\"}\n");
        Path run = Files.writeString(dir.resolve("run.txt"), "earlier run\n");
        Outcome outcome = run("match", "--batch", q.toString(), "--run", run.toString());
        assertThat(outcome.status()).isEqualTo(1);
        assertThat(outcome.err()).contains(q + ":2: query id \"q1\" is already used on line 1");
        assertThat(Files.readString(run)).isEqualTo("earlier run\n");
    }

    @Test
    void textGetsTenHitsUnlessKIsGivenEvenAHundred() {
        assertThat(parse("match", "--text", "电池").hits()).isEqualTo(10);
        assertThat(parse("match", "--text", "电池", "--k", "100").hits()).isEqualTo(100);
        assertThat(parse("match", "--batch", "q.jsonl").hits()).isEqualTo(100);
        assertThat(parse("match", "--batch", "q.jsonl", "--k", "7").hits()).isEqualTo(7);
    }

    private static MatchCommand parse(String... args) {
        CommandLine commandLine = new CommandLine(new HelixCommand(Object.class));
        return (MatchCommand) commandLine.parseArgs(args).subcommand().commandSpec().userObject();
    }
}

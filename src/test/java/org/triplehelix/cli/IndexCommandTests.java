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

/** {@code helix index rebuild} refuses a bad option before it starts anything (no platform starts here: see MatchCommandTests). */
class IndexCommandTests {

    @Test
    void threadsBelowOneAreAUsageErrorNotTakenAsOne() {
        MatchCommandTests.Outcome outcome = MatchCommandTests.run("index", "rebuild", "--threads", "0");
        assertThat(outcome.status()).isEqualTo(2);
        assertThat(outcome.err()).contains("Invalid value for option '--threads': 0 (at least 1)");
    }

    /**
     * A command that fails half-way through a task leaves its progress bar drawn, the line open (each redraw returns to
     * its start): the error was printed on the bar's line. It starts a line of its own; a finished bar's line is not
     * ended twice.
     */
    @Test
    void anErrorAfterAProgressBarStartsOnALineOfItsOwn(@TempDir Path dir) throws IOException {
        Path queries = Files.writeString(dir.resolve("q.jsonl"), "{\"id\": \"q1\"}\n");
        PrintStream original = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int status;
        try {
            IndexCommand.Bar bar = new IndexCommand.Bar(System.err);
            bar.start("indexing", 100);
            bar.advance(40); // and the task fails: the command's error comes next
            status = HelixCommand.run(Object.class, "match", "--batch", queries.toString());
        } finally {
            System.setErr(original);
        }
        String printed = err.toString(StandardCharsets.UTF_8);
        assertThat(status).isEqualTo(1);
        assertThat(printed).startsWith("\rindexing ").contains("/100 ");
        assertThat(printed.lines().filter(line -> line.contains("helix match: ")).toList()).isNotEmpty()
                .allSatisfy(line -> assertThat(line).startsWith("helix match: "));

        ByteArrayOutputStream finished = new ByteArrayOutputStream();
        PrintStream stream = new PrintStream(finished, true, StandardCharsets.UTF_8);
        IndexCommand.Bar done = new IndexCommand.Bar(stream);
        done.start("embedding", 2);
        done.finish();
        IndexCommand.Bar.endOpenLine();
        assertThat(finished.toString(StandardCharsets.UTF_8)).endsWith("   " + System.lineSeparator()).doesNotContain(System.lineSeparator() + System.lineSeparator());
    }

    /** A library's warning logged in the middle of a task continued the bar's line; it starts a line of its own, a debug line not logged does nothing. */
    @Test
    void aWarningLoggedDuringAProgressBarStartsOnALineOfItsOwn() {
        ch.qos.logback.classic.LoggerContext log = (ch.qos.logback.classic.LoggerContext) org.slf4j.LoggerFactory.getILoggerFactory();
        org.slf4j.Logger library = org.slf4j.LoggerFactory.getLogger("ai.djl.example");
        ByteArrayOutputStream drawn = new ByteArrayOutputStream();
        IndexCommand.Bar.endLineBeforeLogs();
        IndexCommand.Bar.endLineBeforeLogs(); // once is enough
        try {
            assertThat(log.getTurboFilterList()).filteredOn(IndexCommand.Bar.EndLineBeforeLogs.class::isInstance).hasSize(1);
            IndexCommand.Bar bar = new IndexCommand.Bar(new PrintStream(drawn, true, StandardCharsets.UTF_8));
            bar.start("warm-up", 2);
            library.trace("not logged");
            assertThat(drawn.toString(StandardCharsets.UTF_8)).doesNotContain(System.lineSeparator());
            library.warn("maxLength is not explicitly specified");
            assertThat(drawn.toString(StandardCharsets.UTF_8)).startsWith("\rwarm-up ").endsWith("   " + System.lineSeparator());
            library.warn("a second warning: the line is ended once");
            assertThat(drawn.toString(StandardCharsets.UTF_8)).endsWith("   " + System.lineSeparator());
        } finally {
            log.getTurboFilterList().removeIf(IndexCommand.Bar.EndLineBeforeLogs.class::isInstance);
        }
    }
}

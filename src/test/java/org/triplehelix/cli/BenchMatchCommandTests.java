package org.triplehelix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code helix bench match --queries} reads the file as {@code match --batch} does: a bad line is named
 * ({@code FILE:LINE: reason}, status 1) before the platform starts (none starts here: the application
 * class is a plain Object, so a file read through would fail on the platform instead).
 */
class BenchMatchCommandTests {

    @TempDir
    Path dir;

    private MatchCommandTests.Outcome bench(Path queries) {
        return MatchCommandTests.run("bench", "match", "--queries", queries.toString());
    }

    @Test
    void aBadQueriesFileNamesItsLines() throws IOException {
        Path broken = Files.writeString(dir.resolve("broken.jsonl"), "{\"id\": \"q1\", \"text\": \"电池\"}\n{\"id\": \"q2\", \"text\": \n");
        assertThat(bench(broken)).satisfies(o -> {
            assertThat(o.status()).isEqualTo(1);
            assertThat(o.err()).contains("helix bench match: ", broken + ":2: invalid JSON", "1 bad line, nothing ranked");
        });
        Path textless = Files.writeString(dir.resolve("textless.jsonl"), "{\"id\": \"q1\", \"title\": \"电池\"}\n");
        assertThat(bench(textless)).satisfies(o -> {
            assertThat(o.status()).isEqualTo(1);
            assertThat(o.err()).contains(textless + ":1: a query needs \"id\" and \"text\" (no \"text\")");
        });
        Path number = Files.writeString(dir.resolve("number.jsonl"), "{\"id\": \"q1\", \"text\": 5}\n");
        assertThat(bench(number).err()).contains(number + ":1: \"text\" is not a string");
        Path empty = Files.writeString(dir.resolve("empty.jsonl"), "\n  \n");
        assertThat(bench(empty)).satisfies(o -> {
            assertThat(o.status()).isEqualTo(1);
            assertThat(o.err()).contains(empty + ": no queries");
        });
    }

    @Test
    void aByteOrderMarkAndBlankLinesAreReadAsMatchBatchReadsThem() throws IOException {
        // only the fourth line is wrong: the byte order mark, the CRLF and the blank lines are no errors, and are counted
        Path file = dir.resolve("bom.jsonl");
        Files.write(file, ("\uFEFF{\"id\": \"q1\", \"text\": \"电池\"}\r\n\r\n   \n{\"id\": \"q1\", \"text\": \"水稻\"}\n")
                .getBytes(StandardCharsets.UTF_8));
        MatchCommandTests.Outcome outcome = bench(file);
        assertThat(outcome.status()).isEqualTo(1);
        assertThat(outcome.err()).contains(file + ":4: query id \"q1\" is already used on line 1", "1 bad line, nothing ranked")
                .doesNotContain(file + ":1:", file + ":2:", file + ":3:");
    }

    @Test
    void aGoodQueriesFileIsReadThrough() throws IOException {
        // read through, the command gets as far as starting the platform, which this test has none of
        Path good = Files.writeString(dir.resolve("good.jsonl"), "{\"id\": \"q1\", \"text\": \"电池\"}\n{\"id\": \"q2\", \"text\": \"水稻\"}\n");
        assertThat(bench(good).err()).startsWith("helix bench match: ").doesNotContain(good.toString());
    }
}

package org.triplehelix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.triplehelix.TripleHelixApplication;

/**
 * {@code helix import} and {@code helix export} as a user runs them, on an installation of their
 * own (target/cli-test-data, apart from the other integration tests' database).
 */
class ImportCommandIntegrationTests {

    private static final String DATA = "target/cli-test-data";

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int helix(String... args) {
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            return HelixCommand.run(TripleHelixApplication.class, args);
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
        }
    }

    @Test
    void importsTheGoodLinesNamesEveryBadOneAndExitsNonZeroThenExportsThem(@TempDir Path directory) throws Exception {
        Path fixture = Path.of("src/test/resources/registry-import/broken.jsonl");

        int status = helix("import", "--data", DATA, fixture.toString());

        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(status).isEqualTo(1);
        assertThat(printed).contains(
                fixture + ":2 -: invalid JSON",
                fixture + ":3 -: missing required field id",
                fixture + ":4 it-org-3: unknown organization type 'castle'",
                fixture + ":5 it-person-1: dangling link: organization it-org-404 does not exist",
                fixture + ":6 it-org-4: unified social credit code has a bad checksum",
                fixture + ":10 it-person-4: ORCID iD has a bad checksum",
                fixture + ":13 it-grant-1: unknown kind 'grant' (organization, person, output, facility, demand",
                fixture + ":15 it-output-2: dangling link: people it-person-404 does not exist",
                "warning: organization: unknown field 'extra' ignored",
                "6 imported, 8 rejected");

        Path exported = directory.resolve("persons.jsonl");
        assertThat(helix("export", "--kind", "person", exported.toString(), "--data", DATA)).isZero();
        assertThat(Files.readAllLines(exported)).contains(
                "{\"kind\":\"person\",\"id\":\"it-person-3\",\"name\":\"Jane Roe\",\"organization\":\"it-org-1\"}");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("person records written");
    }

    @Test
    void aMissingFileOrAnUnknownFormatIsAUsageError(@TempDir Path directory) throws Exception {
        assertThat(helix("import", "--data", DATA, directory.resolve("nothing.jsonl").toString())).isEqualTo(2);
        Path text = Files.writeString(directory.resolve("notes.txt"), "hello");
        assertThat(helix("import", "--data", DATA, text.toString())).isEqualTo(2);
        assertThat(helix("import")).isEqualTo(2);
        assertThat(helix("export", "--kind", "castle", "x.jsonl")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no such file", "unknown format", "unknown kind castle");
    }
}

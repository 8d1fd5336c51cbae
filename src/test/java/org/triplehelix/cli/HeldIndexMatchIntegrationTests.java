package org.triplehelix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.Lock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code helix match --batch} next to a process that holds the search index (a {@code serve} on the
 * same {@code --data}; here its write lock, taken as Lucene's IndexWriter takes it). INTERCHANGE.md:
 * a batch first brings the index up to date, "so a benchmark run always ranks over the whole corpus".
 * This command cannot write a held index, so it runs only when the holder has made it complete, and
 * otherwise refuses, saying what is missing, rather than write a run over part of the corpus.
 */
class HeldIndexMatchIntegrationTests {

    private static final Path FIXTURE = Path.of("src/test/resources/matching/fixture");

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void aBatchNextToTheIndexsHolderRunsOnlyOverACompleteIndex(@TempDir Path data) throws Exception {
        assertThat(helix("import", "--data", data.toString(), FIXTURE.resolve("corpus.jsonl").toString())).as(err.toString()).isZero();
        assertThat(helix("index", "rebuild", "--lexical-only", "--data", data.toString())).as(err.toString()).isZero();

        // every document in, no vector yet: the holder has not computed them
        Path partial = data.resolve("partial.txt");
        err.reset();
        try (Directory index = FSDirectory.open(data.resolve("index")); Lock held = index.obtainLock(IndexWriter.WRITE_LOCK_NAME)) {
            assertThat(batch(data, partial)).isEqualTo(1);
        }
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("helix match: the search index is held by another process", "the semantic index is 0% ready",
                        "stop that process and run this again");
        assertThat(partial).doesNotExist();
        // after whatever progress was drawn, the refusal starts a line of its own
        assertThat(err.toString(StandardCharsets.UTF_8).lines().filter(line -> line.contains("helix match: ")).toList()).isNotEmpty()
                .allSatisfy(line -> assertThat(line).startsWith("helix match: "));

        // alone, the command completes the index itself and ranks
        Path alone = data.resolve("alone.txt");
        assertThat(batch(data, alone)).as(err.toString()).isZero();
        assertThat(Files.readAllLines(alone)).isNotEmpty();

        // held again, but complete now: the same ranking as alone
        Path beside = data.resolve("beside.txt");
        try (Directory index = FSDirectory.open(data.resolve("index")); Lock held = index.obtainLock(IndexWriter.WRITE_LOCK_NAME)) {
            assertThat(batch(data, beside)).as(err.toString()).isZero();
        }
        assertThat(Files.readAllLines(beside)).isEqualTo(Files.readAllLines(alone));
    }

    private int batch(Path data, Path run) {
        return helix("match", "--data", data.toString(), "--batch", FIXTURE.resolve("queries.jsonl").toString(),
                "--target", "person", "--k", "5", "--run", run.toString());
    }

    private int helix(String... args) {
        return Cli.run(out, err, args);
    }
}

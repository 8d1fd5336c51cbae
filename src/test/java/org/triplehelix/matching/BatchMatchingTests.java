package org.triplehelix.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.Mockito;
import org.triplehelix.matching.embedding.Embeddings;
import org.triplehelix.shared.InvalidInputException;

/** A queries file is read whole or refused naming every bad line; a run file is written whole or not at all. */
class BatchMatchingTests {

    @TempDir
    Path dir;

    private Path queries(String content) throws IOException {
        return Files.writeString(dir.resolve("q.jsonl"), content, StandardCharsets.UTF_8);
    }

    private String refusal(String content) throws IOException {
        Path file = queries(content);
        return assertThatThrownBy(() -> BatchMatching.read(file, EntityKind.PERSON))
                .isInstanceOf(InvalidInputException.class).actual().getMessage();
    }

    @Test
    void aByteOrderMarkCrlfLineEndsAndBlankLinesAreRead() throws IOException {
        List<BatchMatching.Query> read = BatchMatching.read(queries("\uFEFF{\"id\": \"q1\", \"text\": \"电池\"}\r\n\r\n"
                + "{\"id\": 7, \"text\": \"水稻\", \"target\": \"organization\"}\r\n"), EntityKind.PERSON);
        assertThat(read).containsExactly(new BatchMatching.Query("q1", "电池", EntityKind.PERSON),
                new BatchMatching.Query("7", "水稻", EntityKind.ORGANIZATION));
    }

    @Test
    void everyBadLineIsNamedWithItsFileAndNumber() throws IOException {
        String message = refusal("""
                {"id": "q1", "text": "电池"}
                {"id": "q2", "text":
                {"id": "q3"}
                {"id": "q1", "text": "水稻"}
                {"id": "q 4", "text": "水稻"}
                {"id": "q5", "text": ["水稻"]}
                {"id": "q6", "text": "  "}
                {"id": "q7", "text": "水稻", "target": "galaxy"}
                [1, 2]
                """);
        String file = dir.resolve("q.jsonl").toString();
        assertThat(message).contains(file + ":2: invalid JSON")
                .contains(file + ":3: a query needs \"id\" and \"text\" (no \"text\")")
                .contains(file + ":4: query id \"q1\" is already used on line 1")
                .contains(file + ":5: \"id\" \"q 4\" holds a space")
                .contains(file + ":6: \"text\" is not a string")
                .contains(file + ":7: \"text\": say what you are looking for")
                .contains(file + ":8: \"target\": unknown kind galaxy")
                .contains(file + ":9: not a JSON object")
                .contains(file + ": 8 bad lines, nothing ranked")
                .doesNotContain(":1:");
    }

    @Test
    void aLineThatIsNotUtf8IsNamed() throws IOException {
        Path file = dir.resolve("gbk.jsonl");
        Files.write(file, "{\"id\": \"q1\", \"text\": \"电池\"}\n{\"id\": \"q2\", \"text\": \"电池\"}\n".getBytes("GB18030"));
        assertThatThrownBy(() -> BatchMatching.read(file, EntityKind.PERSON)).hasMessageContaining(file + ":1: not UTF-8 text")
                .hasMessageContaining(file + ":2: not UTF-8 text");
    }

    @Test
    void aFileWithoutQueriesIsRefused() throws IOException {
        Path file = queries("\n  \r\n");
        assertThatThrownBy(() -> BatchMatching.read(file, EntityKind.PERSON)).hasMessage(file + ": no queries (one {\"id\", \"text\"} object a line)");
    }

    @Test
    void aFolderIsNotAQueriesFile() {
        assertThatThrownBy(() -> BatchMatching.read(dir, EntityKind.PERSON)).hasMessage(dir + ": is a folder, not a file");
    }

    @Test
    void aRunPathThatCannotBeWrittenIsRefusedBeforeAnythingRuns() throws IOException {
        Path file = Files.writeString(dir.resolve("file"), "x");
        assertThatThrownBy(() -> BatchMatching.checkRunPath(file.resolve("sub/run.txt")))
                .hasMessage(file.resolve("sub/run.txt") + ": " + file + " is a file, not a folder");
        assertThatThrownBy(() -> BatchMatching.checkRunPath(dir)).hasMessage(dir + ": is a folder, not a file");
        BatchMatching.checkRunPath(dir.resolve("new/folder/run.txt")); // created when the run is written
    }

    @Test
    void aBatchThatFailsLeavesNoHalfWrittenRunAndAnEarlierRunAsItWas() throws IOException {
        Embeddings embeddings = Mockito.mock(Embeddings.class);
        when(embeddings.enabled()).thenReturn(false);
        MatchService matching = Mockito.mock(MatchService.class);
        MatchService.Ranked hit = new MatchService.Ranked("person-a", 1.5);
        when(matching.rank(any(), any())).thenReturn(List.of(hit)).thenThrow(new IllegalStateException("the index went away"));
        Path run = Files.writeString(dir.resolve("run.txt"), "earlier run\n");
        List<BatchMatching.Query> batch = List.of(new BatchMatching.Query("q1", "电池", EntityKind.PERSON),
                new BatchMatching.Query("q2", "水稻", EntityKind.PERSON));

        assertThatThrownBy(() -> new BatchMatching(matching, embeddings).run(batch, 10, "t", 1, run, Progress.NONE))
                .hasMessage("the index went away");
        assertThat(Files.readString(run)).isEqualTo("earlier run\n");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(run);
        }
    }

    @Test
    void aBatchThatSucceedsReplacesTheRunWhole() throws IOException {
        Embeddings embeddings = Mockito.mock(Embeddings.class);
        MatchService matching = Mockito.mock(MatchService.class);
        MatchService.Ranked hit = new MatchService.Ranked("person-a", 1.5);
        when(matching.rank(any(), any())).thenReturn(List.of(hit));
        Path run = Files.writeString(dir.resolve("run.txt"), "earlier run\n");

        new BatchMatching(matching, embeddings).run(List.of(new BatchMatching.Query("q1", "电池", EntityKind.PERSON)), 10, "t", 1,
                run, Progress.NONE);
        assertThat(Files.readString(run)).isEqualTo("q1 Q0 person-a 1 1.5000 t\n");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(run);
        }
    }

    @Test
    void aBatchDeletesWhatAKilledBatchLeftButNotARunningOnesFile() throws IOException {
        Embeddings embeddings = Mockito.mock(Embeddings.class);
        MatchService matching = Mockito.mock(MatchService.class);
        when(matching.rank(any(), any())).thenReturn(List.of(new MatchService.Ranked("person-a", 1.5)));
        long gone = ProcessHandle.allProcesses().mapToLong(ProcessHandle::pid).max().orElseThrow() + 100_000;
        long alive = ProcessHandle.current().parent().orElseThrow().pid();
        Path killed = Files.writeString(dir.resolve(BatchMatching.partialName("run.txt", gone)), "q1 Q0 person-a 1 1.5000 t\n");
        Path running = Files.writeString(dir.resolve(BatchMatching.partialName("run.txt", alive)), "");
        Path otherRun = Files.writeString(dir.resolve(BatchMatching.partialName("other.txt", gone)), "");
        Path run = dir.resolve("run.txt");

        new BatchMatching(matching, embeddings).run(List.of(new BatchMatching.Query("q1", "电池", EntityKind.PERSON)), 10, "t", 1,
                run, Progress.NONE);
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactlyInAnyOrder(run, running, otherRun);
        }
        assertThat(killed).doesNotExist();
    }
}

package org.triplehelix.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.triplehelix.shared.InvalidInputException;

/**
 * The metrics are the benchmark's: on a fixture with repeated hits, ties, scores out of rank order,
 * graded and zero judgements, an unjudged and an unanswered query, {@code helix eval} prints what
 * {@code expertfind.py eval} prints (values below computed by it).
 */
class RunEvaluationTests {

    @Test
    void scoresAFixtureRunExactlyAsTheBenchmarkScriptDoes() throws URISyntaxException {
        RunEvaluation.Metrics metrics = RunEvaluation.evaluate(resource("qrels.txt"), resource("run.txt"));
        assertThat(metrics.ndcg10()).isCloseTo(0.38828627586736697, within(1e-12));
        assertThat(metrics.mrr100()).isCloseTo(0.3977272727272727, within(1e-12));
        assertThat(metrics.recall10()).isCloseTo(0.5, within(1e-12));
        assertThat(metrics.recall100()).isCloseTo(0.75, within(1e-12));
        assertThat(metrics.line()).isEqualTo("ndcg@10=0.3883 mrr@100=0.3977 recall@10=0.5000 recall@100=0.7500 queries=4 answered=3");
    }

    @Test
    void aRunIsReadByScoreThenRankWithRepeatsCountedOnce() {
        Map<String, List<String>> run = RunEvaluation.readRun(List.of(
                "q Q0 b 2 1.0 t", "q Q0 a 1 1.0 t", "q Q0 c 3 2.0 t", "q Q0 a 4 0.5 t"));
        assertThat(run.get("q")).containsExactly("c", "a", "b");
    }

    @Test
    void aPerfectRunScoresOne() {
        Map<String, Map<String, Integer>> qrels = RunEvaluation.readQrels(List.of("q1 0 a 1", "q2 0 b 1"));
        Map<String, List<String>> run = Map.of("q1", List.of("a"), "q2", List.of("b", "c"));
        RunEvaluation.Metrics metrics = RunEvaluation.evaluate(qrels, run);
        assertThat(List.of(metrics.ndcg10(), metrics.mrr100(), metrics.recall10(), metrics.recall100())).containsOnly(1.0);
    }

    @Test
    void aBadQrelsLineIsRefusedWithItsFileAndLineNotSkipped() {
        assertThatThrownBy(() -> RunEvaluation.readQrels("q.txt", List.of("q1 0 a 1", "", "q1 0 b high")))
                .isInstanceOf(InvalidInputException.class).hasMessage("q.txt:3: the grade \"high\" is not a whole number");
        assertThatThrownBy(() -> RunEvaluation.readQrels("q.txt", List.of("q1 0 a 1", "q1 0 b")))
                .hasMessage("q.txt:2: a judgement is 4 columns, \"query 0 entity grade\", not 3");
        // blank lines, a byte order mark and CRLF ends are no judgements and no errors
        assertThat(RunEvaluation.readQrels("q.txt", List.of("\uFEFFq1 0 a 1\r", "  ", "q1 0 b 0"))).isEqualTo(Map.of("q1", Map.of("a", 1)));
    }

    @Test
    void aBadRunLineIsRefusedWithItsFileAndLine() {
        assertThatThrownBy(() -> RunEvaluation.readRun("r.txt", List.of("q Q0 a 1 2.0 t", "q Q0 b one 1.0 t")))
                .hasMessage("r.txt:2: the rank \"one\" is not a whole number");
        assertThatThrownBy(() -> RunEvaluation.readRun("r.txt", List.of("q Q0 a 1 high t")))
                .hasMessage("r.txt:1: the score \"high\" is not a number");
        // qrels given as the run: refused, not scored 0
        assertThatThrownBy(() -> RunEvaluation.readRun("r.txt", List.of("q1 0 a 1")))
                .hasMessage("r.txt:1: a run line is 6 columns, \"query Q0 entity rank score tag\", not 4");
    }

    @Test
    void theFilesAreNamedWhenEvaluated(@TempDir Path dir) throws Exception {
        Path qrels = Files.writeString(dir.resolve("qrels.txt"), "q1 0 a 1\nq1 0 b x\n");
        assertThatThrownBy(() -> RunEvaluation.evaluate(qrels, resource("run.txt"))).hasMessage(qrels + ":2: the grade \"x\" is not a whole number");
        Path unjudged = Files.writeString(dir.resolve("empty.txt"), "\nq1 0 a 0\n");
        assertThatThrownBy(() -> RunEvaluation.evaluate(unjudged, resource("run.txt")))
                .hasMessage(unjudged + ": no judgement with a positive grade, nothing to score against");
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(RunEvaluationTests.class.getResource("/matching/eval/" + name).toURI());
    }
}

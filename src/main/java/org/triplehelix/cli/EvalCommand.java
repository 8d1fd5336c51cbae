package org.triplehelix.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.triplehelix.matching.RunEvaluation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code helix eval --qrels QRELS --run RUN}: nDCG@10, MRR@100, Recall@10, Recall@100 of a TREC run. */
@Command(name = "eval", description = "Score a TREC run against TREC qrels: nDCG@10, MRR@100, Recall@10, Recall@100.")
class EvalCommand implements Callable<Integer> {

    @Option(names = "--qrels", required = true, paramLabel = "QRELS", description = "Judgements, TREC qrels format.")
    Path qrels;

    @Option(names = "--run", required = true, paramLabel = "RUN", description = "A ranking, TREC run format.")
    Path run;

    @Override
    public Integer call() {
        System.out.println(RunEvaluation.evaluate(qrels, run).line());
        return 0;
    }
}

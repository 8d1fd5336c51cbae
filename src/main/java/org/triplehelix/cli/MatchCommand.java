package org.triplehelix.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "match", description = "Rank experts, organizations, outputs or facilities for a demand.")
class MatchCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        return 1;
    }
}

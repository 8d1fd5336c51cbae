package org.triplehelix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code helix index rebuild} refuses a bad option before it starts anything (no platform starts here: see MatchCommandTests). */
class IndexCommandTests {

    @Test
    void threadsBelowOneAreAUsageErrorNotTakenAsOne() {
        MatchCommandTests.Outcome outcome = MatchCommandTests.run("index", "rebuild", "--threads", "0");
        assertThat(outcome.status()).isEqualTo(2);
        assertThat(outcome.err()).contains("Invalid value for option '--threads': 0 (at least 1)");
    }
}

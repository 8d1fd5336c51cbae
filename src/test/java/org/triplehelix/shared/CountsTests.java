package org.triplehelix.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CountsTests {

    @Test
    void oneIsSingularAndAnyOtherCountPlural() {
        assertThat(Counts.of(1, "warning")).isEqualTo("1 warning");
        assertThat(Counts.of(0, "warning")).isEqualTo("0 warnings");
        assertThat(Counts.of(2, "request")).isEqualTo("2 requests");
        assertThat(Counts.of(1, "match", "matches")).isEqualTo("1 match");
        assertThat(Counts.of(500, "match", "matches")).isEqualTo("500 matches");
        assertThat(Counts.of(0, "warm-up match", "warm-up matches")).isEqualTo("0 warm-up matches");
    }
}

package org.triplehelix.registry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LastOccurrencesTests {

    @Test
    void onlyTheLastPositionOfAnIdIsTheLast() {
        LastOccurrences last = new LastOccurrences();
        for (int i = 0; i < 100_000; i++) {
            last.put("person", "p-" + i, i);
        }
        last.put("person", "p-7", 200_000);
        assertThat(last.isLast("person", "p-7", 7)).isFalse();
        assertThat(last.isLast("person", "p-7", 200_000)).isTrue();
        assertThat(last.isLast("person", "p-99999", 99_999)).isTrue();
        assertThat(last.isLast("organization", "p-7", 7)).as("another kind, never seen").isTrue();
    }
}

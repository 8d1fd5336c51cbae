package org.triplehelix.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LockoutRuleTests {

    private static final Instant NOW = Instant.parse("2025-06-01T08:00:00Z");

    @Test
    void nineFailuresOnlyCount() {
        LockoutRule.Outcome outcome = LockoutRule.afterFailure(9, NOW);
        assertThat(outcome.locks()).isFalse();
        assertThat(outcome.failedAttempts()).isEqualTo(9);
    }

    @Test
    void theTenthFailureLocksForFifteenMinutesAndRestartsTheCount() {
        LockoutRule.Outcome outcome = LockoutRule.afterFailure(10, NOW);
        assertThat(outcome.locks()).isTrue();
        assertThat(outcome.lockedUntil()).isEqualTo(NOW.plus(Duration.ofMinutes(15)));
        assertThat(outcome.failedAttempts()).isZero();
    }

    @Test
    void aLockHoldsUntilItsEnd() {
        Instant until = NOW.plus(LockoutRule.LOCK_DURATION);
        assertThat(LockoutRule.locked(until, NOW)).isTrue();
        assertThat(LockoutRule.locked(until, until.minusSeconds(1))).isTrue();
        assertThat(LockoutRule.locked(until, until)).isFalse();
        assertThat(LockoutRule.locked(null, NOW)).isFalse();
    }
}

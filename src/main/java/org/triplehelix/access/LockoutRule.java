package org.triplehelix.access;

import java.time.Duration;
import java.time.Instant;

/**
 * Ten failed sign-ins in a row lock an account for fifteen minutes; the counter then starts again
 * from zero, and a successful sign-in resets it. While locked, sign-in is refused before the
 * password is even checked, so guessing on does not extend or reveal anything.
 */
final class LockoutRule {

    static final int MAX_FAILED_ATTEMPTS = 10;
    static final Duration LOCK_DURATION = Duration.ofMinutes(15);

    private LockoutRule() {
    }

    /** The state after a failure, given the failed attempts in a row counting this one. */
    static Outcome afterFailure(int failedAttempts, Instant now) {
        if (failedAttempts >= MAX_FAILED_ATTEMPTS) {
            return new Outcome(0, now.plus(LOCK_DURATION));
        }
        return new Outcome(failedAttempts, null);
    }

    static boolean locked(Instant lockedUntil, Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    /** The failed attempts to store and, when this failure locks the account, until when. */
    record Outcome(int failedAttempts, Instant lockedUntil) {

        boolean locks() {
            return lockedUntil != null;
        }
    }
}

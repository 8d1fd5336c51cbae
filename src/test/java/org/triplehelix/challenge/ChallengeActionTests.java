package org.triplehelix.challenge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.triplehelix.shared.ConflictException;

/** The state machine: every legal transition is taken, every other action from every status is refused (409). */
class ChallengeActionTests {

    /** The legal transitions, written out independently of the enum. */
    static final Map<String, String> LEGAL = Map.ofEntries(
            Map.entry("draft publish", "published"),
            Map.entry("draft cancel", "cancelled"),
            Map.entry("published start-review", "under_review"),
            Map.entry("published close", "closed"),
            Map.entry("published cancel", "cancelled"),
            Map.entry("under_review award", "awarded"),
            Map.entry("under_review close", "closed"),
            Map.entry("awarded start", "in_progress"),
            Map.entry("awarded terminate", "terminated"),
            Map.entry("in_progress accept", "accepted"),
            Map.entry("in_progress terminate", "terminated"));

    @Test
    void everyLegalTransitionIsTakenAndEveryIllegalOneRefused() {
        int legal = 0;
        int illegal = 0;
        for (ChallengeStatus status : ChallengeStatus.values()) {
            for (ChallengeAction action : ChallengeAction.values()) {
                Challenge challenge = new Challenge(1, "ch-test", status, Instant.now(), null, null, 0);
                String expected = LEGAL.get(status.code() + " " + action.code());
                if (expected != null) {
                    assertThat(challenge.perform(action).code()).as(status + " " + action).isEqualTo(expected);
                    legal++;
                } else {
                    assertThatThrownBy(() -> challenge.perform(action)).as(status + " " + action).isInstanceOf(ConflictException.class);
                    assertThat(challenge.status()).isEqualTo(status);
                    illegal++;
                }
            }
        }
        assertThat(legal).isEqualTo(LEGAL.size());
        assertThat(illegal).isEqualTo(ChallengeStatus.values().length * ChallengeAction.values().length - LEGAL.size());
    }

    @Test
    void terminalStatusesAllowNothing() {
        for (ChallengeStatus status : ChallengeStatus.values()) {
            boolean anyAction = java.util.Arrays.stream(ChallengeAction.values()).anyMatch(a -> a.allowedFrom(status));
            assertThat(anyAction).as(status.code()).isEqualTo(!status.terminal());
        }
    }

    @Test
    void theCallTakesApplicationsOnlyWhilePublishedAndBeforeTheDeadline() {
        Instant deadline = Instant.parse("2026-06-30T16:00:00Z");
        new Challenge(1, "c", ChallengeStatus.PUBLISHED, deadline, null, null, 0).requireOpenCall(deadline.minusSeconds(1));
        assertThatThrownBy(() -> new Challenge(1, "c", ChallengeStatus.PUBLISHED, deadline, null, null, 0).requireOpenCall(deadline))
                .isInstanceOf(ConflictException.class).hasMessageContaining("deadline");
        assertThatThrownBy(() -> new Challenge(1, "c", ChallengeStatus.UNDER_REVIEW, deadline, null, null, 0)
                .requireOpenCall(deadline.minusSeconds(60))).isInstanceOf(ConflictException.class);
    }

    @Test
    void actionsAreNamedInUrlsWithDashes() {
        assertThat(ChallengeAction.of("start-review")).isEqualTo(ChallengeAction.START_REVIEW);
        assertThat(ChallengeAction.START_REVIEW.code()).isEqualTo("start-review");
    }
}

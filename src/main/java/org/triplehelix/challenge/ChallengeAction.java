package org.triplehelix.challenge;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.triplehelix.shared.ConflictException;
import org.triplehelix.shared.NotFoundException;

/**
 * The legal transitions of a challenge: each action from the statuses it may start from to the
 * status it leads to. Anything else is refused with a 409.
 */
public enum ChallengeAction {
    PUBLISH(ChallengeStatus.PUBLISHED, ChallengeStatus.DRAFT),
    START_REVIEW(ChallengeStatus.UNDER_REVIEW, ChallengeStatus.PUBLISHED),
    AWARD(ChallengeStatus.AWARDED, ChallengeStatus.UNDER_REVIEW),
    START(ChallengeStatus.IN_PROGRESS, ChallengeStatus.AWARDED),
    ACCEPT(ChallengeStatus.ACCEPTED, ChallengeStatus.IN_PROGRESS),
    TERMINATE(ChallengeStatus.TERMINATED, ChallengeStatus.AWARDED, ChallengeStatus.IN_PROGRESS),
    CLOSE(ChallengeStatus.CLOSED, ChallengeStatus.PUBLISHED, ChallengeStatus.UNDER_REVIEW),
    CANCEL(ChallengeStatus.CANCELLED, ChallengeStatus.DRAFT, ChallengeStatus.PUBLISHED);

    private final ChallengeStatus to;
    private final Set<ChallengeStatus> from;

    ChallengeAction(ChallengeStatus to, ChallengeStatus first, ChallengeStatus... more) {
        this.to = to;
        this.from = EnumSet.of(first, more);
    }

    public ChallengeStatus to() {
        return to;
    }

    public boolean allowedFrom(ChallengeStatus status) {
        return from.contains(status);
    }

    /** The status after this action, or a 409 naming both. */
    public ChallengeStatus apply(ChallengeStatus status) {
        if (!allowedFrom(status)) {
            throw new ConflictException("a challenge that is " + status.code() + " cannot " + code().replace('-', ' '),
                    java.util.Map.of("status", status.code(), "action", code()), status.conflictKey());
        }
        return to;
    }

    /** The action's name in URLs ({@code start-review}). */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static ChallengeAction of(String code) {
        try {
            return valueOf(code.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new NotFoundException("action", code);
        }
    }
}

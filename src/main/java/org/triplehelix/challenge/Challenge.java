package org.triplehelix.challenge;

import java.time.Instant;
import org.triplehelix.shared.ConflictException;

/**
 * The aggregate that guards a challenge's life: its status changes only through
 * {@link #perform(ChallengeAction)}, and applications only while the call is open.
 */
final class Challenge {

    /** The deadline as a conflict names it to a reader, in the region's time. */
    private static final java.time.format.DateTimeFormatter DEADLINE =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(Challenges.ZONE);

    private final long id;
    private final String extId;
    private final Instant deadline;
    private final Long sponsorOrganizationId;
    private final Long createdBy;
    private final int version;
    private ChallengeStatus status;

    Challenge(long id, String extId, ChallengeStatus status, Instant deadline, Long sponsorOrganizationId, Long createdBy, int version) {
        this.id = id;
        this.extId = extId;
        this.status = status;
        this.deadline = deadline;
        this.sponsorOrganizationId = sponsorOrganizationId;
        this.createdBy = createdBy;
        this.version = version;
    }

    /** Moves to the action's status, or 409. */
    ChallengeStatus perform(ChallengeAction action) {
        status = action.apply(status);
        return status;
    }

    /** Applications are taken while published and before the deadline; else 409. */
    void requireOpenCall(Instant now) {
        if (status != ChallengeStatus.PUBLISHED) {
            throw new ConflictException("the challenge is " + status.code() + ": it takes no applications",
                    java.util.Map.of("status", status.code()), status.conflictKey());
        }
        if (!now.isBefore(deadline)) {
            throw new ConflictException("the application deadline (" + deadline + ") has passed",
                    java.util.Map.of("deadline", deadline.toString()), "challenge.conflict.deadlinePassed",
                    DEADLINE.format(deadline));
        }
    }

    long id() {
        return id;
    }

    String extId() {
        return extId;
    }

    ChallengeStatus status() {
        return status;
    }

    Instant deadline() {
        return deadline;
    }

    Long sponsorOrganizationId() {
        return sponsorOrganizationId;
    }

    Long createdBy() {
        return createdBy;
    }

    int version() {
        return version;
    }
}

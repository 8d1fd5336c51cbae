package org.triplehelix.challenge;

import java.util.Locale;

/** Where a challenge is in its life. */
public enum ChallengeStatus {
    DRAFT, PUBLISHED, UNDER_REVIEW, AWARDED, IN_PROGRESS, ACCEPTED, TERMINATED, CLOSED, CANCELLED;

    /** The value stored and shown in URLs ({@code under_review}). */
    @com.fasterxml.jackson.annotation.JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    @com.fasterxml.jackson.annotation.JsonCreator
    public static ChallengeStatus of(String code) {
        return valueOf(code.strip().toUpperCase(Locale.ROOT));
    }

    /**
     * The message key of a conflict this status causes ({@code challenge.conflict.status.closed}: "this
     * challenge is closed without an award"), so that a page names the exact status in the way.
     */
    public String conflictKey() {
        return "challenge.conflict.status." + code();
    }

    public boolean terminal() {
        return this == ACCEPTED || this == TERMINATED || this == CLOSED || this == CANCELLED;
    }

    /** Visible to everyone (a draft only to its sponsor and the department). */
    public boolean isPublic() {
        return this != DRAFT;
    }
}

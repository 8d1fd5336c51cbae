package org.triplehelix.challenge;

import java.util.List;
import org.triplehelix.shared.Text;

/**
 * A possible reviewer of a challenge: a REVIEWER account, its registry profile, how well its
 * expertise fits (matching's rank among people, null when it is not among the best), whether it
 * is eligible and why (conflicts of interest, or why it is in).
 */
public record ReviewerCandidate(long userId, String name, String personExtId, Text person, Text organization,
                                Integer expertiseRank, boolean eligible, boolean assigned, List<Reason> reasons) {

    /** A reason for or against: a code ({@code same-organization}, {@code shared-parent}, {@code co-author}, …) and what it concerns. */
    public record Reason(String code, String message, String detail) {
    }
}

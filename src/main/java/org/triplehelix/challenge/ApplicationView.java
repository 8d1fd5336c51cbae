package org.triplehelix.challenge;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.triplehelix.shared.Text;

/**
 * An application with its consortium, plan, commitments and attachments (the content of which is downloaded apart); its
 * status is submitted, won, lost or withdrawn; {@code updatedAt} is its last edit (null: never edited) and {@code version}
 * the one an edit is saved against.
 */
public record ApplicationView(long id, long challengeId, String challengeExtId, Text challengeTitle, ChallengeStatus challengeStatus,
                              Member lead, List<Member> partners, List<Member> people, String plan, String status,
                              Instant submittedAt, List<Commitment> commitments, List<Attachment> attachments,
                              Instant updatedAt, Instant withdrawnAt, int version) {

    public boolean withdrawn() {
        return "withdrawn".equals(status);
    }

    /** A consortium member: an organization (with its type) or a person. */
    public record Member(String kind, String extId, Text name, String type) {
    }

    /** The pledge against one target. */
    public record Commitment(int position, String indicator, String unit, BigDecimal threshold, boolean higherIsBetter,
                             BigDecimal value, boolean meetsThreshold) {
    }

    public record Attachment(long id, String fileName, String contentType, int size) {
    }
}

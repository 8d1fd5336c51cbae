package org.triplehelix.challenge;

import java.time.Instant;
import org.triplehelix.shared.Text;

/**
 * An invitation of the department to an organization to apply to a challenge. It is open while
 * the challenge is published, its deadline has not passed and the organization is in none of its
 * consortia yet; the organization's users see only open ones. {@code invitedBy} is the inviting
 * account's display name (null once that account is gone).
 */
public record InvitationView(String challengeExtId, Text challengeTitle, String organizationExtId, Text organization,
                             String invitedBy, Instant invitedAt, Instant deadline) {
}

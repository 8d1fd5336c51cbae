package org.triplehelix.challenge;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.triplehelix.shared.Text;

/**
 * A challenge as shown: its call, its state and, once awarded, the award; {@code health} is
 * on_track or at_risk for a challenge in delivery (null otherwise); the winner (the awarded
 * consortium's lead organization) is public once awarded.
 */
public record ChallengeView(long id, String extId, Text title, Text problem, String technologyCode, Text technology,
                            String industryCode, Text industry, String sponsorKind, String sponsorExtId, Text sponsor,
                            BigDecimal budget, Integer durationMonths, String eligibility, String ipTerms, Instant deadline,
                            ChallengeStatus status, List<Criterion> rubric, List<Target> targets, boolean illustrative,
                            Long awardedApplicationId, String winnerExtId, Text winner, String awardRationale, Instant awardedAt, String verdict,
                            String verdictNote, long applications, String health, int version) {

    public String statusCode() {
        return status.code();
    }

    public ChallengeView withHealth(String value) {
        return new ChallengeView(id, extId, title, problem, technologyCode, technology, industryCode, industry, sponsorKind,
                sponsorExtId, sponsor, budget, durationMonths, eligibility, ipTerms, deadline, status, rubric, targets,
                illustrative, awardedApplicationId, winnerExtId, winner, awardRationale, awardedAt, verdict, verdictNote, applications, value, version);
    }
}

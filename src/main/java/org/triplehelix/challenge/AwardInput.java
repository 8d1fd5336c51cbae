package org.triplehelix.challenge;

import java.util.List;
import org.triplehelix.shared.InvalidInputException;

/** The award: the winning application, the rationale, and the milestones it defines. */
public record AwardInput(Long applicationId, String rationale, List<MilestoneDraft> milestones) {

    /** The longest rationale of an award. */
    public static final int MAX_RATIONALE = 5_000;

    public AwardInput {
        if (applicationId == null) {
            throw new InvalidInputException("applicationId", "name the winning application", "challenge.error.award.application");
        }
        if (rationale == null || rationale.isBlank()) {
            throw new InvalidInputException("rationale", "record why this application wins", "challenge.error.award.rationale");
        }
        rationale = rationale.strip();
        ChallengeDraft.refuseLonger("rationale", rationale, MAX_RATIONALE);
        milestones = milestones == null ? List.of() : List.copyOf(milestones);
        if (milestones.isEmpty() || milestones.size() > 20) {
            throw new InvalidInputException("milestones", "the award defines 1 to 20 milestones", "challenge.error.award.milestones");
        }
    }
}

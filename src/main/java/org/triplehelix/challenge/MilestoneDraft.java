package org.triplehelix.challenge;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.triplehelix.shared.InvalidInputException;

/** A milestone the award defines: a deliverable, a due date and the funding tranche paid on it. */
public record MilestoneDraft(String title, String deliverable, LocalDate due, BigDecimal tranche) {

    public MilestoneDraft {
        if (title == null || title.isBlank() || title.length() > 200) {
            throw new InvalidInputException("milestones", "each milestone has a title (at most 200 characters)", "challenge.error.milestone.title");
        }
        if (deliverable == null || deliverable.isBlank()) {
            throw new InvalidInputException("milestones", "each milestone names its deliverable", "challenge.error.milestone.deliverable");
        }
        if (due == null) {
            throw new InvalidInputException("milestones", "each milestone has a due date", "challenge.error.milestone.due");
        }
        if (tranche == null || tranche.signum() < 0) {
            throw new InvalidInputException("milestones", "each milestone's tranche is an amount in yuan, zero or more",
                    "challenge.error.milestone.tranche");
        }
        title = title.strip();
        deliverable = deliverable.strip();
    }
}

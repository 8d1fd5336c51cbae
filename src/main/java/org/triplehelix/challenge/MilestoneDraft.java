package org.triplehelix.challenge;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.triplehelix.shared.InvalidInputException;

/** A milestone the award defines: a deliverable, a due date and the funding tranche paid on it. */
public record MilestoneDraft(String title, String deliverable, LocalDate due, BigDecimal tranche) {

    /** The longest title of a milestone. */
    public static final int MAX_TITLE = 200;
    /** The longest deliverable: a line that names it, not its specification. */
    public static final int MAX_DELIVERABLE = 500;

    public MilestoneDraft {
        if (title == null || title.isBlank() || title.strip().length() > MAX_TITLE) {
            throw new InvalidInputException("milestones", "each milestone has a title (at most 200 characters)", "challenge.error.milestone.title");
        }
        if (deliverable == null || deliverable.isBlank()) {
            throw new InvalidInputException("milestones", "each milestone names its deliverable", "challenge.error.milestone.deliverable");
        }
        ChallengeDraft.refuseLonger("milestones", deliverable.strip(), MAX_DELIVERABLE, "challenge.error.milestone.long.deliverable");
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

package org.triplehelix.challenge;

import java.math.BigDecimal;
import org.triplehelix.shared.InvalidInputException;

/**
 * A measurable technical target: an indicator, its unit and the threshold the team's pledge and,
 * at acceptance, its result are held to (at least the threshold, or at most when lower is better).
 */
public record Target(Long id, int position, String indicator, String unit, BigDecimal threshold, boolean higherIsBetter) {

    public Target {
        if (indicator == null || indicator.isBlank() || indicator.length() > 200) {
            throw new InvalidInputException("targets", "each target names its indicator (at most 200 characters)",
                    "challenge.error.target.indicator");
        }
        if (unit == null || unit.isBlank() || unit.length() > 40) {
            throw new InvalidInputException("targets", "each target has a unit (at most 40 characters)", "challenge.error.target.unit");
        }
        if (threshold == null) {
            throw new InvalidInputException("targets", "each target has a threshold", "challenge.error.target.threshold");
        }
        indicator = indicator.strip();
        unit = unit.strip();
    }

    /** Whether a value reaches the threshold. */
    public boolean met(BigDecimal value) {
        return value != null && (higherIsBetter ? value.compareTo(threshold) >= 0 : value.compareTo(threshold) <= 0);
    }
}

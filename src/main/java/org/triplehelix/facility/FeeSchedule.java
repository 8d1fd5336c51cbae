package org.triplehelix.facility;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.triplehelix.shared.InvalidInputException;

/**
 * An instrument's rates in CNY, per hour of machine time or per sample: one for internal users
 * (the owner's organization and its units), one for everyone else.
 */
public record FeeSchedule(FeeUnit unit, BigDecimal internalRate, BigDecimal externalRate) {

    public static final FeeSchedule FREE = new FeeSchedule(FeeUnit.HOUR, BigDecimal.ZERO, BigDecimal.ZERO);

    public FeeSchedule {
        if (unit == null) {
            throw new InvalidInputException("feeUnit", "the fee unit is hour or sample", "facility.error.feeUnit");
        }
        internalRate = rate("internalRate", internalRate);
        externalRate = rate("externalRate", externalRate);
    }

    public BigDecimal rate(RateClass rateClass) {
        return rateClass == RateClass.INTERNAL ? internalRate : externalRate;
    }

    /**
     * The fee of a usage: rate × hours, or rate × samples for a per-sample instrument, rounded
     * half up to the fen.
     */
    public Charge charge(RateClass rateClass, Usage usage) {
        BigDecimal quantity = switch (unit) {
            case HOUR -> usage.hours();
            case SAMPLE -> {
                if (usage.samples() == null) {
                    throw new InvalidInputException("samples", "this instrument is charged per sample: give the number of samples",
                            "facility.error.samplesRequired");
                }
                yield BigDecimal.valueOf(usage.samples());
            }
        };
        BigDecimal rate = rate(rateClass);
        return new Charge(unit, rateClass, rate, quantity, rate.multiply(quantity).setScale(2, RoundingMode.HALF_UP));
    }

    /** The rate of {@code field} as stored (to the fen), or its refusal: also checked alone by the profile form's validation. */
    static BigDecimal rate(String field, BigDecimal rate) {
        if (rate == null || rate.signum() < 0) {
            throw new InvalidInputException(field, "a rate is a number of yuan, 0 or more", "facility.error." + field);
        }
        if (rate.stripTrailingZeros().scale() > 2) {
            throw new InvalidInputException(field, "a rate is given to the fen (two decimals) at most", "facility.error." + field);
        }
        if (rate.compareTo(BigDecimal.valueOf(10_000_000)) >= 0) {
            throw new InvalidInputException(field, "the rate is implausibly high", "facility.error." + field);
        }
        return rate.setScale(2, RoundingMode.UNNECESSARY);
    }
}

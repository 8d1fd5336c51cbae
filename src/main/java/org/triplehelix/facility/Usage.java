package org.triplehelix.facility;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import org.triplehelix.shared.InvalidInputException;

/**
 * What a booking actually used: machine hours (to the hundredth) and, for an instrument charged
 * per sample, the number of samples. Effective machine hours are counted from {@code hours}.
 */
public record Usage(BigDecimal hours, Integer samples) {

    /** A month of continuous use: more is a typing error. */
    static final BigDecimal MAX_HOURS = BigDecimal.valueOf(744);

    public Usage {
        if (hours == null) {
            throw new InvalidInputException("hours", "the hours used are missing", "facility.error.hoursMissing");
        }
        if (hours.signum() <= 0 || hours.compareTo(MAX_HOURS) > 0) {
            throw new InvalidInputException("hours", "the hours used must be more than 0 and at most " + MAX_HOURS,
                    "facility.error.hoursRange", MAX_HOURS);
        }
        if (hours.stripTrailingZeros().scale() > 2) {
            throw new InvalidInputException("hours", "the hours used are given to the hundredth at most", "facility.error.hoursScale");
        }
        hours = hours.setScale(2, RoundingMode.UNNECESSARY);
        if (samples != null && samples < 0) {
            throw new InvalidInputException("samples", "the number of samples cannot be negative", "facility.error.samplesNegative");
        }
    }

    public static Usage of(String hours, Integer samples) {
        return new Usage(new BigDecimal(hours), samples);
    }

    /** The hours of a duration, rounded half up to the hundredth (machine time as measured). */
    public static BigDecimal hoursOf(Duration duration) {
        return BigDecimal.valueOf(duration.toSeconds()).divide(BigDecimal.valueOf(3600), 2, RoundingMode.HALF_UP);
    }
}

package org.triplehelix.facility;

import java.math.BigDecimal;

/** Usage as recorded at completion or corrected at confirmation: hours (to the hundredth) and samples. */
public record UsageInput(BigDecimal hours, Integer samples) {

    /** The usage, or null when no hours are given (completion then counts the time since the start). */
    Usage usage() {
        return hours == null ? null : new Usage(hours, samples);
    }
}

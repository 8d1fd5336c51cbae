package org.triplehelix.facility;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * Which rate a booking pays: internal when the booker's organization is the owner's organization
 * or one of its units, external otherwise (also for a booker without an organization). External
 * use is what the sharing indicators count as service to others.
 */
public enum RateClass {

    INTERNAL, EXTERNAL;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RateClass of(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}

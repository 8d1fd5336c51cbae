package org.triplehelix.facility;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import org.triplehelix.shared.InvalidInputException;

/** What a rate is charged per: an hour of machine time or a sample measured. */
public enum FeeUnit {

    HOUR, SAMPLE;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static FeeUnit of(String code) {
        try {
            return valueOf(code.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidInputException("feeUnit", "the fee unit is hour or sample", "facility.error.feeUnit");
        }
    }
}

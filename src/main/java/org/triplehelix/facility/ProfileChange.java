package org.triplehelix.facility;

import java.math.BigDecimal;
import java.util.Map;

/**
 * A change of a facility's profile: every field left null keeps its value. Opening hours, when
 * given, replace the whole week: weekday names ({@code monday} … {@code sunday}) to
 * {@code {"opens": "08:30", "closes": "17:30"}}; a day left out is closed.
 */
public record ProfileChange(String locationZh, String locationEn, String model, String maker, String capabilitiesZh,
                            String capabilitiesEn, String feeUnit, BigDecimal internalRate, BigDecimal externalRate,
                            Integer minMinutes, Integer maxMinutes, Integer slotMinutes, Integer leadMinutes,
                            Integer horizonDays, Boolean approvalRequired, Boolean trainingRequired,
                            Map<String, DayHours> openingHours, Integer version) {

    /** One weekday's hours, "HH:MM" each. */
    public record DayHours(String opens, String closes) {
    }
}

package org.triplehelix.facility;

import java.math.BigDecimal;
import java.util.Map;

/**
 * A change of a facility's profile: every field left null keeps its value. Opening hours change
 * the days they name, weekday names ({@code monday} … {@code sunday}): a day given as
 * {@code {"opens": "08:30", "closes": "17:30"}} opens then, a day given as {@code null} is closed, a
 * day left out keeps its hours. Closing a day is written, never implied: a change that names
 * Monday alone cannot close the rest of the week.
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

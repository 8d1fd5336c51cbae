package org.triplehelix.facility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.triplehelix.shared.InvalidInputException;

/** A profile change is checked field by field: the page gets every refusal, the service throws the first as before. */
class ProfileRefusalsTests {

    static ProfileChange change(String maker, String feeUnit, BigDecimal internalRate, Integer maxMinutes, Integer horizonDays,
                                Map<String, ProfileChange.DayHours> hours) {
        return new ProfileChange(null, null, null, maker, null, null, feeUnit, internalRate, null, null, maxMinutes, null, null,
                horizonDays, null, null, hours, null);
    }

    @Test
    void everyRefusedFieldIsReportedInTheOrderTheServiceChecksThem() {
        ProfileChange bad = change("m".repeat(201), "litre", new BigDecimal("-5"), 10, 900,
                Map.of("monday", new ProfileChange.DayHours("09:00", "08:00")));
        var refusals = FacilityCatalog.refusals(FacilityProfile.defaults(), bad);
        assertThat(refusals).extracting(InvalidInputException::field)
                .containsExactly("maker", "feeUnit", "internalRate", "openingHours", "maxMinutes", "horizonDays");
        assertThat(refusals).extracting(InvalidInputException::key).containsExactly("facility.error.tooLong", "facility.error.feeUnit",
                "facility.error.internalRate", "facility.error.openingHours", "facility.error.maxMinutes", "facility.error.horizonDays");
        assertThat(refusals.getFirst().args()).containsExactly(200);
        assertThatThrownBy(() -> FacilityCatalog.merge(FacilityProfile.defaults(), bad))
                .isInstanceOf(InvalidInputException.class).extracting("field").isEqualTo("maker");
    }

    @Test
    void aGoodChangeHasNoRefusalAndMerges() {
        ProfileChange good = change("Bruker", "sample", new BigDecimal("88.5"), 240, 60,
                Map.of("monday", new ProfileChange.DayHours("09:00", "12:00")));
        assertThat(FacilityCatalog.refusals(FacilityProfile.defaults(), good)).isEmpty();
        FacilityProfile merged = FacilityCatalog.merge(FacilityProfile.defaults(), good);
        assertThat(merged.maker()).isEqualTo("Bruker");
        assertThat(merged.fees().internalRate()).isEqualTo(new BigDecimal("88.50"));
        assertThat(merged.rules().maxMinutes()).isEqualTo(240);
        assertThat(merged.rules().horizonDays()).isEqualTo(60);
        // the day named changes; the weekdays left out keep their hours
        assertThat(merged.rules().openingHours().on(java.time.DayOfWeek.MONDAY)).isEqualTo(OpeningHours.Hours.of("09:00", "12:00"));
        assertThat(merged.rules().openingHours().days()).hasSize(5);
    }

    /** A refused day is named: the API's detail said "close after they open" of a body giving the whole week. */
    @Test
    void aRefusedDayOfTheOpeningHoursIsNamed() {
        Map<String, ProfileChange.DayHours> week = new java.util.LinkedHashMap<>();
        week.put("monday", new ProfileChange.DayHours("08:00", "17:00"));
        week.put("friday", new ProfileChange.DayHours("18:00", "08:00"));
        assertThatThrownBy(() -> FacilityCatalog.merge(FacilityProfile.defaults(), change(null, null, null, null, null, week)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("friday: opening hours run from 00:00 to 24:00, and close after they open")
                .extracting("field", "key").containsExactly("openingHours", "facility.error.openingHours");
        week.put("friday", new ProfileChange.DayHours("8h", "17:00"));
        assertThatThrownBy(() -> FacilityCatalog.merge(FacilityProfile.defaults(), change(null, null, null, null, null, week)))
                .hasMessage("friday: a time of day is written HH:MM");
    }

    /** {"monday": null} closed the whole week: a day given as null is closed, the days left out keep their hours. */
    @Test
    void openingHoursChangeTheDaysNamedAndKeepTheOthers() {
        Map<String, ProfileChange.DayHours> week = new java.util.HashMap<>();
        week.put("monday", null);
        week.put("saturday", new ProfileChange.DayHours("09:00", "12:00"));
        FacilityProfile merged = FacilityCatalog.merge(FacilityProfile.defaults(), change(null, null, null, null, null, week));
        OpeningHours hours = merged.rules().openingHours();
        assertThat(hours.days().keySet()).containsExactly(java.time.DayOfWeek.TUESDAY, java.time.DayOfWeek.WEDNESDAY,
                java.time.DayOfWeek.THURSDAY, java.time.DayOfWeek.FRIDAY, java.time.DayOfWeek.SATURDAY);
        assertThat(hours.on(java.time.DayOfWeek.TUESDAY)).isEqualTo(OpeningHours.Hours.of("08:30", "17:30"));
        assertThat(hours.on(java.time.DayOfWeek.SATURDAY)).isEqualTo(OpeningHours.Hours.of("09:00", "12:00"));

        Map<String, ProfileChange.DayHours> closedExplicitly = new java.util.HashMap<>();
        for (String day : java.util.List.of("monday", "tuesday", "wednesday", "thursday", "friday")) {
            closedExplicitly.put(day, null);
        }
        assertThat(FacilityCatalog.merge(FacilityProfile.defaults(), change(null, null, null, null, null, closedExplicitly))
                .rules().openingHours().days()).as("closing every day is possible, written day by day").isEmpty();
        assertThat(FacilityCatalog.merge(FacilityProfile.defaults(), change(null, null, null, null, null, Map.of()))
                .rules().openingHours()).isEqualTo(OpeningHours.standard());
    }

    /** A lead time of 2147483647 minutes (4,000 years) was taken: a year is the most, and exactly a year is fine. */
    @Test
    void aLeadTimeOfMoreThanAYearIsRefusedNamingTheField() {
        assertThat(BookingRules.refusals(30, 480, 60, Integer.MAX_VALUE, 90, OpeningHours.standard()))
                .singleElement().satisfies(refusal -> {
                    assertThat(refusal.field()).isEqualTo("leadMinutes");
                    assertThat(refusal.getMessage()).isEqualTo("the lead time is 0 to 525600 minutes (365 days)");
                    assertThat(refusal.key()).isEqualTo("facility.error.leadMinutes");
                    assertThat(refusal.args()).containsExactly("525600");
                });
        assertThat(BookingRules.refusals(30, 480, 60, BookingRules.MAX_LEAD_MINUTES, 366, OpeningHours.standard())).isEmpty();
        assertThatThrownBy(() -> new BookingRules(30, 480, 60, BookingRules.MAX_LEAD_MINUTES + 1, 90, false, false, OpeningHours.standard()))
                .isInstanceOf(InvalidInputException.class).extracting("field").isEqualTo("leadMinutes");
    }

    /**
     * A lead time of 200 days under a horizon of 90 was taken, and left no slot to book: a booking starts no earlier
     * than the lead time and no later than the horizon. Refused on the lead time, saying the horizon; so is a lead
     * time exactly as long as the horizon (only one instant would be left), and a minute less is fine.
     */
    @Test
    void aLeadTimeAsLongAsTheHorizonOrLongerIsRefusedOnTheLeadTime() {
        assertThat(BookingRules.refusals(30, 480, 60, 200 * 1440, 90, OpeningHours.standard()))
                .singleElement().satisfies(refusal -> {
                    assertThat(refusal.field()).isEqualTo("leadMinutes");
                    assertThat(refusal.getMessage()).isEqualTo("the lead time must be shorter than the horizon of 90 days (129600 minutes)");
                    assertThat(refusal.key()).isEqualTo("facility.error.leadBeyondHorizon");
                    assertThat(refusal.args()).containsExactly("90");
                });
        assertThat(BookingRules.refusals(30, 480, 60, 90 * 1440, 90, OpeningHours.standard()))
                .extracting(InvalidInputException::key).containsExactly("facility.error.leadBeyondHorizon");
        assertThat(BookingRules.refusals(30, 480, 60, 90 * 1440 - 1, 90, OpeningHours.standard())).isEmpty();
        assertThatThrownBy(() -> new BookingRules(30, 480, 60, 2 * 1440, 1, false, false, OpeningHours.standard()))
                .isInstanceOf(InvalidInputException.class).extracting("field").isEqualTo("leadMinutes");
        // A horizon or lead time out of its own range gets its own message only, not this one as well.
        assertThat(BookingRules.refusals(30, 480, 60, 2 * 1440, 0, OpeningHours.standard()))
                .extracting(InvalidInputException::field).containsExactly("horizonDays");
    }

    /** Shortening only the horizon below the lead time already stored is refused on the lead time; the profile keeps its rules. */
    @Test
    void aHorizonShortenedBelowTheStoredLeadTimeIsRefused() {
        FacilityProfile current = FacilityCatalog.merge(FacilityProfile.defaults(),
                new ProfileChange(null, null, null, null, null, null, null, null, null, null, null, null, 3 * 1440, 30, null, null, null, null));
        assertThat(current.rules().leadMinutes()).isEqualTo(3 * 1440);
        var refusals = FacilityCatalog.refusals(current, change(null, null, null, null, 2, null));
        assertThat(refusals).extracting(InvalidInputException::field).containsExactly("leadMinutes");
        assertThat(refusals.getFirst().args()).containsExactly("2");
        assertThatThrownBy(() -> FacilityCatalog.merge(current, change(null, null, null, null, 2, null)))
                .isInstanceOf(InvalidInputException.class).extracting("key").isEqualTo("facility.error.leadBeyondHorizon");
        assertThat(FacilityCatalog.merge(current, change(null, null, null, null, 4, null)).rules().horizonDays()).isEqualTo(4);
    }

    @Test
    void theBookingRulesStillRefuseTheirFirstBadFieldWhenConstructed() {
        assertThat(BookingRules.refusals(0, 10, 45, -1, 1, OpeningHours.standard())).extracting(InvalidInputException::field)
                .containsExactly("minMinutes", "slotMinutes", "leadMinutes");
        assertThatThrownBy(() -> new BookingRules(0, 10, 45, -1, 1, false, false, OpeningHours.standard()))
                .isInstanceOf(InvalidInputException.class).extracting("field").isEqualTo("minMinutes");
    }
}

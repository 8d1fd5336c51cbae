package org.triplehelix.facility.web;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.triplehelix.facility.BookingRules;
import org.triplehelix.facility.FacilityProfile;
import org.triplehelix.facility.FeeUnit;
import org.triplehelix.facility.Instrument;
import org.triplehelix.facility.ProfileChange;
import org.triplehelix.shared.Text;

/** An instrument in the API: the registry's record and this module's profile, opening hours as the profile takes them. */
record InstrumentJson(String id, String type, Text name, Text description, List<String> keywords, String organization,
                      Text organizationName, String region, boolean illustrative, Text location, String model, String maker,
                      Text capabilities, FeeUnit feeUnit, BigDecimal internalRate, BigDecimal externalRate, int minMinutes,
                      int maxMinutes, int slotMinutes, int leadMinutes, int horizonDays, boolean approvalRequired,
                      boolean trainingRequired, Map<String, ProfileChange.DayHours> openingHours,
                      List<Instrument.Manager> managers, boolean profileStored, int version, boolean canManage) {

    static InstrumentJson of(Instrument instrument, boolean canManage) {
        FacilityProfile profile = instrument.profile();
        BookingRules rules = profile.rules();
        Map<String, ProfileChange.DayHours> hours = new LinkedHashMap<>();
        rules.openingHours().days().forEach((day, h) ->
                hours.put(day.name().toLowerCase(Locale.ROOT), new ProfileChange.DayHours(h.opensText(), h.closesText())));
        return new InstrumentJson(instrument.extId(), instrument.type(), instrument.name(), instrument.description(),
                instrument.keywords(), instrument.organizationExtId(), instrument.organizationName(), instrument.regionCode(),
                instrument.illustrative(), profile.location(), profile.model(), profile.maker(), profile.capabilities(),
                profile.fees().unit(), profile.fees().internalRate(), profile.fees().externalRate(), rules.minMinutes(),
                rules.maxMinutes(), rules.slotMinutes(), rules.leadMinutes(), rules.horizonDays(), rules.approvalRequired(),
                rules.trainingRequired(), hours, instrument.managers(), profile.stored(), profile.version(), canManage);
    }
}

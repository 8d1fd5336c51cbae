package org.triplehelix.matching;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What a user writes when posting or editing a demand (the form, the JSON body, an imported record).
 * {@code extId} may be left out on a post (one is made up); {@code version} is the one the edit
 * started from (a stale version is a conflict). Enumerations are given by their lower-case ids.
 */
public record DemandDraft(String extId, String titleZh, String titleEn, String descriptionZh, String descriptionEn,
                          List<String> keywords, String organization, String industry, String region, BigDecimal budgetMin,
                          BigDecimal budgetMax,
                          @tools.jackson.databind.annotation.JsonDeserialize(using = DemandDraft.WholeNumber.class) Integer trl,
                          String ipStance, String visibility, LocalDate deadline,
                          List<String> parties, Integer version) {

    public DemandDraft {
        keywords = keywords == null ? List.of() : keywords;
        parties = parties == null ? List.of() : parties;
    }

    /** The draft of an existing demand, for its edit form. */
    public static DemandDraft of(Demand d) {
        return new DemandDraft(d.extId(), d.titleZh(), d.titleEn(), d.descriptionZh(), d.descriptionEn(), d.keywords(),
                d.organization(), d.industry(), d.region(), d.budgetMin(), d.budgetMax(), d.trl(),
                d.ipStance() == null ? null : d.ipStance().id(), d.visibility().id(), d.deadline(), d.parties(), d.version());
    }

    /**
     * The readiness level of a JSON body as a whole number: {@code 5.5} is refused as any value of the wrong type is
     * ("trl must be a whole number"), where Jackson would cut it to 5 without a word; {@code 5.0} is 5.
     */
    public static final class WholeNumber extends tools.jackson.databind.deser.std.StdScalarDeserializer<Integer> {

        public WholeNumber() {
            super(Integer.class);
        }

        @Override
        public Integer deserialize(tools.jackson.core.JsonParser p, tools.jackson.databind.DeserializationContext ctxt) {
            if (p.currentToken() == tools.jackson.core.JsonToken.VALUE_NUMBER_FLOAT) {
                BigDecimal value = p.getDecimalValue();
                if (value.stripTrailingZeros().scale() > 0 || value.abs().compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
                    return (Integer) ctxt.handleUnexpectedToken(Integer.class, p);
                }
                return value.intValueExact();
            }
            return ctxt.readValue(p, Integer.class);
        }
    }
}

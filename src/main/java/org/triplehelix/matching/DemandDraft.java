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
                          BigDecimal budgetMax, Integer trl, String ipStance, String visibility, LocalDate deadline,
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
}

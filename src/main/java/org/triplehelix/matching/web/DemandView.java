package org.triplehelix.matching.web;

import org.triplehelix.matching.Demand;
import org.triplehelix.matching.MatchResult;
import org.triplehelix.shared.Text;
import org.triplehelix.shared.web.PageContext;

/**
 * What a demand's page shows: the demand, its industry in both languages (the registry's names of an industry
 * code, else the text as typed; null without one), its matches for one target, and whether the viewer may change it.
 */
public record DemandView(Demand demand, Text industry, String target, MatchResult matches, boolean canEdit) {

    /** Who posted it as the page says it: an account's email, or the import, the command line or the platform itself. */
    public String postedBy(PageContext ctx) {
        String by = demand.createdBy();
        return switch (by) {
            case "import", "cli", "system" -> ctx.msg("matching.demand.postedBy." + by);
            default -> by;
        };
    }
}

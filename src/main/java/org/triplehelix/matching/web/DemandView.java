package org.triplehelix.matching.web;

import org.triplehelix.matching.Demand;
import org.triplehelix.matching.MatchResult;

/** What a demand's page shows: the demand, its matches for one target, and whether the viewer may change it. */
public record DemandView(Demand demand, String target, MatchResult matches, boolean canEdit) {
}

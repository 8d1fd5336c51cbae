package org.triplehelix.challenge;

import java.util.Map;
import org.triplehelix.shared.Text;

/**
 * One key core technology in the program view: how many of its challenges are open, under
 * review, in delivery (awarded), on track, at risk, accepted (the keys of {@link #COLUMNS}).
 */
public record ProgramRow(String technologyCode, Text technology, Map<String, Long> counts) {

    public static final java.util.List<String> COLUMNS = java.util.List.of("published", "under_review", "awarded", "on_track",
            "at_risk", "accepted");

    public long count(String column) {
        return counts.getOrDefault(column, 0L);
    }
}

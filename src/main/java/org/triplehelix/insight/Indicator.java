package org.triplehelix.insight;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.triplehelix.shared.Text;

/**
 * One declared indicator: what it is called and means, its unit, what it can be broken down by,
 * its yearly targets and the statement that returns one row per counted record.
 *
 * @param source where it was declared (the file name, for messages)
 * @param marksIllustrative whether the statement returns the optional {@code illustrative} column
 */
public record Indicator(String code, String module, Text name, Text definition, Text unit, List<Dimension> breakdowns,
                        Text categoryLabel, Map<Integer, BigDecimal> targets, int order, Measure measure, String statement,
                        String source, boolean marksIllustrative) {

    /** How the rows make the value: their number, or the sum of their weight. */
    public enum Measure { COUNT, SUM }

    public Indicator {
        breakdowns = List.copyOf(breakdowns);
        targets = Map.copyOf(targets);
    }

    /** This indicator, knowing whether its statement returns the optional {@code illustrative} column. */
    Indicator withIllustrativeColumn(boolean present) {
        return new Indicator(code, module, name, definition, unit, breakdowns, categoryLabel, targets, order, measure, statement,
                source, present);
    }

    public boolean breaksDownBy(Dimension dimension) {
        return dimension.declaredBy(Set.copyOf(breakdowns));
    }

    /** The target for a year, or null. */
    public BigDecimal target(int year) {
        return targets.get(year);
    }
}

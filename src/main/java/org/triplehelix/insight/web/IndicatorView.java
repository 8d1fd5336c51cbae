package org.triplehelix.insight.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.triplehelix.insight.Dimension;
import org.triplehelix.insight.Filter;
import org.triplehelix.insight.Indicator;
import org.triplehelix.insight.Indicators;

/** One indicator under a filter: its value and a breakdown by each dimension it declares. */
public record IndicatorView(Indicator indicator, Filter filter, BigDecimal value, List<Table> tables) {

    /** One breakdown; every part links to its records. */
    public record Table(Dimension by, List<Indicators.Part> parts) {
    }

    static IndicatorView of(Indicators indicators, Indicator indicator, Filter filter) {
        List<Table> tables = new ArrayList<>();
        for (Dimension by : indicator.breakdowns()) {
            tables.add(new Table(by, indicators.breakdown(indicator, by, filter)));
        }
        return new IndicatorView(indicator, filter, indicators.value(indicator, filter), tables);
    }
}

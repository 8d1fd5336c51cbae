package org.triplehelix.insight.web;

import java.util.ArrayList;
import java.util.List;
import org.triplehelix.insight.Dimension;
import org.triplehelix.insight.Filter;
import org.triplehelix.insight.Indicator;
import org.triplehelix.insight.Indicators;

/** The industry groups (traditional, emerging, future): each indicator that has them, split by group and by industry. */
public record IndustryView(Integer year, Filter filter, List<Row> rows) {

    /** One indicator's value per industry group and per industry. */
    public record Row(Indicator indicator, List<Indicators.Part> groups, List<Indicators.Part> industries) {
    }

    static IndustryView of(Indicators indicators, Integer year) {
        Filter filter = Filter.year(year);
        List<Row> rows = new ArrayList<>();
        for (Indicator indicator : indicators.all()) {
            if (indicator.breaksDownBy(Dimension.INDUSTRY_GROUP)) {
                List<Indicators.Part> industries = indicator.breaksDownBy(Dimension.INDUSTRY)
                        ? indicators.breakdown(indicator, Dimension.INDUSTRY, filter) : List.of();
                rows.add(new Row(indicator, indicators.breakdown(indicator, Dimension.INDUSTRY_GROUP, filter), industries));
            }
        }
        return new IndustryView(year, filter, rows);
    }
}

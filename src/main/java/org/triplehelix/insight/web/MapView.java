package org.triplehelix.insight.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.triplehelix.insight.Dimension;
import org.triplehelix.insight.Filter;
import org.triplehelix.insight.Indicator;
import org.triplehelix.insight.Indicators;

/** The Hubei map of one indicator: its value per prefecture; the choices of indicators that have regions. */
public record MapView(Indicator indicator, Integer year, List<Indicators.Part> prefectures, BigDecimal hubei,
                     List<Indicator> choices, String dataJson) {

    static MapView of(Indicators indicators, Indicator indicator, Integer year) {
        List<Indicators.Part> prefectures = indicators.prefectures(indicator, year);
        Filter hubei = Filter.year(year).with(Dimension.PROVINCE, Indicators.HUBEI);
        List<Map<String, Object>> data = new ArrayList<>();
        for (Indicators.Part part : prefectures) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("name", part.label().zh());
            item.put("label", part.label());
            item.put("code", part.key());
            item.put("value", part.value());
            item.put("href", Requests.records(indicator.code(), hubei, Dimension.REGION, part.key()));
            data.add(item);
        }
        List<Indicator> choices = indicators.all().stream().filter(i -> i.breaksDownBy(Dimension.REGION)).toList();
        return new MapView(indicator, year, prefectures, indicators.value(indicator, hubei), choices,
                OverviewView.JSON.writeValueAsString(data));
    }

    /** The filter of the records of one prefecture (for links in the table). */
    public Filter filter() {
        return Filter.year(year).with(Dimension.PROVINCE, Indicators.HUBEI);
    }
}

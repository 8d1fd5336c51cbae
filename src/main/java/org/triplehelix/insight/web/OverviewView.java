package org.triplehelix.insight.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.triplehelix.insight.Filter;
import org.triplehelix.insight.Indicator;
import org.triplehelix.insight.Indicators;
import tools.jackson.databind.json.JsonMapper;

/** The overview: every indicator's value (all years and the chosen year), its target and its trend. */
public record OverviewView(int year, List<Card> cards, Indicators.Freshness freshness) {

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** One indicator on the overview. */
    public record Card(Indicator indicator, BigDecimal total, BigDecimal yearValue, BigDecimal target,
                       Map<Integer, BigDecimal> trend, String trendJson) {

        public boolean hasTrend() {
            return !trend.isEmpty();
        }
    }

    static OverviewView of(Indicators indicators, int year) {
        Map<String, BigDecimal> totals = indicators.values(Filter.ALL);
        Map<String, BigDecimal> ofYear = indicators.values(Filter.year(year));
        Map<String, Map<Integer, BigDecimal>> trends = indicators.trends();
        List<Card> cards = new ArrayList<>();
        for (Indicator indicator : indicators.all()) {
            Map<Integer, BigDecimal> trend = recent(trends.get(indicator.code()), indicator, year);
            cards.add(new Card(indicator, totals.get(indicator.code()), ofYear.get(indicator.code()), indicator.target(year),
                    trend, trendJson(indicator, trend)));
        }
        return new OverviewView(year, cards, indicators.freshness());
    }

    /** The last ten years up to the chosen one, with zeros where nothing counted and the years that have a target. */
    static Map<Integer, BigDecimal> recent(Map<Integer, BigDecimal> trend, Indicator indicator, int year) {
        if (trend == null || trend.isEmpty() && indicator.targets().isEmpty()) {
            return Map.of();
        }
        TreeSet<Integer> years = new TreeSet<>();
        for (int y = year - 9; y <= year; y++) {
            years.add(y);
        }
        years.addAll(indicator.targets().keySet());
        Map<Integer, BigDecimal> recent = new LinkedHashMap<>();
        years.forEach(y -> recent.put(y, trend.getOrDefault(y, BigDecimal.ZERO)));
        return recent;
    }

    static String trendJson(Indicator indicator, Map<Integer, BigDecimal> trend) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("years", trend.keySet().stream().map(String::valueOf).toList());
        data.put("actual", trend.values());
        data.put("target", trend.keySet().stream().map(indicator::target).toList());
        return JSON.writeValueAsString(data);
    }
}

package org.triplehelix.insight.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.triplehelix.insight.Dimension;
import org.triplehelix.insight.Filter;
import org.triplehelix.insight.Indicator;
import org.triplehelix.insight.Indicators;

/**
 * What an annual briefing says, in one language: the headline numbers (all years, the year, its
 * target), every indicator's trend over ten years, and the regional indicators by prefecture.
 * The XLSX and PDF writers lay out the same content.
 */
record Briefing(int year, Locale locale, String title, String generated, List<String> headlineHeader, List<Headline> headlines,
                List<Integer> years, List<String> trendNames, List<List<BigDecimal>> trends, List<String> prefectureHeader,
                List<List<String>> prefectures, String note) {

    record Headline(String name, BigDecimal total, BigDecimal ofYear, BigDecimal target, String progress, String unit) {
    }

    static Briefing of(Indicators indicators, MessageSource messages, int year, Locale locale) {
        Map<String, BigDecimal> totals = indicators.values(Filter.ALL);
        Map<String, BigDecimal> ofYear = indicators.values(Filter.year(year));
        List<Headline> headlines = new ArrayList<>();
        for (Indicator indicator : indicators.all()) {
            BigDecimal value = ofYear.get(indicator.code());
            headlines.add(new Headline(indicator.name().in(locale), totals.get(indicator.code()), value, indicator.target(year),
                    Requests.progress(value, indicator.target(year)), indicator.unit().in(locale)));
        }
        List<Integer> years = new ArrayList<>();
        for (int y = year - 9; y <= year; y++) {
            years.add(y);
        }
        Map<String, Map<Integer, BigDecimal>> trends = indicators.trends();
        List<String> trendNames = new ArrayList<>();
        List<List<BigDecimal>> trendValues = new ArrayList<>();
        for (Indicator indicator : indicators.all()) {
            if (indicator.breaksDownBy(Dimension.YEAR)) {
                trendNames.add(indicator.name().in(locale));
                trendValues.add(years.stream().map(y -> trends.get(indicator.code()).getOrDefault(y, BigDecimal.ZERO)).toList());
            }
        }
        List<Indicator> regional = indicators.all().stream().filter(i -> i.breaksDownBy(Dimension.REGION)).toList();
        List<String> prefectureHeader = new ArrayList<>();
        prefectureHeader.add(messages.getMessage("insight.prefecture", null, locale));
        regional.forEach(i -> prefectureHeader.add(i.name().in(locale)));
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (Indicator indicator : regional) {
            for (Indicators.Part part : indicators.prefectures(indicator, null)) {
                rows.computeIfAbsent(part.key(), k -> new ArrayList<>(List.of(part.label().in(locale))))
                        .add(Requests.number(part.value()));
            }
        }
        String generated = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(Instant.now().atZone(Requests.ZONE));
        return new Briefing(year, locale, messages.getMessage("insight.briefing.title", new Object[] {String.valueOf(year)}, locale),
                messages.getMessage("insight.briefing.generated", new Object[] {generated}, locale),
                List.of(messages.getMessage("insight.indicator", null, locale), messages.getMessage("insight.allYears", null, locale),
                        String.valueOf(year), messages.getMessage("insight.target", null, locale), "%",
                        messages.getMessage("insight.unit", null, locale)),
                headlines, years, trendNames, trendValues, prefectureHeader, List.copyOf(rows.values()),
                messages.getMessage("insight.briefing.illustrative", null, locale));
    }
}

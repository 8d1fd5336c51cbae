package org.triplehelix.insight.web;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.triplehelix.insight.Dimension;
import org.triplehelix.insight.Filter;
import org.triplehelix.insight.Indicator;
import org.triplehelix.insight.Indicators;
import org.triplehelix.shared.Page;
import org.triplehelix.shared.Text;
import org.triplehelix.shared.web.Paging;

/**
 * The indicators as JSON: the list with their values, one indicator with a breakdown
 * ({@code ?by=region&year=2025}, any breakdown may be fixed as a filter), the records behind a
 * number (paginated), the map and the network. Public, like the pages.
 */
@RestController
@RequestMapping("/api/v1")
class IndicatorApi {

    private final Indicators indicators;

    IndicatorApi(Indicators indicators) {
        this.indicators = indicators;
    }

    /** An indicator's declaration and value. */
    record IndicatorJson(String code, String module, Text name, Text definition, Text unit, List<String> breakdowns,
                         Text categoryLabel, Map<Integer, BigDecimal> targets, String measure, Map<String, String> filter,
                         BigDecimal value, BigDecimal target, String records) {
    }

    /** A breakdown's part with the link to its records. */
    record PartJson(String key, Text label, BigDecimal value, String records) {
    }

    record Breakdown(IndicatorJson indicator, String by, List<PartJson> parts) {
    }

    @GetMapping("/indicators")
    List<IndicatorJson> list(@RequestParam(required = false) Integer year) {
        Filter filter = Filter.year(year);
        Map<String, BigDecimal> values = indicators.values(filter);
        return indicators.all().stream().map(i -> json(i, filter, values.get(i.code()), year)).toList();
    }

    @GetMapping("/indicators/{code}")
    Breakdown get(@PathVariable String code, @RequestParam(required = false) String by, @RequestParam Map<String, String> parameters) {
        Indicator indicator = indicators.get(code);
        Filter filter = Requests.filter(parameters);
        IndicatorJson json = json(indicator, filter, indicators.value(indicator, filter), filter.year());
        if (by == null || by.isBlank()) {
            return new Breakdown(json, null, List.of());
        }
        Dimension dimension = Dimension.of(by);
        List<PartJson> parts = indicators.breakdown(indicator, dimension, filter).stream()
                .map(p -> new PartJson(p.key(), p.label(), p.value(), Requests.records(code, filter, dimension, p.key())))
                .toList();
        return new Breakdown(json, dimension.key(), parts);
    }

    @GetMapping("/indicators/{code}/records")
    Page<Indicators.Row> records(@PathVariable String code, @RequestParam Map<String, String> parameters,
                                 @ParameterObject Paging paging) {
        return indicators.records(indicators.get(code), Requests.filter(parameters), paging.number(),
                paging.pageSize(Indicators.DEFAULT_PAGE_SIZE, Indicators.MAX_PAGE_SIZE));
    }

    @GetMapping("/insight/map")
    List<Indicators.Part> map(@RequestParam(defaultValue = "organization.all") String indicator, @RequestParam(required = false) Integer year) {
        return indicators.prefectures(indicators.get(indicator), year);
    }

    @GetMapping("/insight/network")
    Indicators.Network network(@RequestParam(defaultValue = "100") int limit, @RequestParam(required = false) String tier) {
        return indicators.network(limit, tier);
    }

    private static IndicatorJson json(Indicator indicator, Filter filter, BigDecimal value, Integer year) {
        return new IndicatorJson(indicator.code(), indicator.module(), indicator.name(), indicator.definition(), indicator.unit(),
                indicator.breakdowns().stream().map(Dimension::key).toList(), indicator.categoryLabel(),
                new LinkedHashMap<>(new java.util.TreeMap<>(indicator.targets())), indicator.measure().name().toLowerCase(java.util.Locale.ROOT),
                filter.parameters(), value, year == null || year == 0 ? null : indicator.target(year), Requests.records(indicator.code(), filter));
    }
}

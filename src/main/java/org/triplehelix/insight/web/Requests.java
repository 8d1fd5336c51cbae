package org.triplehelix.insight.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.web.util.UriComponentsBuilder;
import org.triplehelix.insight.Dimension;
import org.triplehelix.insight.Filter;
import org.triplehelix.insight.Indicators;
import org.triplehelix.shared.web.PageContext;

/** Filters read from a request's parameters, URLs of drill-downs, numbers as shown. Used by controllers and templates. */
public final class Requests {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private Requests() {
    }

    /** The breakdowns a request fixes: region, province, tier, industry_group, industry, year, category. */
    static Filter filter(Map<String, String> parameters) {
        Filter filter = Filter.ALL;
        for (Dimension dimension : Dimension.values()) {
            String value = parameters.get(dimension.key());
            if (value != null && !value.isBlank()) {
                filter = filter.with(dimension, value);
            }
        }
        return filter;
    }

    static int currentYear() {
        return LocalDate.now(ZONE).getYear();
    }

    /** The drill-down page of the records behind a number. */
    public static String records(String code, Filter filter) {
        return url("/insight/indicators/" + code + "/records", filter);
    }

    /** The records behind one part of a breakdown. */
    public static String records(String code, Filter filter, Dimension by, String key) {
        return records(code, filter.with(by, key));
    }

    /** The CSV of one breakdown table of an indicator, with the page's filter (which may fix nothing). */
    public static String csv(String code, Filter filter, Dimension by) {
        UriComponentsBuilder builder = UriComponentsBuilder.fromPath("/insight/indicators/" + code + ".csv");
        filter.parameters().forEach(builder::queryParam);
        return builder.queryParam("by", by.key()).build().encode().toUriString();
    }

    public static String url(String path, Filter filter) {
        UriComponentsBuilder builder = UriComponentsBuilder.fromPath(path);
        filter.parameters().forEach(builder::queryParam);
        return builder.build().encode().toUriString();
    }

    /** A number as shown: whole numbers with grouping, others to two decimals. */
    public static String number(BigDecimal value) {
        if (value == null) {
            return "–";
        }
        NumberFormat format = NumberFormat.getNumberInstance(Locale.ROOT);
        format.setGroupingUsed(true);
        format.setMaximumFractionDigits(value.stripTrailingZeros().scale() > 0 ? 2 : 0);
        format.setMinimumFractionDigits(0);
        return format.format(value.setScale(2, RoundingMode.HALF_UP));
    }

    /** Actual over target as a percentage ("83 %"), or empty without a target. */
    public static String progress(BigDecimal actual, BigDecimal target) {
        if (target == null || target.signum() == 0 || actual == null) {
            return "";
        }
        return actual.multiply(BigDecimal.valueOf(100)).divide(target, 0, RoundingMode.HALF_UP) + " %";
    }

    /** The progress as a bar width, 0 to 100. */
    public static int progressWidth(BigDecimal actual, BigDecimal target) {
        if (target == null || target.signum() == 0 || actual == null) {
            return 0;
        }
        return Math.min(100, actual.multiply(BigDecimal.valueOf(100)).divide(target, 0, RoundingMode.HALF_UP).intValue());
    }

    /** A breakdown part's name in the page's language: the region's or industry's name, the tier's, else the key. */
    public static String label(PageContext ctx, Indicators.Part part) {
        if (Filter.NONE.equals(part.key())) {
            return ctx.msg("insight.unknown");
        }
        return part.label() == null ? part.key() : ctx.text(part.label());
    }

    /** A category's name from the bundles when it has one ({@code insight.category.closed}), else the value. */
    public static String category(PageContext ctx, String value) {
        String key = "insight.category." + value;
        String message = ctx.msg(key);
        return key.equals(message) ? value : message;
    }

    /** The prefecture (or province) a record counts in, by name. */
    public static String regionName(PageContext ctx, Indicators.Row row) {
        return row.region() == null ? (row.regionCode() == null ? "" : row.regionCode()) : ctx.text(row.region());
    }

    /** The parts as {names, values} for a bar chart (the table beside it stays the accessible source). */
    public static String barsJson(PageContext ctx, List<Indicators.Part> parts) {
        List<Indicators.Part> shown = parts.size() > 30 ? parts.subList(0, 30) : parts;
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("names", shown.stream().map(p -> label(ctx, p)).toList());
        data.put("values", shown.stream().map(Indicators.Part::value).toList());
        return OverviewView.JSON.writeValueAsString(data);
    }
}

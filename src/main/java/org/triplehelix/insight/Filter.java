package org.triplehelix.insight;

import java.util.LinkedHashMap;
import java.util.Map;
import org.triplehelix.shared.InvalidInputException;

/**
 * Which of an indicator's records to count or list: each breakdown may be fixed to one value;
 * {@value #NONE} stands for "unknown" (the records without a value, a breakdown's blank part).
 * {@code region} is the breakdown's key (a prefecture, else a province), {@code province} a province.
 */
public record Filter(String region, String province, String tier, String industryGroup, String industry, Integer year,
                     String category) {

    /** The value of a filter that selects the records without one. */
    public static final String NONE = "-";

    /** The year of a filter that selects the records without a year. */
    static final int UNKNOWN_YEAR = 0;

    /**
     * The earliest year a filter takes: the registry's own (a year established or published is
     * 1000 or later), so every year a record holds, say a university founded in 1893, can be opened.
     */
    public static final int FIRST_YEAR = 1000;
    /** The latest year a filter takes. */
    public static final int LAST_YEAR = 2200;

    public static final Filter ALL = new Filter(null, null, null, null, null, null, null);

    public Filter {
        region = clean("region", region);
        province = clean("province", province);
        tier = clean("tier", tier);
        industryGroup = clean("industry_group", industryGroup);
        industry = clean("industry", industry);
        category = clean("category", category);
        if (year != null && year != UNKNOWN_YEAR && (year < FIRST_YEAR || year > LAST_YEAR)) {
            throw new InvalidInputException("year", "the year is between " + FIRST_YEAR + " and " + LAST_YEAR, "insight.error.year",
                    String.valueOf(year), String.valueOf(FIRST_YEAR), String.valueOf(LAST_YEAR));
        }
    }

    public static Filter year(Integer year) {
        return ALL.with(Dimension.YEAR, year == null ? null : year.toString());
    }

    /** This filter with one breakdown fixed to a value (null: not fixed; {@value #NONE}: unknown). */
    public Filter with(Dimension dimension, String value) {
        return switch (dimension) {
            case REGION -> new Filter(value, province, tier, industryGroup, industry, year, category);
            case PROVINCE -> new Filter(region, value, tier, industryGroup, industry, year, category);
            case TIER -> new Filter(region, province, value, industryGroup, industry, year, category);
            case INDUSTRY_GROUP -> new Filter(region, province, tier, value, industry, year, category);
            case INDUSTRY -> new Filter(region, province, tier, industryGroup, value, year, category);
            case YEAR -> new Filter(region, province, tier, industryGroup, industry, yearOf(value), category);
            case CATEGORY -> new Filter(region, province, tier, industryGroup, industry, year, value);
        };
    }

    /** The fixed breakdowns, by their keys (for URLs). */
    public Map<String, String> parameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        put(parameters, "region", region);
        put(parameters, "province", province);
        put(parameters, "tier", tier);
        put(parameters, "industry_group", industryGroup);
        put(parameters, "industry", industry);
        put(parameters, "year", year == null ? null : year == UNKNOWN_YEAR ? NONE : year.toString());
        put(parameters, "category", category);
        return parameters;
    }

    /** The SQL conditions over insight_fact or insight_cube (values as parameters), each starting with "and". */
    String conditions(Map<String, Object> parameters) {
        StringBuilder sql = new StringBuilder();
        condition(sql, parameters, Dimension.REGION, region);
        condition(sql, parameters, Dimension.PROVINCE, province);
        condition(sql, parameters, Dimension.TIER, tier);
        condition(sql, parameters, Dimension.INDUSTRY_GROUP, industryGroup);
        condition(sql, parameters, Dimension.INDUSTRY, industry);
        if (year != null && year == UNKNOWN_YEAR) {
            sql.append(" and year is null");
        } else if (year != null) {
            sql.append(" and year = :f_year");
            parameters.put("f_year", year);
        }
        condition(sql, parameters, Dimension.CATEGORY, category);
        return sql.toString();
    }

    private static void condition(StringBuilder sql, Map<String, Object> parameters, Dimension dimension, String value) {
        if (value == null) {
            return;
        }
        if (NONE.equals(value)) {
            sql.append(" and ").append(dimension.column()).append(" is null");
        } else {
            sql.append(" and ").append(dimension.column()).append(" = :f_").append(dimension.key());
            parameters.put("f_" + dimension.key(), value);
        }
    }

    private static void put(Map<String, String> parameters, String key, String value) {
        if (value != null) {
            parameters.put(key, value);
        }
    }

    private static String clean(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String stripped = value.strip();
        if (stripped.length() > 100) {
            throw new InvalidInputException(field, field + " is at most 100 characters", "insight.error.tooLong." + field, 100);
        }
        return stripped;
    }

    private static Integer yearOf(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (NONE.equals(value.strip())) {
            return UNKNOWN_YEAR;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("year", "the year is a number", "insight.error.yearNumber", value.strip());
        }
    }
}

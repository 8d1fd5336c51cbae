package org.triplehelix.insight;

import java.util.Locale;
import org.triplehelix.shared.InvalidInputException;

/** What an indicator is broken down by, and the summary column behind it. */
public enum Dimension {
    /** The prefecture (Hubei's 17), else the province for records outside Hubei. */
    REGION("region", "coalesce(prefecture_code, province_code)"),
    /** The province (GB/T 2260, two digits and 0000). */
    PROVINCE("province", "province_code"),
    TIER("tier", "tier"),
    INDUSTRY_GROUP("industry_group", "industry_group"),
    INDUSTRY("industry", "industry_code"),
    YEAR("year", "year"),
    CATEGORY("category", "category");

    private final String key;
    private final String column;

    Dimension(String key, String column) {
        this.key = key;
        this.column = column;
    }

    /** The name used in declarations, URLs and the API ({@code industry_group}). */
    public String key() {
        return key;
    }

    /** The SQL expression over insight_fact and insight_cube (a constant of this enum, never input). */
    String column() {
        return column;
    }

    /** The dimension named {@code key} (the API's {@code by}); 400 for another name. */
    public static Dimension of(String key) {
        String wanted = key == null ? "" : key.strip().toLowerCase(Locale.ROOT).replace('-', '_');
        for (Dimension dimension : values()) {
            if (dimension.key.equals(wanted)) {
                return dimension;
            }
        }
        throw new InvalidInputException("by", "by is one of region, province, tier, industry_group, industry, year, category",
                "insight.error.by", key);
    }

    /** Whether an indicator declaring {@code region} can be broken down by this dimension. */
    boolean declaredBy(java.util.Set<Dimension> declared) {
        return declared.contains(this) || this == PROVINCE && declared.contains(REGION);
    }
}

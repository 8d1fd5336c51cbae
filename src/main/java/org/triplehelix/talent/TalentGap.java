package org.triplehelix.talent;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.triplehelix.shared.InvalidInputException;
import org.triplehelix.shared.Text;

/**
 * Talent supply against need, from the {@code talent_gap_record} view (one row per supply or need
 * record and industry): totals by industry group, industry or prefecture, the largest gap (need −
 * supply) first, and the records behind every number (public facts only: programs, universities'
 * figures, enterprises' declared headcounts; no student is named). Beside the gap, the open public
 * technology demands of each row ({@code talent_demand_signal}): what demands call for, counted
 * but not added to the need, since a demand states no headcount.
 */
@Service
public class TalentGap {

    /** The years a need or a graduation is recorded for ({@link TalentWriter}), hence the years the gap is asked for. */
    public static final int FIRST_YEAR = 1990;
    public static final int LAST_YEAR = 2100;

    /** What the gap is broken down by. */
    public enum By {
        GROUP("industry_group", "industry_group", "case industry_group when 'traditional' then '传统产业' when 'emerging' then '新兴产业' else '未来产业' end",
                "case industry_group when 'traditional' then 'Traditional industries' when 'emerging' then 'Emerging industries' else 'Future industries' end"),
        INDUSTRY("industry_code", "industry", "(select name_zh from industry x where x.code = g.industry_code)",
                "(select name_en from industry x where x.code = g.industry_code)"),
        PREFECTURE("prefecture", "prefecture", "coalesce((select name_zh from region x where x.code = g.prefecture), '其他或未知')",
                "coalesce((select name_en from region x where x.code = g.prefecture), 'Other or unknown')");

        final String column;
        final String param;
        final String nameZh;
        final String nameEn;

        By(String column, String param, String nameZh, String nameEn) {
            this.column = column;
            this.param = param;
            this.nameZh = nameZh;
            this.nameEn = nameEn;
        }

        public String param() {
            return param;
        }

        public static By of(String value) {
            for (By by : values()) {
                if (by.param.equalsIgnoreCase(value == null ? "" : value.strip()) || by.name().equalsIgnoreCase(value == null ? "" : value.strip())) {
                    return by;
                }
            }
            throw new TalentInputException("by", "talent.reason.gapBy", "by must be industry_group, industry or prefecture", value);
        }
    }

    /** One row of the gap table; {@code key} is null for records without a prefecture. */
    public record GapRow(String key, Text name, BigDecimal supply, BigDecimal need, BigDecimal gap, long supplyRecords, long needRecords,
                         long demands) {
    }

    /** One record behind a number. */
    public record GapRecord(String recordId, String recordKind, String side, Text label, String href, String industryCode,
                            String prefecture, Integer year, BigDecimal amount, boolean illustrative) {
    }

    private final JdbcClient jdbc;

    TalentGap(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The gap table, the largest gap first (ties by key). {@code year} null: all years. */
    public List<GapRow> rows(By by, Integer year) {
        String sql = """
                select g.%1$s as key, %2$s as name_zh, %3$s as name_en,
                       coalesce(sum(g.amount) filter (where g.side = 'supply'), 0) as supply,
                       coalesce(sum(g.amount) filter (where g.side = 'need'), 0) as need,
                       count(*) filter (where g.side = 'supply') as supply_records,
                       count(*) filter (where g.side = 'need') as need_records,
                       count(*) filter (where g.side = 'demand') as demands
                from (select * from talent_gap_record union all select * from talent_demand_signal) g
                where (cast(:year as integer) is null or g.year = :year)
                group by g.%1$s
                """.formatted(by.column, by.nameZh.replace("industry_group", "g.industry_group"),
                by.nameEn.replace("industry_group", "g.industry_group"));
        List<GapRow> rows = jdbc.sql(sql).param("year", year)
                .query((rs, n) -> {
                    BigDecimal supply = rs.getBigDecimal("supply");
                    BigDecimal need = rs.getBigDecimal("need");
                    return new GapRow(rs.getString("key"), Text.ofNullable(rs.getString("name_zh"), rs.getString("name_en")),
                            supply, need, need.subtract(supply), rs.getLong("supply_records"), rs.getLong("need_records"),
                            rs.getLong("demands"));
                }).list();
        return rows.stream().sorted(Comparator.comparing(GapRow::gap).reversed()
                .thenComparing(r -> r.key() == null ? "~" : r.key())).toList();
    }

    /** The totals over every row. */
    public GapRow total(Integer year) {
        return jdbc.sql("""
                        select coalesce(sum(amount) filter (where side = 'supply'), 0) as supply,
                               coalesce(sum(amount) filter (where side = 'need'), 0) as need,
                               count(*) filter (where side = 'supply') as s, count(*) filter (where side = 'need') as n,
                               count(*) filter (where side = 'demand') as d
                        from (select * from talent_gap_record union all select * from talent_demand_signal) g
                        where (cast(:year as integer) is null or year = :year)""")
                .param("year", year)
                .query((rs, n) -> new GapRow(null, new Text("合计", "Total"), rs.getBigDecimal(1), rs.getBigDecimal(2),
                        rs.getBigDecimal(2).subtract(rs.getBigDecimal(1)), rs.getLong(3), rs.getLong(4), rs.getLong(5)))
                .single();
    }

    /**
     * The records behind a number: those of one row ({@code key}; empty for records without a
     * prefecture), one side ({@code supply}, {@code need}, {@code demand}; empty for supply and need, the records of the gap), one year (or all).
     */
    public List<GapRecord> records(By by, String key, String side, Integer year) {
        if (side != null && !side.isBlank() && !List.of("supply", "need", "demand").contains(side)) {
            throw new TalentInputException("side", "talent.reason.gapSide", "side must be supply, need or demand", side);
        }
        String sql = """
                select * from (select * from talent_gap_record union all select * from talent_demand_signal) g
                where (cast(:year as integer) is null or g.year = :year)
                  and (:side = '' and g.side <> 'demand' or g.side = :side)
                  and (:all or (%1$s is null and :key = '') or %1$s = :key)
                order by g.side, g.amount desc, g.record_id
                """.formatted("g." + by.column);
        return jdbc.sql(sql).param("year", year).param("side", side == null ? "" : side)
                .param("all", key == null).param("key", key == null ? "" : key)
                .query((rs, n) -> new GapRecord(rs.getString("record_id"), rs.getString("record_kind"), rs.getString("side"),
                        Text.ofNullable(rs.getString("label_zh"), rs.getString("label_en")), rs.getString("href"),
                        rs.getString("industry_code"), rs.getString("prefecture"), (Integer) rs.getObject("year"),
                        rs.getBigDecimal("amount"), rs.getBoolean("illustrative")))
                .list();
    }

    /** The years that have records, latest first. */
    public List<Integer> years() {
        return jdbc.sql("select distinct year from talent_gap_record where year is not null order by year desc").query(Integer.class).list();
    }

    /** A number as shown: people, with one decimal only where a figure was divided among industries. */
    public static String format(BigDecimal value) {
        BigDecimal rounded = value.setScale(1, java.math.RoundingMode.HALF_UP);
        return rounded.stripTrailingZeros().scale() <= 0 ? rounded.setScale(0, java.math.RoundingMode.UNNECESSARY).toPlainString()
                : rounded.toPlainString();
    }

    static String lower(By by) {
        return by.name().toLowerCase(Locale.ROOT);
    }
}

package org.triplehelix.facility;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.triplehelix.shared.InvalidInputException;
import org.triplehelix.shared.Text;

/**
 * The sharing indicators (see {@link IndicatorRow}) per instrument, owning organization or region
 * (the facility's region, else its organization's, rolled up from a district to its prefecture),
 * for a year or a month. Counted: completed bookings whose usage a manager confirmed, in the
 * month of their actual start in Asia/Shanghai. Aggregates only, so open to everyone; the insight
 * module calls this service.
 */
@Service
public class SharingIndicators {

    /** The years the indicators are computed for (the indicators page's year field offers the same). */
    public static final int FIRST_YEAR = 2000;
    public static final int LAST_YEAR = 2100;

    /** What the indicators are grouped by. */
    public enum Grouping {
        INSTRUMENT, ORGANIZATION, REGION;

        public static Grouping of(String value) {
            try {
                return valueOf(value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new InvalidInputException("by", "by is instrument, organization or region", "facility.error.by", value);
            }
        }
    }

    private static final String USAGE = """
            with usage as (
                select b.facility_id, b.user_id, b.rate_class, b.used_hours, coalesce(b.fee, 0) as fee
                from booking b
                where b.status = 'completed' and b.usage_confirmed_at is not null
                  and coalesce(b.actual_start, lower(b.period)) >= :from and coalesce(b.actual_start, lower(b.period)) < :to
            ), keyed as (
                select u.*, %s as group_key, %s as name_zh, %s as name_en
                from usage u
                join facility f on f.id = u.facility_id
                left join organization o on o.id = f.organization_id
                left join region fr on fr.code = coalesce(f.region_code, o.region_code)
                left join region r on r.code = case when fr.level = 'district' then fr.parent_code else fr.code end
            )
            select group_key, min(name_zh) as name_zh, min(name_en) as name_en,
                   coalesce(sum(used_hours), 0) as effective_hours,
                   coalesce(sum(used_hours) filter (where rate_class = 'external'), 0) as external_hours,
                   coalesce(sum(fee), 0) as income,
                   coalesce(sum(fee) filter (where rate_class = 'external'), 0) as external_income,
                   count(distinct user_id) as users_served,
                   count(distinct user_id) filter (where rate_class = 'external') as external_users,
                   count(*) as bookings
            from keyed
            %s
            group by group_key
            order by effective_hours desc, group_key nulls last
            """;

    private final JdbcClient jdbc;

    SharingIndicators(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One row per instrument, organization or region with usage in the year (month null) or the month. */
    public List<IndicatorRow> compute(Grouping by, int year, Integer month) {
        return query(by, year, month, null);
    }

    /** The totals over every facility. */
    public IndicatorRow total(int year, Integer month) {
        List<IndicatorRow> rows = query(null, year, month, null);
        return rows.isEmpty() ? empty(null, null, year, month) : rows.getFirst();
    }

    /** One group's indicators month by month through the year (twelve rows, zeros where nothing was used). */
    public List<IndicatorRow> monthly(Grouping by, String key, int year) {
        List<IndicatorRow> months = new ArrayList<>(12);
        for (int month = 1; month <= 12; month++) {
            List<IndicatorRow> rows = query(by, year, month, key);
            months.add(rows.isEmpty() ? empty(key, null, year, month) : rows.getFirst());
        }
        return months;
    }

    private List<IndicatorRow> query(Grouping by, int year, Integer month, String onlyKey) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new InvalidInputException("year", "the year is between " + FIRST_YEAR + " and " + LAST_YEAR, "facility.error.year",
                    String.valueOf(year));
        }
        if (month != null && (month < 1 || month > 12)) {
            throw new InvalidInputException("month", "the month is 1 to 12", "facility.error.month", String.valueOf(month));
        }
        LocalDate first = LocalDate.of(year, month == null ? 1 : month, 1);
        LocalDate next = month == null ? first.plusYears(1) : first.plusMonths(1);
        Instant from = first.atStartOfDay(FacilityTime.ZONE).toInstant();
        Instant to = next.atStartOfDay(FacilityTime.ZONE).toInstant();
        String[] columns = switch (by == null ? "total" : by.name()) {
            case "INSTRUMENT" -> new String[] {"f.ext_id", "f.name_zh", "f.name_en"};
            case "ORGANIZATION" -> new String[] {"o.ext_id", "o.name_zh", "o.name_en"};
            case "REGION" -> new String[] {"r.code", "r.name_zh", "r.name_en"};
            default -> new String[] {"null::text", "null::text", "null::text"};
        };
        String filter = onlyKey == null ? "" : "where group_key = :key";
        var statement = jdbc.sql(USAGE.formatted(columns[0], columns[1], columns[2], filter))
                .param("from", Db.ts(from)).param("to", Db.ts(to));
        if (onlyKey != null) {
            statement = statement.param("key", onlyKey);
        }
        return statement.query((rs, n) -> row(rs, year, month)).list();
    }

    private static IndicatorRow row(ResultSet rs, int year, Integer month) throws SQLException {
        BigDecimal effective = rs.getBigDecimal("effective_hours").setScale(2, RoundingMode.HALF_UP);
        BigDecimal external = rs.getBigDecimal("external_hours").setScale(2, RoundingMode.HALF_UP);
        return new IndicatorRow(rs.getString("group_key"), Text.ofNullable(rs.getString("name_zh"), rs.getString("name_en")),
                year, month, effective, external, rate(external, effective),
                rs.getBigDecimal("income").setScale(2, RoundingMode.HALF_UP),
                rs.getBigDecimal("external_income").setScale(2, RoundingMode.HALF_UP),
                rs.getLong("users_served"), rs.getLong("external_users"), rs.getLong("bookings"));
    }

    /** External over effective hours, to four decimals; null when nothing was used. */
    static BigDecimal rate(BigDecimal external, BigDecimal effective) {
        return effective.signum() == 0 ? null : external.divide(effective, 4, RoundingMode.HALF_UP);
    }

    private static IndicatorRow empty(String key, Text name, int year, Integer month) {
        BigDecimal zero = BigDecimal.ZERO.setScale(2);
        return new IndicatorRow(key, name, year, month, zero, zero, null, zero, zero, 0, 0, 0);
    }
}

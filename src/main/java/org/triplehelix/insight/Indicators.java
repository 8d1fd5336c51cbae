package org.triplehelix.insight;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.triplehelix.shared.InvalidInputException;
import org.triplehelix.shared.Page;
import org.triplehelix.shared.Text;

/**
 * The indicators' numbers, from the summaries ({@link InsightSummaries}): a value under a filter,
 * a breakdown, a trend by year, the records behind a number (a page, or all of them for a CSV,
 * streamed), the prefectures for the map, the strongest collaboration links. Every number is the
 * count (or sum) of exactly the records its drill-down lists.
 *
 * <p>Open to everyone: indicator rows hold public facts only (a private demand is counted, but its
 * row is a neutral label without a link, written so by the declaration itself; see docs/insight.md).
 */
@Service
public class Indicators {

    public static final String HUBEI = "420000";
    /** The size of a page of a number's records when the request does not give one. */
    public static final int DEFAULT_PAGE_SIZE = 50;
    /** The largest page of a number's records a request may ask for. */
    public static final int MAX_PAGE_SIZE = 200;
    private static final String ROWS = "select f.*, r.name_zh as region_zh, r.name_en as region_en from insight_fact f"
            + " left join region r on r.code = coalesce(f.prefecture_code, f.province_code)";

    private final IndicatorCatalog catalog;
    private final JdbcClient jdbc;
    private final MessageSource messages;

    Indicators(IndicatorCatalog catalog, JdbcClient jdbc, MessageSource messages) {
        this.catalog = catalog;
        this.jdbc = jdbc;
        this.messages = messages;
    }

    public List<Indicator> all() {
        return catalog.all();
    }

    public Indicator get(String code) {
        return catalog.get(code);
    }

    /** One part of a breakdown: the key ({@link Filter#NONE} for records without one), its name, its value. */
    public record Part(String key, Text label, BigDecimal value) {
    }

    /** A record an indicator counts, as its drill-down lists it. */
    public record Row(String recordId, String kind, Text label, String href, String regionCode, String prefectureCode, Text region,
                      String tier, String industryCode, String industryGroup, Integer year, String category, BigDecimal weight,
                      boolean illustrative) {
    }

    /** The value: the number of records (or the sum of their weight) under the filter. */
    public BigDecimal value(Indicator indicator, Filter filter) {
        Map<String, Object> parameters = new HashMap<>(Map.of("code", indicator.code()));
        String sql = "select coalesce(sum(" + measure(indicator) + "), 0) from insight_cube where indicator = :code"
                + filter.conditions(parameters);
        return jdbc.sql(sql).params(parameters).query(BigDecimal.class).single();
    }

    /** Every indicator's value under the filter, in one query (the overview). */
    public Map<String, BigDecimal> values(Filter filter) {
        Map<String, Object> parameters = new HashMap<>();
        String sql = "select indicator, sum(records) as records, sum(total) as total from insight_cube where true"
                + filter.conditions(parameters) + " group by indicator";
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        catalog.all().forEach(i -> values.put(i.code(), BigDecimal.ZERO));
        jdbc.sql(sql).params(parameters).query((ResultSet rs) -> {
            Indicator indicator = catalog.find(rs.getString("indicator")).orElse(null);
            if (indicator != null) {
                values.put(indicator.code(), rs.getBigDecimal(indicator.measure() == Indicator.Measure.SUM ? "total" : "records"));
            }
        });
        return values;
    }

    /** The value split by one breakdown (largest first; by year in year order); the parts sum to the value. */
    public List<Part> breakdown(Indicator indicator, Dimension by, Filter filter) {
        if (!indicator.breaksDownBy(by)) {
            throw new InvalidInputException("by", indicator.code() + " is not broken down by " + by.key(),
                    "insight.error.notBrokenDownBy." + by.key(), indicator.code());
        }
        Map<String, Object> parameters = new HashMap<>(Map.of("code", indicator.code()));
        String sql = "select " + by.column() + "::text as key, sum(" + measure(indicator) + ") as value from insight_cube"
                + " where indicator = :code" + filter.conditions(parameters) + " group by 1 order by "
                + (by == Dimension.YEAR ? "1 nulls last" : "2 desc, 1 nulls last");
        List<Part> parts = jdbc.sql(sql).params(parameters)
                .query((rs, n) -> new Part(rs.getString("key") == null ? Filter.NONE : rs.getString("key"), null, rs.getBigDecimal("value")))
                .list();
        return label(by, parts);
    }

    /** Every indicator's value per year (year → value, years in order, unknown years left out), in one query. */
    public Map<String, Map<Integer, BigDecimal>> trends() {
        Map<String, Map<Integer, BigDecimal>> trends = new LinkedHashMap<>();
        catalog.all().forEach(i -> trends.put(i.code(), new LinkedHashMap<>()));
        jdbc.sql("select indicator, year, sum(records) as records, sum(total) as total from insight_cube where year is not null "
                + "group by indicator, year order by indicator, year").query((ResultSet rs) -> {
            Indicator indicator = catalog.find(rs.getString("indicator")).filter(i -> i.breaksDownBy(Dimension.YEAR)).orElse(null);
            if (indicator != null) {
                trends.get(indicator.code()).put(rs.getInt("year"),
                        rs.getBigDecimal(indicator.measure() == Indicator.Measure.SUM ? "total" : "records"));
            }
        });
        return trends;
    }

    /** A page of the records behind a number, newest year first, then by id. */
    public Page<Row> records(Indicator indicator, Filter filter, int page, int size) {
        if (page < 0) {
            throw new InvalidInputException("page", "the page is 0 or more", "insight.error.page");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidInputException("size", "the size is 1 to " + MAX_PAGE_SIZE, "insight.error.size", MAX_PAGE_SIZE);
        }
        Map<String, Object> parameters = new HashMap<>(Map.of("code", indicator.code()));
        String where = " where indicator = :code" + filter.conditions(parameters);
        // the cube counts the same facts as the list pages through, at a fraction of the cost
        long total = jdbc.sql("select coalesce(sum(records), 0) from insight_cube" + where).params(parameters).query(Long.class).single();
        parameters.put("limit", size);
        parameters.put("offset", (long) page * size);
        List<Row> rows = jdbc.sql(ROWS + where + " order by year desc nulls last, record_id limit :limit offset :offset")
                .params(parameters).query((rs, n) -> row(rs)).list();
        return new Page<>(rows, page, size, total);
    }

    /** Every record behind a number, streamed in the order of {@link #records} (for CSV). */
    public void eachRecord(Indicator indicator, Filter filter, Consumer<Row> consumer) {
        Map<String, Object> parameters = new HashMap<>(Map.of("code", indicator.code()));
        jdbc.sql(ROWS + " where indicator = :code" + filter.conditions(parameters)
                + " order by year desc nulls last, record_id").params(parameters).withFetchSize(1000)
                .query((ResultSet rs) -> consumer.accept(row(rs)));
    }

    /** The value for each of Hubei's prefectures (zero where none), for the map; the Chinese name matches the map's. */
    public List<Part> prefectures(Indicator indicator, Integer year) {
        Filter filter = Filter.year(year).with(Dimension.PROVINCE, HUBEI);
        Map<String, BigDecimal> values = new HashMap<>();
        breakdown(indicator, Dimension.REGION, filter).forEach(p -> values.put(p.key(), p.value()));
        return jdbc.sql("select code, name_zh, name_en from region where parent_code = :hubei and level = 'prefecture' order by code")
                .param("hubei", HUBEI)
                .query((rs, n) -> new Part(rs.getString("code"), new Text(rs.getString("name_zh"), rs.getString("name_en")),
                        values.getOrDefault(rs.getString("code"), BigDecimal.ZERO)))
                .list();
    }

    /** An organization of the collaboration network. */
    public record Node(long id, String extId, Text name, String tier, String prefectureCode, long outputs) {
    }

    /** Two organizations linked by {@code outputs} shared outputs and {@code others} records of declared kinds (consortia …). */
    public record Link(long source, long target, long outputs, long others) {

        public long strength() {
            return outputs + others;
        }
    }

    public record Network(List<Node> nodes, List<Link> links) {
    }

    /** The strongest links (most shared records, ties by ids) and the organizations they join. */
    public Network network(int limit, String tier) {
        if (limit < 1 || limit > 500) {
            throw new InvalidInputException("limit", "the limit is 1 to 500", "insight.error.limit", 500);
        }
        String tierCondition = tier == null || tier.isBlank() ? ""
                : " and exists (select 1 from organization o where o.id in (l.source_id, l.target_id) and o.type = :tier)";
        var statement = jdbc.sql("select source_id, target_id, coalesce(sum(records) filter (where kind = 'output'), 0) as outputs,"
                + " coalesce(sum(records) filter (where kind <> 'output'), 0) as others from insight_link l where true" + tierCondition
                + " group by source_id, target_id order by sum(records) desc, source_id, target_id limit :limit").param("limit", limit);
        if (!tierCondition.isEmpty()) {
            statement = statement.param("tier", tier.strip());
        }
        List<Link> links = statement.query((rs, n) -> new Link(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4))).list();
        List<Long> ids = links.stream().flatMap(l -> java.util.stream.Stream.of(l.source(), l.target())).distinct().toList();
        List<Node> nodes = ids.isEmpty() ? List.of() : jdbc.sql("""
                select o.id, o.ext_id, o.name_zh, o.name_en, o.type,
                       case r.level when 'prefecture' then r.code when 'district' then r.parent_code end as prefecture,
                       (select count(*) from output_organization oo where oo.organization_id = o.id) as outputs
                from organization o left join region r on r.code = o.region_code
                where o.id = any(:ids) order by o.id
                """).param("ids", ids.toArray(Long[]::new))
                .query((rs, n) -> new Node(rs.getLong("id"), rs.getString("ext_id"), Text.ofNullable(rs.getString("name_zh"), rs.getString("name_en")),
                        rs.getString("type"), rs.getString("prefecture"), rs.getLong("outputs")))
                .list();
        return new Network(nodes, links);
    }

    /** An output two organizations share (the records behind a link of the network). */
    public record SharedOutput(String extId, Text title, String type, Integer year) {
    }

    /** The outputs two organizations (external ids) produced together: exactly the link's count. */
    public List<SharedOutput> sharedOutputs(String source, String target) {
        return jdbc.sql("""
                select op.ext_id, op.title_zh, op.title_en, op.type, op.year
                from output op
                where exists (select 1 from output_organization x join organization o on o.id = x.organization_id
                              where x.output_id = op.id and o.ext_id = :source)
                  and exists (select 1 from output_organization x join organization o on o.id = x.organization_id
                              where x.output_id = op.id and o.ext_id = :target)
                order by op.year desc nulls last, op.ext_id
                limit 1000
                """).param("source", source).param("target", target)
                .query((rs, n) -> new SharedOutput(rs.getString("ext_id"), Text.ofNullable(rs.getString("title_zh"), rs.getString("title_en")),
                        rs.getString("type"), (Integer) rs.getObject("year")))
                .list();
    }

    /** When the summaries were last rebuilt (null before the first refresh), and the indicators that failed. */
    public record Freshness(Instant refreshedAt, Map<String, String> errors) {
    }

    public Freshness freshness() {
        Map<String, String> errors = new LinkedHashMap<>();
        Instant[] latest = {null};
        jdbc.sql("select indicator, refreshed_at, error from insight_refresh").query((ResultSet rs) -> {
            Instant at = rs.getObject("refreshed_at", OffsetDateTime.class).toInstant();
            latest[0] = latest[0] == null || at.isAfter(latest[0]) ? at : latest[0];
            if (rs.getString("error") != null && catalog.find(rs.getString("indicator")).isPresent()) {
                errors.put(rs.getString("indicator"), rs.getString("error"));
            }
        });
        return new Freshness(latest[0], errors);
    }

    private List<Part> label(Dimension by, List<Part> parts) {
        Map<String, Text> names = switch (by) {
            case REGION, PROVINCE -> names("select code, name_zh, name_en from region where code = any(:keys)", parts);
            case INDUSTRY -> names("select code, name_zh, name_en from industry where code = any(:keys)", parts);
            default -> Map.of();
        };
        List<Part> labelled = new ArrayList<>(parts.size());
        for (Part part : parts) {
            Text label = names.containsKey(part.key()) ? names.get(part.key()) : message(by, part.key());
            labelled.add(new Part(part.key(), label, part.value()));
        }
        return labelled;
    }

    private Map<String, Text> names(String sql, List<Part> parts) {
        Map<String, Text> names = new HashMap<>();
        jdbc.sql(sql).param("keys", parts.stream().map(Part::key).toArray(String[]::new))
                .query((ResultSet rs) -> {
                    names.put(rs.getString(1), Text.ofNullable(rs.getString(2), rs.getString(3)));
                });
        return names;
    }

    /** A key's name from the insight bundles ({@code insight.tier.university}), else null (the key is shown). */
    private Text message(Dimension by, String key) {
        String code = Filter.NONE.equals(key) ? "insight.unknown" : "insight." + by.key() + "." + key;
        return Text.ofNullable(messages.getMessage(code, null, null, Locale.SIMPLIFIED_CHINESE),
                messages.getMessage(code, null, null, Locale.ENGLISH));
    }

    private static String measure(Indicator indicator) {
        return indicator.measure() == Indicator.Measure.SUM ? "total" : "records";
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getString("record_id"), rs.getString("record_kind"),
                Text.ofNullable(rs.getString("label_zh"), rs.getString("label_en")), rs.getString("href"),
                rs.getString("region_code"), rs.getString("prefecture_code"), Text.ofNullable(rs.getString("region_zh"), rs.getString("region_en")),
                rs.getString("tier"), rs.getString("industry_code"),
                rs.getString("industry_group"), (Integer) rs.getObject("year"), rs.getString("category"), rs.getBigDecimal("weight"),
                rs.getBoolean("illustrative"));
    }
}

package org.triplehelix.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.triplehelix.registry.RegistryChanged;

/**
 * The indicators over the fixture's year (see {@link InsightFixture}): each shipped indicator
 * against counts written independently, the generic checks over every declared file, summaries
 * kept fresh by events, malformed declarations refused.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InsightIntegrationTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    Indicators indicators;

    @Autowired
    IndicatorCatalog catalog;

    @Autowired
    InsightSummaries summaries;

    @Autowired
    JdbcClient jdbc;

    InsightFixture fixture;

    @BeforeAll
    void records() {
        fixture = new InsightFixture(context);
        summaries.refreshNow();
    }

    @Test
    void everyShippedIndicatorCountsExactlyTheFixtureRecordsOfItsYearAndListsThem() {
        assertThat(catalog.all()).extracting(Indicator::code).containsAll(InsightFixture.SHIPPED);
        Filter year = Filter.year(InsightFixture.YEAR);
        fixture.expected().forEach((code, ids) -> {
            Indicator indicator = indicators.get(code);
            List<Indicators.Row> rows = indicators.records(indicator, year, 0, 200).items();
            assertThat(rows).as(code + " drill-down").extracting(Indicators.Row::recordId).containsExactlyInAnyOrderElementsOf(ids);
            BigDecimal expected = indicator.measure() == Indicator.Measure.SUM ? new BigDecimal("2.5") : BigDecimal.valueOf(ids.size());
            assertThat(indicators.value(indicator, year)).as(code + " value").isEqualByComparingTo(expected);
        });
    }

    @Test
    void everyShippedIndicatorEqualsAnIndependentCountOverTheWholeDatabase() {
        summaries.refreshNow();
        Map<String, String> independent = Map.of(
                "organization.platforms", "select count(*) from organization where type in ('national_laboratory', "
                        + "'provincial_laboratory', 'major_facility', 'national_key_laboratory', 'new_rd_institution')",
                "organization.all", "select count(*) from organization",
                "output.all", "select count(*) from output",
                "collaboration.joint-outputs", """
                        select count(*) from output op where exists (select 1 from output_organization x join organization o on o.id = x.organization_id
                          where x.output_id = op.id and o.type = 'enterprise') and exists (select 1 from output_organization x
                          join organization o on o.id = x.organization_id where x.output_id = op.id and o.type not in ('enterprise', 'government', 'other'))""",
                "demand.posted", "select count(*) from demand",
                "demand.answered", "select count(*) from demand where status = 'closed'",
                "facility.bookings", "select count(*) from booking where status = 'completed' and usage_confirmed_at is not null",
                "facility.external-hours", "select coalesce(sum(used_hours), 0) from booking where status = 'completed' "
                        + "and usage_confirmed_at is not null and rate_class = 'external'");
        independent.forEach((code, sql) -> assertThat(indicators.value(indicators.get(code), Filter.ALL)).as(code)
                .isEqualByComparingTo(jdbc.sql(sql).query(BigDecimal.class).single()));
    }

    @Test
    void regionsRollUpToPrefecturesAndUnknownsAreAPart() {
        Filter year = Filter.year(InsightFixture.YEAR);
        assertThat(parts(indicators.breakdown(indicators.get("organization.platforms"), Dimension.REGION, year)))
                .isEqualTo(Map.of("420100", 1, "420500", 1, Filter.NONE, 1));
        assertThat(parts(indicators.breakdown(indicators.get("demand.posted"), Dimension.REGION, year)))
                .as("a demand's own region, else its organization's").isEqualTo(Map.of("420100", 2, "420600", 1));
        assertThat(parts(indicators.breakdown(indicators.get("collaboration.joint-outputs"), Dimension.PROVINCE, year)))
                .isEqualTo(Map.of("420000", 1, "110000", 1));
        assertThat(parts(indicators.breakdown(indicators.get("demand.posted"), Dimension.INDUSTRY, year)))
                .isEqualTo(Map.of(fixture.industry, 1, Filter.NONE, 2));
        assertThat(indicators.prefectures(indicators.get("organization.all"), InsightFixture.YEAR))
                .hasSize(17).filteredOn(p -> p.value().signum() > 0).extracting(Indicators.Part::key)
                .containsExactlyInAnyOrder("420100", "420500", "420600");
    }

    @Test
    void anIllustrativeRecordIsMarkedInItsList() {
        List<Indicators.Row> rows = indicators.records(indicators.get("organization.platforms"), Filter.year(InsightFixture.YEAR), 0, 50).items();
        assertThat(rows).filteredOn(Indicators.Row::illustrative).extracting(Indicators.Row::recordId).containsExactly("ins-t-natlab");
    }

    @Test
    void aPrivateDemandIsCountedButListedWithoutItsTitleOrLink() {
        Filter year = Filter.year(InsightFixture.YEAR);
        List<Indicators.Row> rows = indicators.records(indicators.get("demand.posted"), year, 0, 50).items();
        assertThat(rows).hasSize(3);
        for (Indicators.Row row : rows) {
            boolean isPublic = row.recordId().endsWith("d1");
            assertThat(row.href() != null).as(row.recordId()).isEqualTo(isPublic);
            assertThat(row.label().both()).as(row.recordId()).contains(isPublic ? "机密需求标题 d1" : "Private demand")
                    .doesNotContain(isPublic ? "Private" : "机密");
        }
    }

    /** Every declared indicator, whoever ships it: value = drill-down length, breakdowns sum to the value, each part lists its records. */
    @Test
    void everyDeclaredIndicatorIsConsistent() {
        for (Indicator indicator : catalog.all()) {
            for (Filter filter : List.of(Filter.ALL, Filter.year(InsightFixture.YEAR))) {
                BigDecimal value = indicators.value(indicator, filter);
                assertThat(drillDown(indicator, filter)).as(indicator.code() + " drill-down of " + filter).isEqualByComparingTo(value);
                for (Dimension by : indicator.breakdowns()) {
                    List<Indicators.Part> parts = indicators.breakdown(indicator, by, filter);
                    assertThat(parts.stream().map(Indicators.Part::value).reduce(BigDecimal.ZERO, BigDecimal::add))
                            .as(indicator.code() + " by " + by.key()).isEqualByComparingTo(value);
                    for (Indicators.Part part : parts.subList(0, Math.min(3, parts.size()))) {
                        assertThat(drillDown(indicator, filter.with(by, part.key())))
                                .as(indicator.code() + " " + by.key() + "=" + part.key()).isEqualByComparingTo(part.value());
                    }
                }
            }
        }
    }

    @Test
    void theNetworkLinksOrganizationsBySharedOutputs() {
        Indicators.Network network = indicators.network(500, "national_laboratory");
        assertThat(network.links()).anySatisfy(link -> assertThat(Set.of(link.source(), link.target()))
                .isEqualTo(Set.of(fixture.natlab, fixture.ent2)));
        assertThat(network.links()).anySatisfy(link -> assertThat(Set.of(link.source(), link.target(), link.outputs()))
                .isEqualTo(Set.of(fixture.natlab, fixture.ent2, 1L)));
        Indicators.Network consortia = indicators.network(500, "provincial_laboratory");
        assertThat(consortia.links()).anySatisfy(link -> {
            assertThat(Set.of(link.source(), link.target())).isEqualTo(Set.of(fixture.uni, fixture.hblab));
            assertThat(link.others()).as("one consortium").isEqualTo(1);
            assertThat(link.outputs()).isZero();
        });
        // nri and hblab applied together but withdrew: a consortium called off is no collaboration
        assertThat(consortia.links()).noneSatisfy(link -> assertThat(Set.of(link.source(), link.target()))
                .isEqualTo(Set.of(fixture.nri, fixture.hblab)));
        assertThat(network.links()).allSatisfy(link -> assertThat(network.nodes()).extracting(Indicators.Node::id)
                .contains(link.source(), link.target()));
    }

    @Test
    void aChangeAnnouncedByTheRegistryRefreshesTheSummaries() throws InterruptedException {
        summaries.refreshNow();
        Indicator all = indicators.get("organization.all");
        BigDecimal before = indicators.value(all, Filter.ALL);
        jdbc.sql("insert into organization (ext_id, type, name_zh, established) values ('ins-t-late', 'university', '新机构', 1961)").update();
        context.publishEvent(new RegistryChanged("organization", List.of("ins-t-late")));
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (indicators.value(all, Filter.ALL).compareTo(before) == 0 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(indicators.value(all, Filter.ALL)).isEqualByComparingTo(before.add(BigDecimal.ONE));
        jdbc.sql("delete from organization where ext_id = 'ins-t-late'").update();
        summaries.refreshNow();
    }

    @Test
    void aDeclarationWhoseStatementLacksAColumnOrDoesNotRunIsRefused() {
        JdbcTemplate template = context.getBean(JdbcTemplate.class);
        String header = IndicatorDeclarationsTests.GOOD.substring(0, IndicatorDeclarationsTests.GOOD.indexOf("select"));
        Indicator lacking = IndicatorDeclarations.parse("challenge.by-status.sql", header
                + "select o.ext_id as record_id, 'organization' as record_kind from organization o");
        assertThatThrownBy(() -> IndicatorCatalog.checkColumns(lacking, template))
                .hasMessageContaining("challenge.by-status.sql").hasMessageContaining("lacks the column(s) label_zh");
        Indicator broken = IndicatorDeclarations.parse("challenge.by-status.sql", header + "select * from no_such_table");
        assertThatThrownBy(() -> IndicatorCatalog.checkColumns(broken, template))
                .hasMessageContaining("challenge.by-status.sql").hasMessageContaining("does not run");
        assertThat(IndicatorCatalog.load(IndicatorCatalog.read(IndicatorCatalog.LOCATION), template)).containsKeys(
                InsightFixture.SHIPPED.toArray(String[]::new));
    }

    @Test
    void aLinkDeclarationWithoutItsColumnsOrNameIsRefused() {
        JdbcTemplate template = context.getBean(JdbcTemplate.class);
        assertThatThrownBy(() -> LinkCatalog.load(Map.of("x.pairs.sql", "-- code: x.pairs\n-- name.zh: 对\n-- name.en: Pairs\nselect 1 as a"), template))
                .hasMessageContaining("x.pairs.sql").hasMessageContaining("source_id and target_id");
        assertThatThrownBy(() -> LinkCatalog.parse("x.pairs.sql", "-- code: x.pairs\nselect 1 as source_id, 2 as target_id"))
                .hasMessageContaining("x.pairs.sql").hasMessageContaining("'name.zh' is missing");
        assertThat(context.getBean(LinkCatalog.class).find("challenge.consortia")).isPresent();
    }

    private BigDecimal drillDown(Indicator indicator, Filter filter) {
        if (indicator.measure() == Indicator.Measure.COUNT) {
            return BigDecimal.valueOf(indicators.records(indicator, filter, 0, 1).total());
        }
        List<BigDecimal> weights = new ArrayList<>();
        indicators.eachRecord(indicator, filter, row -> weights.add(row.weight()));
        return weights.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static Map<String, Integer> parts(List<Indicators.Part> parts) {
        Set<String> keys = new HashSet<>();
        parts.forEach(p -> assertThat(keys.add(p.key())).isTrue());
        return parts.stream().collect(java.util.stream.Collectors.toMap(Indicators.Part::key, p -> p.value().intValue()));
    }
}

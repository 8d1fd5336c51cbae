package org.triplehelix.talent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.context.ActiveProfiles;
import org.triplehelix.access.AccessFixtures;
import org.triplehelix.access.HelixClient;

/**
 * Every number of the gap view equals an independent count over the records (computed here in
 * Java from the base tables, not from the {@code talent_gap_record} view), and its click-through
 * list holds exactly the records that make it up; the indicator files agree with the same count.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TalentGapIntegrationTests {

    @Autowired
    ApplicationContext context;
    @Autowired
    TalentGap gap;
    @LocalServerPort
    int port;

    TalentFixtures fx;
    String fixtureProgram;
    String fixtureNeed;
    String fixtureSupply;
    String fixtureDemand;

    /** A record as this test counts it: which side, which industry, which prefecture, which year, how many people. */
    record Counted(String id, String side, String industry, String group, String prefecture, int year, BigDecimal amount) {
    }

    @BeforeAll
    void fixture() {
        fx = TalentFixtures.of(context);
        long university = fx.organization("Gap University", "university", "420111");   // a district of Wuhan
        long enterprise = fx.organization("Gap Enterprise", "enterprise", "420500");   // Yichang
        long elsewhere = fx.organization("Gap Enterprise Elsewhere", "enterprise", null);
        long academic = fx.person("Gap Academic", university);
        long industrial = fx.person("Gap Industrial", enterprise);
        fixtureProgram = fx.program(university, enterprise, "0812", "ind-ai", 2023);
        for (int i = 0; i < 3; i++) {
            fx.student(fixtureProgram, enterprise, academic, industrial, null, 2026, "enrolled");
        }
        fx.student(fixtureProgram, enterprise, academic, industrial, null, 2026, "withdrawn");
        fx.student(fixtureProgram, enterprise, academic, industrial, null, 2027, "graduated");
        TalentWriter writer = context.getBean(TalentWriter.class);
        fixtureSupply = AccessFixtures.unique("test-supply");
        fx.asSystem(() -> writer.saveSupply(Fields.of("id", fixtureSupply, "university", fx.ext(university), "discipline", "0810",
                "year", "2026", "graduates", "100"), false));   // 0810 → three industries, 33.33 each
        fixtureNeed = AccessFixtures.unique("test-need");
        fx.asSystem(() -> writer.saveNeed(Fields.of("id", fixtureNeed, "organization", fx.ext(enterprise), "industry", "ind-ai",
                "discipline", "0812", "year", "2026", "headcount", "40"), false));
        fixtureDemand = AccessFixtures.unique("test-demand");
        fx.jdbc().sql("""
                        insert into demand (ext_id, title_en, organization_id, industry, status, visibility, deadline)
                        values (:e, 'Fixture demand for vision inspection', :o, '人工智能', 'open', 'public', date '2026-11-30')""")
                .param("e", fixtureDemand).param("o", enterprise).update();
        fx.asSystem(() -> writer.saveNeed(Fields.of("id", AccessFixtures.unique("test-need"), "organization", fx.ext(elsewhere),
                "industry", "ind-steel", "skill", "rolling mills", "year", "2027", "headcount", "7"), false));
    }

    @Test
    void everyNumberEqualsAnIndependentCountAndClicksThroughToItsRecords() {
        List<Counted> all = countIndependently();
        for (TalentGap.By by : TalentGap.By.values()) {
            for (Integer year : new Integer[] {null, 2026, 2027}) {
                List<Counted> selected = all.stream().filter(c -> year == null || c.year() == year).toList();
                Function<Counted, String> key = switch (by) {
                    case GROUP -> Counted::group;
                    case INDUSTRY -> Counted::industry;
                    case PREFECTURE -> Counted::prefecture;
                };
                Map<String, List<Counted>> expected = selected.stream()
                        .collect(Collectors.groupingBy(c -> Objects.requireNonNullElse(key.apply(c), ""), HashMap::new, Collectors.toList()));
                List<TalentGap.GapRow> rows = gap.rows(by, year);
                assertThat(rows).as(by + " " + year).hasSize(expected.size());
                BigDecimal previous = null;
                for (TalentGap.GapRow row : rows) {
                    List<Counted> records = expected.get(row.key() == null ? "" : row.key());
                    assertThat(records).as(by + " " + row.key()).isNotNull();
                    check(row, records, by, year);
                    assertThat(previous == null || previous.compareTo(row.gap()) >= 0).as("largest gap first").isTrue();
                    previous = row.gap();
                }
                TalentGap.GapRow total = gap.total(year);
                assertThat(total.supply()).isEqualByComparingTo(sum(selected, "supply"));
                assertThat(total.need()).isEqualByComparingTo(sum(selected, "need"));
                assertThat(total.demands()).isEqualTo(selected.stream().filter(c -> c.side().equals("demand")).count());
                assertThat(gap.records(by, null, "", year)).hasSize((int) selected.stream().filter(c -> !c.side().equals("demand")).count());
            }
        }
    }

    private void check(TalentGap.GapRow row, List<Counted> records, TalentGap.By by, Integer year) {
        assertThat(row.supply()).as("supply of " + row.key()).isEqualByComparingTo(sum(records, "supply"));
        assertThat(row.need()).as("need of " + row.key()).isEqualByComparingTo(sum(records, "need"));
        assertThat(row.gap()).isEqualByComparingTo(sum(records, "need").subtract(sum(records, "supply")));
        assertThat(row.demands()).isEqualTo(records.stream().filter(c -> c.side().equals("demand")).count());
        for (String side : List.of("supply", "need", "demand")) {
            List<String> expectedIds = records.stream().filter(c -> c.side().equals(side)).map(Counted::id).sorted().toList();
            List<TalentGap.GapRecord> clicked = gap.records(by, row.key() == null ? "" : row.key(), side, year);
            assertThat(clicked.stream().map(TalentGap.GapRecord::recordId).sorted().toList()).as(side + " records of " + row.key())
                    .isEqualTo(expectedIds);
            assertThat(clicked.stream().map(TalentGap.GapRecord::amount).reduce(BigDecimal.ZERO, BigDecimal::add))
                    .isEqualByComparingTo(side.equals("supply") ? row.supply() : side.equals("need") ? row.need() : BigDecimal.valueOf(row.demands()));
        }
    }

    @Test
    void theFixtureCountsAsDefined() {
        List<TalentGap.GapRecord> ai = gap.records(TalentGap.By.INDUSTRY, "ind-ai", "", 2026);
        assertThat(ai).filteredOn(r -> r.recordKind().equals("student") && r.href().endsWith(fixtureProgram)).hasSize(3);
        assertThat(ai).filteredOn(r -> r.recordId().equals("need-" + fixtureNeed)).singleElement()
                .satisfies(r -> assertThat(r.amount()).isEqualByComparingTo("40"));
        assertThat(gap.records(TalentGap.By.INDUSTRY, "ind-ai", "demand", 2026)).extracting(TalentGap.GapRecord::recordId)
                .contains("demand-" + fixtureDemand);
        assertThat(gap.records(TalentGap.By.INDUSTRY, "ind-6g", "supply", 2026))
                .filteredOn(r -> r.recordId().equals("supply-" + fixtureSupply + "@ind-6g")).singleElement()
                .satisfies(r -> {
                    assertThat(r.amount()).isEqualByComparingTo("33.33");
                    assertThat(r.prefecture()).isEqualTo("420100");
                });
    }

    @Test
    void thePageShowsTheNumbersAndLinksToTheirRecords() {
        HelixClient client = HelixClient.browser(port);
        List<TalentGap.GapRow> rows = gap.rows(TalentGap.By.INDUSTRY, 2026);
        String page = client.get("/talent/gap?by=industry&year=2026").body().replace("&amp;", "&");
        TalentGap.GapRow top = rows.getFirst();
        String link = "/talent/gap/records?by=industry&key=" + top.key() + "&year=2026&side=need";
        assertThat(page).contains(link + "\">" + TalentGap.format(top.need()) + "</a>");
        String records = client.get(link).body();
        assertThat(records).contains("<span id=\"records-count\">" + top.needRecords() + "</span>");
        // each record's industry by its name in the page's language, not its code
        String industry = fx.jdbc().sql("select name_zh from industry where code = :c").param("c", top.key()).query(String.class).single();
        assertThat(client.get(link + "&lang=zh").body()).contains("<td>" + industry + "</td>").doesNotContain("<td>" + top.key() + "</td>");
        String csv = client.get("/api/v1/talent/gap.csv?by=industry&year=2026&lang=en").body();
        assertThat(csv.lines().count()).isEqualTo(rows.size() + 1);
        assertThat(csv.lines().skip(1).findFirst().orElseThrow()).startsWith(top.key() + ",");
    }

    /**
     * A year the gap cannot be read for, in the address bar or an old link: the page (400) for all years, the year marked
     * in the reader's language with what was typed (escaped), the breakdown and side kept; not the error page.
     */
    @Test
    void aYearThatIsNoneIsMarkedAndTheGapShownForAllYearsWithTheBreakdownKept() {
        HelixClient client = HelixClient.browser(port);
        TalentGap.GapRow all = gap.total(null);
        for (String year : List.of("<b>2026", "0", "99999")) {
            String typed = year.replace("<", "&lt;").replace(">", "&gt;");
            HelixClient.Response en = client.get("/talent/gap?by=prefecture&year=" + encode(year) + "&lang=en");
            assertThat(en.status()).as(year).isEqualTo(400);
            assertThat(en.body().replace("&amp;", "&"))
                    .contains("id=\"total-need\" href=\"/talent/gap/records?by=prefecture&side=need\">" + TalentGap.format(all.need()) + "</a>");
            assertThat(en.body()).contains("<span class=\"field-error\" id=\"f-year-error\">a whole number from 1990 to 2100 is expected (you typed “"
                            + typed + "”)</span>")
                    .contains("aria-invalid=\"true\" aria-describedby=\"f-year-error\"")
                    .contains("id=\"filter-problems\"").contains("One filter could not be used")
                    .containsPattern("value=\"prefecture\" selected")
                    .doesNotContain("<b>2026").doesNotContain("class=\"error-page\"");
            HelixClient.Response zh = client.get("/talent/gap?by=prefecture&year=" + encode(year) + "&lang=zh");
            assertThat(zh.status()).isEqualTo(400);
            assertThat(zh.body()).contains("id=\"f-year-error\">应填写 1990 至 2100 之间的整数（您填写的是“" + typed + "”）</span>")
                    .contains("有 1 个筛选条件无法使用").doesNotContain("<b>2026");
        }
        // the records behind a number: all years, the side kept, the year's refusal said above them
        HelixClient.Response records = client.get("/talent/gap/records?by=industry&side=need&year=abc&lang=en");
        assertThat(records.status()).isEqualTo(400);
        assertThat(records.body()).contains("id=\"filter-problems\"").contains("a whole number from 1990 to 2100 is expected (you typed “abc”)")
                .contains("<span id=\"records-count\">" + gap.records(TalentGap.By.INDUSTRY, null, "need", null).size() + "</span>");
        assertThat(client.get("/talent/gap/records?by=industry&side=need&year=abc&lang=zh").body())
                .contains("应填写 1990 至 2100 之间的整数（您填写的是“abc”）");
        assertThat(client.get("/talent/gap?by=prefecture&year=2026").status()).isEqualTo(200);
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    // --- the indicator files ----------------------------------------------------------------

    @Test
    void theIndicatorFilesAgreeWithTheIndependentCount() throws IOException {
        List<Counted> all = countIndependently();
        all = all.stream().filter(c -> !c.side().equals("demand")).toList();
        List<Map<String, Object>> gapRows = indicator("talent.gap");
        assertThat(gapRows).hasSize(all.size());
        assertThat(sumWeight(gapRows)).isEqualByComparingTo(sum(all, "need").subtract(sum(all, "supply")));
        List<Map<String, Object>> graduates = indicator("talent.graduates");
        assertThat(graduates).hasSize((int) all.stream().filter(c -> c.side().equals("supply")).count());
        assertThat(sumWeight(graduates)).isEqualByComparingTo(sum(all, "supply"));
        List<Map<String, Object>> programsRows = indicator("talent.programs");
        long programs = fx.jdbc().sql("select count(*) from talent_program").query(Long.class).single();
        assertThat(programsRows).hasSize((int) programs);
        assertThat(programsRows).filteredOn(r -> fixtureProgram.equals(r.get("record_id"))).singleElement()
                .satisfies(r -> {
                    assertThat(r.get("industry_code")).isEqualTo("ind-ai");
                    assertThat(r.get("region_code")).isEqualTo("420111");
                    assertThat(((Number) r.get("year")).intValue()).isEqualTo(2023);
                });
        for (List<Map<String, Object>> rows : List.of(gapRows, graduates, programsRows)) {
            assertThat(rows.stream().map(r -> r.get("record_id")).distinct().count()).isEqualTo(rows.size());
            assertThat(rows).allSatisfy(r -> assertThat(r.keySet()).contains("record_id", "record_kind", "label_zh", "label_en", "href",
                    "region_code", "tier", "industry_code", "industry_group", "year", "category", "weight"));
        }
    }

    private List<Map<String, Object>> indicator(String code) throws IOException {
        String text = new ClassPathResource("indicators/" + code + ".sql").getContentAsString(StandardCharsets.UTF_8);
        assertThat(text).contains("-- code: " + code);
        String statement = text.lines().filter(l -> !l.startsWith("--")).collect(Collectors.joining("\n")).strip();
        return fx.jdbc().sql(statement).query().listOfRows();
    }

    private static BigDecimal sumWeight(List<Map<String, Object>> rows) {
        return rows.stream().map(r -> new BigDecimal(r.get("weight").toString())).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    // --- the independent count --------------------------------------------------------------

    /** Every supply and need record with its amount, from the base tables, by the rules of docs/talent.md. */
    private List<Counted> countIndependently() {
        Map<String, String> groups = new HashMap<>();
        fx.jdbc().sql("select code, industry_group from industry").query((rs, n) -> groups.put(rs.getString(1), rs.getString(2))).list();
        Map<String, String[]> regions = new HashMap<>();
        fx.jdbc().sql("select code, level, parent_code from region")
                .query((rs, n) -> regions.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3)})).list();
        Function<String, String> prefecture = code -> {
            String[] region = code == null ? null : regions.get(code);
            return region == null ? null : region[0].equals("prefecture") ? code : region[0].equals("district") ? region[1] : null;
        };
        List<Counted> counted = new ArrayList<>();
        fx.jdbc().sql("""
                        select s.ext_id, s.status, s.graduation_year, p.industry_code, u.region_code from talent_student s
                        join talent_program p on p.id = s.program_id join organization u on u.id = p.university_id""")
                .query((rs, n) -> rs.getString(2).equals("withdrawn") ? null
                        : counted.add(new Counted("student-" + rs.getString(1), "supply", rs.getString(4), groups.get(rs.getString(4)),
                                prefecture.apply(rs.getString(5)), rs.getInt(3), BigDecimal.ONE)))
                .list();
        Map<String, Map<String, Integer>> crosswalk = new HashMap<>();
        fx.jdbc().sql("select discipline_code, industry_code, share from talent_crosswalk")
                .query((rs, n) -> crosswalk.computeIfAbsent(rs.getString(1), d -> new HashMap<>()).put(rs.getString(2), rs.getInt(3))).list();
        for (Map<String, Object> f : fx.jdbc().sql("""
                        select f.ext_id, f.discipline_code, f.year, f.graduates, u.region_code
                        from talent_supply f join organization u on u.id = f.university_id""").query().listOfRows()) {
            Map<String, Integer> shares = crosswalk.getOrDefault((String) f.get("discipline_code"), Map.of());
            int total = shares.values().stream().mapToInt(Integer::intValue).sum();
            int graduates = ((Number) f.get("graduates")).intValue();
            shares.forEach((industry, share) -> counted.add(new Counted("supply-" + f.get("ext_id") + "@" + industry, "supply",
                    industry, groups.get(industry), prefecture.apply((String) f.get("region_code")), ((Number) f.get("year")).intValue(),
                    BigDecimal.valueOf((long) graduates * share).divide(BigDecimal.valueOf(total), 2, RoundingMode.HALF_UP))));
        }
        fx.jdbc().sql("select n.ext_id, n.industry_code, n.year, n.headcount, o.region_code from talent_need n join organization o on o.id = n.organization_id")
                .query((rs, n) -> counted.add(new Counted("need-" + rs.getString(1), "need", rs.getString(2), groups.get(rs.getString(2)),
                        prefecture.apply(rs.getString(5)), rs.getInt(3), BigDecimal.valueOf(rs.getInt(4)))))
                .list();
        Map<String, String> industryByName = new HashMap<>();
        fx.jdbc().sql("select code, name_zh, lower(name_en) from industry").query((rs, n) -> {
            industryByName.put(rs.getString(1), rs.getString(1));
            industryByName.put(rs.getString(2), rs.getString(1));
            return industryByName.put(rs.getString(3), rs.getString(1));
        }).list();
        for (Map<String, Object> d : fx.jdbc().sql("""
                        select d.ext_id, d.industry, d.status, d.visibility, d.deadline, d.created_at, o.region_code
                        from demand d left join organization o on o.id = d.organization_id""").query().listOfRows()) {
            String raw = (String) d.get("industry");
            String industry = raw == null ? null : industryByName.getOrDefault(raw, industryByName.get(raw.toLowerCase(java.util.Locale.ROOT)));
            if (industry == null || !"open".equals(d.get("status")) || !"public".equals(d.get("visibility"))) {
                continue;
            }
            int year = d.get("deadline") != null ? ((java.sql.Date) d.get("deadline")).toLocalDate().getYear()
                    : ((java.sql.Timestamp) d.get("created_at")).toInstant().atZone(java.time.ZoneOffset.UTC).getYear();
            counted.add(new Counted("demand-" + d.get("ext_id"), "demand", industry, groups.get(industry),
                    prefecture.apply((String) d.get("region_code")), year, BigDecimal.ONE));
        }
        return counted;
    }

    private static BigDecimal sum(List<Counted> records, String side) {
        return records.stream().filter(c -> c.side().equals(side)).map(Counted::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}

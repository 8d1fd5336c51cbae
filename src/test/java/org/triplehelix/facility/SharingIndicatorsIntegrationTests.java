package org.triplehelix.facility;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import org.triplehelix.access.HelixClient;
import org.triplehelix.facility.SharingIndicators.Grouping;

/** The sharing indicators on the known year of {@link UsageFixture}: exact numbers per instrument, organization, region, month. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SharingIndicatorsIntegrationTests {

    @Autowired
    ApplicationContext context;
    @Autowired
    SharingIndicators indicators;
    @LocalServerPort
    int port;

    UsageFixture usage;

    @BeforeAll
    void fixture() {
        usage = new UsageFixture(FacilityFixtures.of(context));
    }

    IndicatorRow row(Grouping by, String key, Integer month) {
        return indicators.compute(by, 2001, month).stream().filter(r -> key.equals(r.key())).findFirst().orElseThrow();
    }

    static void assertRow(IndicatorRow row, String effective, String external, String rate, String income, String externalIncome,
                          long users, long externalUsers, long bookings) {
        assertThat(row.effectiveHours()).isEqualTo(new BigDecimal(effective));
        assertThat(row.externalHours()).isEqualTo(new BigDecimal(external));
        assertThat(row.sharingRate()).isEqualTo(rate == null ? null : new BigDecimal(rate));
        assertThat(row.income()).isEqualTo(new BigDecimal(income));
        assertThat(row.externalIncome()).isEqualTo(new BigDecimal(externalIncome));
        assertThat(row.usersServed()).isEqualTo(users);
        assertThat(row.externalUsersServed()).isEqualTo(externalUsers);
        assertThat(row.bookings()).isEqualTo(bookings);
    }

    @Test
    void perInstrumentForTheYear() {
        assertRow(row(Grouping.INSTRUMENT, usage.f1, null), "9.50", "6.50", "0.6842", "2250.00", "1950.00", 3, 2, 3);
        assertRow(row(Grouping.INSTRUMENT, usage.f2, null), "3.00", "1.00", "0.3333", "300.00", "200.00", 2, 1, 2);
        assertRow(row(Grouping.INSTRUMENT, usage.f3, null), "6.00", "6.00", "1.0000", "600.00", "600.00", 1, 1, 1);
        assertThat(row(Grouping.INSTRUMENT, usage.f1, null).name().en()).isEqualTo("Instrument F1");
    }

    @Test
    void perInstrumentForAMonthCountedInShanghaiTime() {
        assertRow(row(Grouping.INSTRUMENT, usage.f1, 3), "5.50", "2.50", "0.4545", "1050.00", "750.00", 2, 1, 2);
        assertRow(row(Grouping.INSTRUMENT, usage.f2, 3), "1.00", "1.00", "1.0000", "200.00", "200.00", 1, 1, 1);
        assertRow(row(Grouping.INSTRUMENT, usage.f2, 1), "2.00", "0.00", "0.0000", "100.00", "0.00", 1, 0, 1);
        assertThat(indicators.compute(Grouping.INSTRUMENT, 2001, 2)).noneMatch(r -> usage.f1.equals(r.key()) || usage.f2.equals(r.key()));
    }

    @Test
    void perOwningOrganization() {
        String laboratory = FacilityFixtures.of(context).access().organizationExtId(usage.laboratory);
        String university = FacilityFixtures.of(context).access().organizationExtId(usage.university);
        String enterprise = FacilityFixtures.of(context).access().organizationExtId(usage.enterprise);
        assertRow(row(Grouping.ORGANIZATION, laboratory, null), "9.50", "6.50", "0.6842", "2250.00", "1950.00", 3, 2, 3);
        assertRow(row(Grouping.ORGANIZATION, university, null), "3.00", "1.00", "0.3333", "300.00", "200.00", 2, 1, 2);
        assertRow(row(Grouping.ORGANIZATION, enterprise, null), "6.00", "6.00", "1.0000", "600.00", "600.00", 1, 1, 1);
    }

    @Test
    void perRegionRolledUpFromDistrictsToPrefectures() {
        IndicatorRow wuhan = row(Grouping.REGION, "420100", null);
        assertRow(wuhan, "12.50", "7.50", "0.6000", "2550.00", "2150.00", 4, 2, 5);
        assertThat(wuhan.name().zh()).isEqualTo("武汉市");
        assertRow(row(Grouping.REGION, "420500", null), "6.00", "6.00", "1.0000", "600.00", "600.00", 1, 1, 1);
        assertThat(indicators.compute(Grouping.REGION, 2001, null)).extracting(IndicatorRow::key).doesNotContain("420111", "420102");
    }

    @Test
    void monthByMonthForACharts() {
        List<IndicatorRow> months = indicators.monthly(Grouping.INSTRUMENT, usage.f1, 2001);
        assertThat(months).hasSize(12);
        assertThat(months).extracting(IndicatorRow::effectiveHours).extracting(BigDecimal::toPlainString)
                .containsExactly("0.00", "0.00", "5.50", "4.00", "0.00", "0.00", "0.00", "0.00", "0.00", "0.00", "0.00", "0.00");
        assertThat(months.get(0).sharingRate()).isNull();
    }

    @Test
    void theApiAnswersThePublic() {
        HelixClient.Response response = HelixClient.browser(port).json("GET", "/api/v1/facilities/indicators?by=region&year=2001", null);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).contains("\"key\":\"420100\"").contains("\"effectiveHours\":12.50").contains("\"sharingRate\":0.6000")
                .contains("\"usersServed\":4");
        HelixClient.Response bad = HelixClient.browser(port).json("GET", "/api/v1/facilities/indicators?by=planet&year=2001", null);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("\"field\":\"by\"");
    }

    /**
     * A month or year the page's form does not offer, in the address bar: the page (400) with the field marked in the
     * reader's language and what was typed kept (escaped), the grouping and the other field kept, the indicators shown
     * without the refused one (the whole year; this year); not the error page.
     */
    @Test
    void aMonthOrYearThePageDoesNotOfferIsMarkedAndTheRestKept() {
        HelixClient client = HelixClient.browser(port);
        HelixClient.Response month = client.get("/facilities/indicators?by=region&year=2001&month=13&lang=en");
        assertThat(month.status()).isEqualTo(400);
        assertThat(month.body()).contains("<span class=\"field-error\" id=\"f-month-error\">a whole number from 1 to 12 is expected (you typed “13”)</span>")
                .contains("aria-invalid=\"true\" aria-describedby=\"f-month-error\"").contains("id=\"filter-problems\"")
                .contains("name=\"year\" type=\"text\" inputmode=\"numeric\" maxlength=\"10\" value=\"2001\"")
                .containsPattern("value=\"region\" selected")
                .containsPattern("data-key=\"420100\"[^>]*data-effective=\"12.50\"") // the whole year 2001
                .doesNotContain("class=\"error-page\"");
        assertThat(client.get("/facilities/indicators?by=region&year=2001&month=13&lang=zh").body())
                .contains("id=\"f-month-error\">应填写 1 至 12 之间的整数（您填写的是“13”）</span>").contains("有 1 个筛选条件无法使用");

        for (String year : List.of("<i>2001", "0", "99999")) {
            String typed = year.replace("<", "&lt;").replace(">", "&gt;");
            HelixClient.Response zh = client.get("/facilities/indicators?by=region&month=3&year="
                    + java.net.URLEncoder.encode(year, java.nio.charset.StandardCharsets.UTF_8) + "&lang=zh");
            assertThat(zh.status()).as(year).isEqualTo(400);
            assertThat(zh.body()).contains("id=\"f-year-error\">应填写 2000 至 2100 之间的整数（您填写的是“" + typed + "”）</span>")
                    .contains("value=\"" + year.replace("<", "&lt;") + "\"") // as typed (an attribute escapes its <)
                    .contains("aria-describedby=\"f-year-error\"")
                    .containsPattern("value=\"3\" selected").containsPattern("value=\"region\" selected")
                    .doesNotContain("<i>2001");
            assertThat(client.get("/facilities/indicators?by=region&month=3&year="
                    + java.net.URLEncoder.encode(year, java.nio.charset.StandardCharsets.UTF_8) + "&lang=en").body())
                    .contains("id=\"f-year-error\">a whole number from 2000 to 2100 is expected (you typed “" + typed + "”)</span>");
        }
        assertThat(client.get("/facilities/indicators?by=region&year=2001&month=3").status()).isEqualTo(200);
    }
}

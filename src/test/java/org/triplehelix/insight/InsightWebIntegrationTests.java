package org.triplehelix.insight;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.triplehelix.access.HelixClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The API, the pages, the CSV and the briefings, as an anonymous visitor sees them (all public). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InsightWebIntegrationTests {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    HelixClient visitor;

    @BeforeAll
    void records() {
        new InsightFixture(context);
        context.getBean(InsightSummaries.class).refreshNow();
        visitor = HelixClient.browser(port);
    }

    @Test
    void listsEveryIndicatorWithItsValue() {
        HelixClient.Response response = visitor.get("/api/v1/indicators?year=1961");
        assertThat(response.status()).isEqualTo(200);
        JsonNode list = JSON.readTree(response.body());
        assertThat(list.valueStream().map(i -> i.get("code").asString()).toList()).containsAll(InsightFixture.SHIPPED);
        JsonNode posted = list.valueStream().filter(i -> i.get("code").asString().equals("demand.posted")).findFirst().orElseThrow();
        assertThat(posted.get("value").asInt()).isEqualTo(3);
        assertThat(posted.get("name").get("en").asString()).isEqualTo("Technology demands posted");
    }

    @Test
    void breaksAnIndicatorDownAndEveryPartLinksToExactlyItsRecords() {
        JsonNode answer = JSON.readTree(visitor.get("/api/v1/indicators/demand.posted?by=region&year=1961").body());
        assertThat(answer.get("indicator").get("value").asInt()).isEqualTo(3);
        assertThat(answer.get("by").asString()).isEqualTo("region");
        int sum = 0;
        for (JsonNode part : answer.get("parts")) {
            sum += part.get("value").asInt();
            String api = part.get("records").asString().replace("/insight/indicators/", "/api/v1/indicators/");
            assertThat(JSON.readTree(visitor.get(api).body()).get("total").asInt()).as(api).isEqualTo(part.get("value").asInt());
        }
        assertThat(sum).isEqualTo(3);
        assertThat(answer.get("parts").get(0).get("label").get("zh").asString()).isEqualTo("武汉市");
    }

    @Test
    void refusesUnknownIndicatorsAndBadParametersAsProblems() {
        HelixClient.Response unknown = visitor.json("GET", "/api/v1/indicators/no.such", null);
        assertThat(unknown.status()).isEqualTo(404);
        HelixClient.Response by = visitor.json("GET", "/api/v1/indicators/output.all?by=colour", null);
        assertThat(by.status()).isEqualTo(400);
        assertThat(JSON.readTree(by.body()).get("field").asString()).isEqualTo("by");
        HelixClient.Response undeclared = visitor.json("GET", "/api/v1/indicators/output.all?by=industry", null);
        assertThat(undeclared.status()).isEqualTo(400);
        HelixClient.Response size = visitor.json("GET", "/api/v1/indicators/output.all/records?size=1000", null);
        assertThat(JSON.readTree(size.body()).get("field").asString()).isEqualTo("size");
    }

    @Test
    void aBadYearOrLimitOnAPageIsRefusedInThePagesLanguage() {
        HelixClient reader = HelixClient.browser(port);
        HelixClient.Response year = reader.get("/insight?year=3000&lang=zh");
        assertThat(year.status()).isEqualTo(400);
        assertThat(year.body()).contains("年份应在 1000 至 2200 之间（收到的是 3000）").doesNotContain("the year is between");
        HelixClient.Response words = reader.get("/insight/indicators/output.all?year=%E4%BB%8A%E5%B9%B4");
        assertThat(words.status()).isEqualTo(400);
        assertThat(words.body()).contains("年份应为数字（收到的是“今年”）").doesNotContain("the year is a number");
        HelixClient.Response limit = reader.get("/insight/network?limit=0");
        assertThat(limit.status()).isEqualTo(400);
        assertThat(limit.body()).contains("显示的连接数为 1 至 500").doesNotContain("the limit is");

        assertThat(reader.get("/insight?year=3000&lang=en").body()).contains("the year is between 1000 and 2200 (not 3000)");
        assertThat(reader.get("/insight/indicators/output.all?year=%E4%BB%8A%E5%B9%B4").body()).contains("the year is a number (not “今年”)");
        assertThat(reader.get("/insight/network?limit=0").body()).contains("show 1 to 500 links");
    }

    @Test
    void aBadValueInAFormComesBackOnItsPageAsTyped() {
        HelixClient reader = HelixClient.browser(port);
        HelixClient.Response far = reader.get("/insight?year=3000&lang=zh");
        assertThat(far.status()).isEqualTo(400);
        assertThat(far.body()).contains("id=\"insight-cards\"").contains("value=\"3000\"").doesNotContain("请求有误")
                .contains("<span class=\"field-error\" id=\"f-year-error\">年份应在 1000 至 2200 之间（收到的是 3000）</span>")
                .containsPattern("id=\"year\"[^>]*aria-invalid=\"true\"").contains("id=\"filter-problems\"");
        HelixClient.Response words = reader.get("/insight?year=abc&lang=en");
        assertThat(words.status()).isEqualTo(400);
        assertThat(words.body()).contains("id=\"insight-cards\"").contains("value=\"abc\"").contains("the year is a number (not “abc”)")
                .contains("One value could not be used (marked above)");
        HelixClient.Response limit = reader.get("/insight/network?limit=many&tier=university&lang=en");
        assertThat(limit.status()).isEqualTo(400);
        assertThat(limit.body()).contains("value=\"many\"").contains("id=\"f-limit-error\">show 1 to 500 links")
                .containsPattern("<option value=\"university\" selected");
        HelixClient.Response industries = reader.get("/insight/industries?year=%E4%BB%8A%E5%B9%B4&lang=zh");
        assertThat(industries.status()).isEqualTo(400);
        assertThat(industries.body()).contains("value=\"今年\"").contains("年份应为数字（收到的是“今年”）").doesNotContain("请求有误");
        HelixClient.Response map = reader.get("/insight/map?year=99&lang=en");
        assertThat(map.status()).isEqualTo(400);
        assertThat(map.body()).contains("value=\"99\"").contains("id=\"f-year-error\">the year is between 1000 and 2200 (not 99)");
        assertThat(reader.get("/insight/map?year=1961&lang=en").status()).isEqualTo(200);
    }

    @Test
    void aRecordsPagePastTheEndOrNotANumberShowsAPageThatExists() {
        String first = visitor.get("/insight/indicators/organization.all/records?lang=en").body();
        for (String page : new String[] {"99999", "-1", "abc"}) {
            HelixClient.Response shown = visitor.get("/insight/indicators/organization.all/records?lang=en&page=" + page);
            assertThat(shown.status()).as(page).isEqualTo(200);
            assertThat(shown.body()).as(page).contains("/organizations/");
        }
        assertThat(first).contains("/organizations/");
    }

    @Test
    void aYearBefore1900IsAPartLikeAnyOtherAndOpensItsRecords() {
        // a university founded in 1893, as the registry allows (years from 1000): its year is a part of the breakdown
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        jdbc.sql("""
                insert into organization (ext_id, type, name_zh, name_en, region_code, established)
                values ('ins-t-old', 'university', '测试百年学堂', 'Test Old College', '420100', 1893)""").update();
        context.getBean(InsightSummaries.class).refreshNow();
        for (String lang : List.of("zh", "en")) {
            HelixClient.Response page = visitor.get("/insight/indicators/organization.all?by=year&lang=" + lang);
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body()).as("the whole page, not one cut off where the year's link failed")
                    .contains("/insight/indicators/organization.all/records?year=1893").contains("</html>");
        }
        HelixClient.Response records = visitor.get("/insight/indicators/organization.all/records?year=1893&lang=en");
        assertThat(records.status()).isEqualTo(200);
        assertThat(records.body()).contains("/organizations/ins-t-old");
        assertThat(visitor.get("/api/v1/indicators/organization.all/records?year=1893").body()).contains("ins-t-old");
        assertThat(visitor.get("/insight/indicators/organization.all?year=999&lang=en").status()).isEqualTo(400);
    }

    @Test
    void everyLinkOfAnIndicatorPageWithoutAFilterOpens() {
        // the overview links to each indicator with no filter: its tables' CSV links must still be URLs with a query
        String page = visitor.get("/insight/indicators/output.all?lang=en").body();
        List<String> links = java.util.regex.Pattern.compile("href=\"(/insight/indicators/[^\"]*)\"").matcher(page).results()
                .map(m -> m.group(1).replace("&amp;", "&")).distinct().toList();
        assertThat(links).contains("/insight/indicators/output.all.csv?by=region");
        for (String link : links) {
            assertThat(visitor.get(link).status()).as(link).isEqualTo(200);
        }
    }

    @Test
    void aVisitorSeesPrivateDemandsCountedButNeverTheirTitles() {
        String api = visitor.get("/api/v1/indicators/demand.posted/records?year=1961").body();
        assertThat(JSON.readTree(api).get("total").asInt()).isEqualTo(3);
        String page = visitor.get("/insight/indicators/demand.posted/records?year=1961&lang=zh").body();
        String csv = visitor.get("/insight/indicators/demand.posted/records.csv?year=1961&lang=zh").body();
        for (String shown : List.of(api, page, csv)) {
            assertThat(shown).contains("机密需求标题 d1").doesNotContain("机密需求标题 d2").doesNotContain("Secret demand title d3");
        }
        assertThat(csv.strip().lines()).hasSize(4);
        assertThat(page).contains("data-total=\"3\"");
    }

    @Test
    void everyDashboardAndTableRendersInBothLanguages() {
        for (String lang : List.of("zh", "en")) {
            for (String path : List.of("/insight", "/insight/map", "/insight/map?indicator=demand.posted&year=1961", "/insight/network",
                    "/insight/industries", "/insight/indicators/output.all?year=1961", "/insight/indicators/output.all/records",
                    "/insight/overview.csv", "/insight/indicators/output.all.csv?by=region", "/insight/map.csv",
                    "/insight/network.csv", "/insight/industries.csv")) {
                HelixClient.Response response = visitor.get(path + (path.contains("?") ? "&" : "?") + "lang=" + lang);
                assertThat(response.status()).as(path + " in " + lang).isEqualTo(200);
            }
        }
        assertThat(visitor.get("/insight?lang=en").body()).contains("Innovation indicators").contains("/insight/indicators/demand.posted/records");
        assertThat(visitor.get("/geo/hubei-prefectures.json").body()).contains("武汉市");
        assertThat(visitor.get("/insight/network/shared?source=ins-t-natlab&target=ins-t-ent2").body())
                .contains("data-total=\"1\"").contains("/outputs/ins-t-out3");
        assertThat(visitor.get("/insight/indicators/demand.answered").body()).contains("d.status = 'closed'");
    }

    @Test
    void theBriefingsOpenAsPdfAndWorkbookInBothLanguages() throws Exception {
        for (String lang : List.of("zh", "en")) {
            HttpResponse<byte[]> pdf = download("/insight/briefing.pdf?year=1961&lang=" + lang);
            assertThat(pdf.statusCode()).isEqualTo(200);
            assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
            try (PDDocument document = Loader.loadPDF(pdf.body())) {
                String text = new PDFTextStripper().getText(document);
                assertThat(text).contains(lang.equals("zh") ? "1961 年科技创新基础年度简报" : "Annual briefing on the innovation base, 1961")
                        .contains(lang.equals("zh") ? "武汉市" : "Wuhan").contains(lang.equals("zh") ? "发布的技术需求" : "Technology demands posted");
            }
            HttpResponse<byte[]> xlsx = download("/insight/briefing.xlsx?year=1961&lang=" + lang);
            assertThat(xlsx.statusCode()).isEqualTo(200);
            try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
                assertThat(workbook.getNumberOfSheets()).isEqualTo(3);
                assertThat(workbook.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).contains("1961");
                assertThat(workbook.getSheetAt(0).getDrawingPatriarch().getCharts()).hasSize(1);
            }
        }
    }

    private HttpResponse<byte[]> download(String path) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }
}

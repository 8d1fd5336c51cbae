package org.triplehelix.facility;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import org.triplehelix.access.AccessFixtures;
import org.triplehelix.access.Account;
import org.triplehelix.access.HelixClient;
import org.triplehelix.access.Role;

/** Monthly statements on {@link UsageFixture}: lines, totals, both sides, CSV and XLSX content, who may see them. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatementIntegrationTests {

    @Autowired
    ApplicationContext context;
    @Autowired
    Statements statements;
    @LocalServerPort
    int port;

    FacilityFixtures fixtures;
    UsageFixture usage;
    String enterprise;
    String university;

    @BeforeAll
    void fixture() {
        fixtures = FacilityFixtures.of(context);
        usage = new UsageFixture(fixtures);
        enterprise = fixtures.access().organizationExtId(usage.enterprise);
        university = fixtures.access().organizationExtId(usage.university);
    }

    @Test
    void theCustomersStatementListsItsConfirmedUsageOfTheMonth() {
        Statement statement = fixtures.scope().asSystem(() -> statements.statement(enterprise, YearMonth.of(2001, 3), "customer"));
        assertThat(statement.lines()).extracting(Statement.Line::bookingId).containsExactly(usage.b2, usage.b6);
        assertThat(statement.lines()).extracting(l -> l.amount().toPlainString()).containsExactly("750.00", "200.00");
        assertThat(statement.total().toPlainString()).isEqualTo("950.00");
        assertThat(statement.totalHours().toPlainString()).isEqualTo("3.50");
    }

    @Test
    void theProvidersStatementCoversItsUnitsInstruments() {
        Statement statement = fixtures.scope().asSystem(() -> statements.statement(university, YearMonth.of(2001, 3), "provider"));
        assertThat(statement.lines()).extracting(Statement.Line::bookingId).containsExactly(usage.b1, usage.b2, usage.b6);
        assertThat(statement.total().toPlainString()).isEqualTo("1250.00");
        Statement customer = fixtures.scope().asSystem(() -> statements.statement(university, YearMonth.of(2001, 3), null));
        assertThat(customer.lines()).extracting(Statement.Line::bookingId).containsExactly(usage.b1);
    }

    @Test
    void theCsvHasAHeaderALineABookingAndTheTotal() throws IOException {
        Account reader = fixtures.access().user(usage.enterprise, Role.ENTERPRISE);
        HelixClient client = HelixClient.basic(port, reader.email(), AccessFixtures.PASSWORD);
        HelixClient.Response response = client.send("GET", "/api/v1/facilities/statements?organization=" + enterprise
                + "&month=2001-03&format=csv", Map.of("Accept-Language", "zh-CN"), new byte[0]);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("text/csv");
        assertThat(response.header("Content-Disposition")).contains("statement-" + enterprise + "-2001-03.csv");
        String body = response.body();
        assertThat(body).startsWith("\uFEFF");
        List<CSVRecord> records = CSVFormat.DEFAULT.parse(new java.io.StringReader(body.substring(1))).getRecords();
        assertThat(records).hasSize(4);
        assertThat(records.get(0).get(0)).isIn("Booking", "预约号");
        assertThat(records.get(1).get(0)).isEqualTo(String.valueOf(usage.b2));
        assertThat(records.get(1).get(1)).isEqualTo("2001-03-06 09:00");
        assertThat(records.get(1).get(13)).isEqualTo("750.00");
        assertThat(records.get(2).get(1)).isEqualTo("2001-03-31 23:30");
        assertThat(records.get(3).get(10)).isEqualTo("3.50");
        assertThat(records.get(3).get(13)).isEqualTo("950.00");
    }

    @Test
    void theXlsxHasTheSameNumbersAsNumbers() throws IOException {
        Account reader = fixtures.access().user(usage.university, Role.ORG_ADMIN);
        var response = java.net.http.HttpClient.newHttpClient().sendAsync(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + port + "/api/v1/facilities/statements?organization=" + university
                                + "&month=2001-03&side=provider&format=xlsx"))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                        (reader.email() + ":" + AccessFixtures.PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .header("Accept-Language", "en").build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray()).join();
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/vnd.openxmlformats");
        byte[] bytes = response.body();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            Sheet sheet = workbook.getSheet("2001-03");
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).startsWith("Statement 2001-03: ").endsWith("(services provided)");
            assertThat(sheet.getRow(2).getCell(13).getStringCellValue()).isEqualTo("Amount (CNY)");
            assertThat((long) sheet.getRow(3).getCell(0).getNumericCellValue()).isEqualTo(usage.b1);
            assertThat(sheet.getRow(3).getCell(13).getNumericCellValue()).isEqualTo(300.0);
            assertThat(sheet.getRow(4).getCell(8).getStringCellValue()).isEqualTo("external");
            assertThat(sheet.getRow(4).getCell(13).getNumericCellValue()).isEqualTo(750.0);
            Row total = sheet.getRow(6);
            assertThat(total.getCell(0).getStringCellValue()).isEqualTo("Total");
            assertThat(total.getCell(13).getNumericCellValue()).isEqualTo(1250.0);
            assertThat(total.getCell(10).getNumericCellValue()).isEqualTo(6.5);
        }
    }

    @Test
    void anotherOrganizationsStatementIsNotFound() {
        HelixClient outsider = HelixClient.basic(port, usage.e1.email(), AccessFixtures.PASSWORD);
        assertThat(outsider.json("GET", "/api/v1/facilities/statements?organization=" + university + "&month=2001-03", null).status())
                .isEqualTo(404);
        assertThat(outsider.json("GET", "/api/v1/facilities/statements?organization=" + enterprise + "&month=2001-03", null).status())
                .isEqualTo(200);
        assertThat(outsider.json("GET", "/api/v1/facilities/statements?organization=" + enterprise + "&month=March", null).body())
                .contains("\"field\":\"month\"");
        assertThat(HelixClient.browser(port).json("GET", "/api/v1/facilities/statements?organization=" + enterprise + "&month=2001-03", null)
                .status()).isEqualTo(404);
    }
}

package org.triplehelix.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongFunction;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;
import org.triplehelix.shared.AuditableChange;

/** Every permitted write leaves exactly one audit row with who, where, before and after; the trail cannot be edited. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AuditTrailIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserAccounts accounts;

    @Autowired
    DataScope scope;

    /** The audit page's page size (AuditController.PAGE_SIZE). */
    static final int AUDIT_PAGE_SIZE = 50;

    AccessFixtures fixtures;
    Account admin;
    HelixClient api;
    long organization;

    @BeforeEach
    void admin() {
        fixtures = AccessFixtures.of(context);
        admin = fixtures.user(null, Role.ADMIN);
        api = HelixClient.basic(port, admin.email(), AccessFixtures.PASSWORD);
        organization = fixtures.organization("Audited", null);
    }

    @Test
    void everyAccountWriteThroughTheApiLeavesExactlyOneRowWithWhoWhereBeforeAndAfter() {
        assertOneRow("approve", id -> api.json("POST", "/api/v1/users/" + id + "/approve", null), fixtures.pendingUser(organization, Role.ENTERPRISE),
                "\"status\": \"pending\"", "\"status\": \"active\"");
        assertOneRow("disable", id -> api.json("POST", "/api/v1/users/" + id + "/disable", null), fixtures.user(organization, Role.STUDENT).id(),
                "\"status\": \"active\"", "\"status\": \"disabled\"");
        assertOneRow("enable", id -> api.json("POST", "/api/v1/users/" + id + "/enable", null), fixtures.disabledUser(organization),
                "\"status\": \"disabled\"", "\"status\": \"active\"");
        assertOneRow("unlock", id -> api.json("POST", "/api/v1/users/" + id + "/unlock", null), fixtures.user(organization, Role.STUDENT).id(),
                "\"email\"", "\"email\"");
        assertOneRow("update", id -> api.json("PUT", "/api/v1/users/" + id + "/roles", "{\"roles\": [\"REVIEWER\", \"STUDENT\"]}"),
                fixtures.user(organization, Role.STUDENT).id(), "\"roles\": [\"STUDENT\"]", "\"roles\": [\"REVIEWER\", \"STUDENT\"]");
    }

    private void assertOneRow(String action, LongFunction<HelixClient.Response> write, long userId, String before, String after) {
        long rows = fixtures.auditRows();
        assertThat(write.apply(userId).status()).as(action).isEqualTo(200);
        assertThat(fixtures.auditRows()).as(action + " leaves one row").isEqualTo(rows + 1);
        Map<String, Object> row = lastRow();
        assertThat(row.get("action")).isEqualTo(action);
        assertThat(row.get("entity_kind")).isEqualTo("user");
        assertThat(row.get("entity_id")).isEqualTo(String.valueOf(userId));
        assertThat(row.get("actor")).isEqualTo(admin.email());
        assertThat(row.get("actor_user_id")).isEqualTo(admin.id());
        assertThat(row.get("remote_address")).isEqualTo("127.0.0.1");
        assertThat((String) row.get("user_agent")).startsWith("Java-http-client");
        assertThat((String) row.get("before")).as(action + " before").contains(before);
        assertThat((String) row.get("after")).as(action + " after").contains(after);
        assertThat((String) row.get("after")).doesNotContain("password").doesNotContain("bcrypt");
    }

    @Test
    void aBadDateOrAPageOutOfRangeKeepsTheTrailPageAndItsFilters() {
        HelixClient page = HelixClient.signedIn(port, admin);
        HelixClient.Response reversed = page.get("/admin/audit?actor=system&from=2026-03-31&to=2026-03-01&lang=zh");
        assertThat(reversed.status()).isEqualTo(400);
        assertThat(reversed.body()).contains("id=\"audit\"").contains("value=\"system\"")
                .contains("value=\"2026-03-31\"").contains("value=\"2026-03-01\"")
                .contains("<span class=\"field-error\" id=\"f-to-error\">截止日期（2026-03-01）不能早于起始日期（2026-03-31）。</span>")
                .containsPattern("id=\"to\"[^>]*aria-invalid=\"true\"").contains("id=\"filter-problems\"")
                .doesNotContain("请求有误");
        HelixClient.Response words = page.get("/admin/audit?from=yesterday&lang=en");
        assertThat(words.status()).isEqualTo(400);
        assertThat(words.body()).contains("A date is written year-month-day, such as 2026-03-31, not “yesterday”.")
                .contains("One filter could not be used (marked above)").contains("id=\"audit\"");

        // a page past the end is the last page; a page number that is not one is the first
        // (the last page is read off the page itself: other classes' asynchronous listeners may append rows to the shared
        // trail between a count here and the request)
        long rowsBefore = jdbc.sql("select count(*) from audit_log").query(Long.class).single();
        HelixClient.Response far = page.get("/admin/audit?page=99999&lang=en");
        assertThat(far.status()).isEqualTo(200);
        java.util.regex.Matcher shown = java.util.regex.Pattern.compile("Page ([0-9,]+) of ([0-9,]+)").matcher(far.body());
        assertThat(shown.find()).as("a page number and the count of pages").isTrue();
        assertThat(shown.group(1)).isEqualTo(shown.group(2));
        assertThat(Long.parseLong(shown.group(2).replace(",", "")))
                .isGreaterThanOrEqualTo(Math.max((rowsBefore + AUDIT_PAGE_SIZE - 1) / AUDIT_PAGE_SIZE, 1));
        assertThat(far.body()).doesNotContain("99,999").doesNotContain("rel=\"next\"").contains("<td>");
        for (String number : new String[] {"-3", "abc", ""}) {
            HelixClient.Response first = page.get("/admin/audit?lang=en&page=" + number);
            assertThat(first.status()).as(number).isEqualTo(200);
            assertThat(first.body()).as(number).contains("Page 1 of ");
        }
    }

    @Test
    void creatingOnTheCommandLineIsAuditedAsCreateWithNoBefore() {
        long rows = fixtures.auditRows();
        Account created = fixtures.user(organization, Role.ENTERPRISE);
        assertThat(fixtures.auditRows()).isEqualTo(rows + 1);
        Map<String, Object> row = lastRow();
        assertThat(row.get("action")).isEqualTo("create");
        assertThat(row.get("entity_id")).isEqualTo(String.valueOf(created.id()));
        assertThat(row.get("actor")).isEqualTo("system");
        assertThat(row.get("before")).isNull();
        assertThat((String) row.get("after")).contains(created.email()).contains("\"ENTERPRISE\"");
    }

    @Test
    void aChangeFromAnotherModuleIsRecordedInItsTransaction() {
        ApplicationEventPublisher events = context;
        TransactionTemplate transaction = new TransactionTemplate(context.getBean(org.springframework.transaction.PlatformTransactionManager.class));
        String id = AccessFixtures.unique("org");
        record Snapshot(String nameZh, String nameEn, List<String> keywords) {
        }
        scope.asSystem(() -> transaction.executeWithoutResult(status -> events.publishEvent(
                AuditableChange.updated("organization", id, new Snapshot("旧名", "Old", List.of("a")), new Snapshot("新名", "New", List.of("a", "b"))))));
        Map<String, Object> row = lastRow();
        assertThat(row.get("entity_id")).isEqualTo(id);
        assertThat(row.get("action")).isEqualTo("update");
        assertThat(row.get("actor")).isEqualTo("system");
        assertThat((String) row.get("before")).contains("\"nameZh\": \"旧名\"");
        assertThat((String) row.get("after")).contains("\"keywords\": [\"a\", \"b\"]");

        // a rolled-back write leaves no row
        String rolledBack = AccessFixtures.unique("org");
        transaction.executeWithoutResult(status -> {
            events.publishEvent(AuditableChange.created("organization", rolledBack, Map.of("nameEn", "x")));
            status.setRollbackOnly();
        });
        assertThat(fixtures.auditRows("organization", rolledBack, "create")).isZero();
    }

    @Test
    void theDatabaseRefusesToEditOrDeleteTheTrail() {
        fixtures.user(organization, Role.STUDENT);
        long rows = fixtures.auditRows();
        assertThatThrownBy(() -> jdbc.sql("update audit_log set actor = 'someone else'").update())
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("audit_log is append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from audit_log where id = (select max(id) from audit_log)").update())
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("audit_log is append-only");
        assertThatThrownBy(() -> jdbc.sql("truncate audit_log").update())
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("audit_log is append-only");
        assertThat(fixtures.auditRows()).isEqualTo(rows);
    }

    @Test
    void exportsTheFilteredTrailAsCsvAndAuditsTheExport() throws IOException {
        String entityId = "=HYPERLINK(\"http://example.org\")" + AccessFixtures.unique("");
        scope.asSystem(() -> context.publishEvent(AuditableChange.created("csv-test", entityId, Map.of("nameZh", "武汉光电国家研究中心", "note", "a,b \"c\""))));

        HelixClient.Response response = api.get("/api/v1/audit/export?kind=csv-test&from=" + LocalDate.now(AuditLog.ZONE));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("text/csv");
        assertThat(response.header("Content-Disposition")).startsWith("attachment; filename=\"audit-");
        assertThat(response.body()).startsWith("\uFEFF");
        List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(response.body().substring(1))).getRecords();
        assertThat(records).isNotEmpty().allSatisfy(r -> assertThat(r.get("entity_kind")).isEqualTo("csv-test"));
        CSVRecord last = records.getLast();
        assertThat(last.get("entity_id")).isEqualTo("'" + entityId);
        assertThat(last.get("after")).contains("武汉光电国家研究中心").contains("a,b \\\"c\\\"");
        assertThat(last.get("actor")).isEqualTo("system");

        Map<String, Object> export = lastRow();
        assertThat(export.get("action")).isEqualTo("export");
        assertThat(export.get("entity_kind")).isEqualTo("audit_log");
        assertThat((String) export.get("after")).contains("\"entityKind\": \"csv-test\"");
    }

    @Test
    void thePageFiltersByWhoKindActionAndDate() {
        Account subject = fixtures.user(organization, Role.STUDENT);
        scope.asSystem(() -> accounts.setRoles(subject.id(), Set.of(Role.REVIEWER)));
        HelixClient browser = HelixClient.browser(port);
        assertThat(browser.signIn(admin.email(), AccessFixtures.PASSWORD)).isTrue();

        String today = LocalDate.now(AuditLog.ZONE).toString();
        HelixClient.Response page = browser.get("/admin/audit?kind=user&action=update&entityId=" + subject.id() + "&from=" + today + "&to=" + today);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("1 entries").contains("\"roles\": [\"REVIEWER\"]");
        assertThat(browser.get("/admin/audit?actor=system&entityId=" + subject.id()).body()).contains("2 entries"); // create and update
        assertThat(browser.get("/admin/audit?actor=nobody-at-all&entityId=" + subject.id()).body()).contains("0 entries");
        assertThat(browser.get("/admin/audit?entityId=" + subject.id() + "&to=2000-01-01").body()).contains("0 entries");
        assertThat(browser.get("/admin/audit?page=1&kind=user").status()).isEqualTo(200);
    }

    @Test
    void thePageNamesKindsAndActionsInTheReadersLanguageAndKeepsTheCodes() {
        Account subject = fixtures.user(organization, Role.STUDENT);
        scope.asSystem(() -> accounts.setRoles(subject.id(), Set.of(Role.REVIEWER)));
        String unnamedKind = AccessFixtures.unique("x_gadget");
        scope.asSystem(() -> context.publishEvent(new AuditableChange("x-frobnicate", unnamedKind, "1", null, Map.of("n", 1))));
        HelixClient browser = HelixClient.browser(port);
        assertThat(browser.signIn(admin.email(), AccessFixtures.PASSWORD)).isTrue();

        // filtered by the codes, shown by their names with the codes beside them
        String filtered = "/admin/audit?kind=user&action=update&entityId=" + subject.id();
        HelixClient.Response chinese = browser.get(filtered + "&lang=zh");
        assertThat(chinese.status()).isEqualTo(200);
        assertThat(chinese.body()).contains("共 1 条")
                .contains("<td>修改 <small><code>update</code></small></td>")
                .contains("<td>用户账号 <small><code>user</code></small></td>")
                .contains("<option value=\"user\" selected>用户账号（user）</option>")
                .contains("<option value=\"update\" selected>修改（update）</option>")
                .contains("<option value=\"create\">新建（create）</option>")
                .doesNotContain("<td>update</td>").doesNotContain("<td>user</td>");
        assertThat(browser.get(filtered + "&lang=en").body()).contains("1 entries")
                .contains("<td>Update <small><code>update</code></small></td>")
                .contains("<td>User account <small><code>user</code></small></td>")
                .contains("<option value=\"user\" selected>User account (user)</option>")
                .doesNotContain("用户账号");

        // a code without a name (a new module's) shows as itself
        HelixClient.Response unnamed = browser.get("/admin/audit?kind=" + unnamedKind + "&lang=zh");
        assertThat(unnamed.body()).contains("共 1 条")
                .contains("<td>x-frobnicate</td>").contains("<td>" + unnamedKind + "</td>")
                .contains("<option value=\"" + unnamedKind + "\" selected>" + unnamedKind + "</option>")
                .contains("<option value=\"x-frobnicate\">x-frobnicate</option>");

        // the export keeps the codes
        String csv = api.get("/api/v1/audit/export?kind=user&action=update&entityId=" + subject.id()).body();
        assertThat(csv).contains(",update,user,").doesNotContain("用户账号").doesNotContain("User account");
    }

    private Map<String, Object> lastRow() {
        return jdbc.sql("select actor, actor_user_id, remote_address, user_agent, action, entity_kind, entity_id, before::text as before, after::text as after "
                + "from audit_log order by id desc limit 1").query().singleRow();
    }
}

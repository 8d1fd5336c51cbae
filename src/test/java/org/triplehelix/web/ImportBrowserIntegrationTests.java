package org.triplehelix.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.triplehelix.access.AccessFixtures;
import org.triplehelix.access.Role;

/**
 * An administrator uploads a JSON Lines file with bad lines among good ones through
 * {@code /registry/import}: the page follows the import's progress, then reports every bad line
 * (line, id, reason), and the good records are found in the lists.
 */
class ImportBrowserIntegrationTests extends BrowserTests {

    /** Enough records that the import is still running when the page first shows it. */
    static final int GOOD = 12_000;
    static final String PREFIX = "ib-";

    @Autowired
    ApplicationContext spring;

    @Autowired
    JdbcClient jdbc;

    String run;
    Path upload;

    @BeforeAll
    void writeTheFile() throws IOException {
        run = AccessFixtures.unique("ib").substring(3);
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= GOOD; i++) {
            lines.add("{\"kind\": \"organization\", \"id\": \"" + id(i) + "\", \"name\": {\"zh\": \"导入测试机构" + run + "号" + i
                    + "\", \"en\": \"Upload Test Institute " + run + " No " + i + "\"}, \"type\": \"enterprise\"}");
            switch (i) {
                case 10 -> lines.add("{\"kind\": \"organization\", \"id\": \"" + PREFIX + run + "-broken\", \"name\": \"Broken");
                case 20 -> lines.add("{\"kind\": \"person\", \"name\": \"No Id " + run + "\"}");
                case 30 -> lines.add("{\"kind\": \"organization\", \"id\": \"" + PREFIX + run + "-castle\", \"name\": \"Castle\", \"type\": \"castle\"}");
                case 40 -> lines.add("{\"kind\": \"person\", \"id\": \"" + PREFIX + run + "-dangling\", \"name\": \"王五\", \"organization\": \""
                        + PREFIX + run + "-nowhere\"}");
                case 50 -> lines.add("{\"kind\": \"organization\", \"id\": \"" + PREFIX + run + "-uscc\", \"name\": \"坏代码公司\", \"uscc\": \"91350100M000100Y44\"}");
                default -> {
                }
            }
        }
        upload = Files.createTempFile("upload-", ".jsonl");
        Files.write(upload, lines, StandardCharsets.UTF_8);
    }

    @AfterAll
    void removeTheRecords() throws IOException {
        jdbc.sql("delete from person where ext_id like :prefix").param("prefix", PREFIX + run + "%").update();
        jdbc.sql("delete from organization where ext_id like :prefix").param("prefix", PREFIX + run + "%").update();
        Files.deleteIfExists(upload);
    }

    private String id(int i) {
        return PREFIX + run + "-" + i;
    }

    @Test
    void reportsEveryBadLineAndTheGoodRecordsAreFound() {
        String admin = AccessFixtures.of(spring).user(null, Role.ADMIN).email();
        open("/login");
        page.locator("#email").fill(admin);
        page.locator("#password").fill(AccessFixtures.PASSWORD);
        page.locator("form[action='/login'] button[type=submit]").click();
        page.waitForURL(Pattern.compile(".*/$"));

        page.locator("#menu-import").click();
        assertThat(page.locator("h1")).hasText("导入数据");
        page.locator("#import-files").setInputFiles(upload);
        page.locator("form.import-form button[type=submit]").click();

        // the import is followed while it runs …
        assertThat(page).hasURL(Pattern.compile(".*/registry/import/jobs/.+"));
        assertThat(page.locator("#import-job progress")).isVisible();
        assertThat(page.locator("#import-job")).containsText(upload.getFileName().toString());
        screenshot(page, "import-progress");

        // … then reported, every bad line named by its line number, id and reason
        Locator report = page.locator("#import-job.import-report");
        assertThat(report).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(120_000));
        // in the page's language (Chinese): the CLI and the JSON report keep the English reasons
        assertThat(report.locator(".summary")).hasText("已导入 " + java.text.NumberFormat.getIntegerInstance(java.util.Locale.CHINA).format(GOOD)
                + " 条，未导入 5 条");
        Locator rows = report.locator("table.rejections tbody tr");
        assertThat(rows).hasCount(5);
        assertRejection(rows, 11, "-", "这一行不是有效的 JSON");
        assertRejection(rows, 22, "-", "缺少必填字段“id”");
        assertRejection(rows, 33, PREFIX + run + "-castle", "未知的类型：castle");
        assertRejection(rows, 44, PREFIX + run + "-dangling", "关联的记录不存在：organization " + PREFIX + run + "-nowhere");
        assertRejection(rows, 55, PREFIX + run + "-uscc", "校验码（最后一位）不正确");
        screenshot(page, "import-report");

        // the good records are in the lists, in both languages
        open("/organizations?q=" + "导入测试机构" + run + "号");
        Assertions.assertThat(page.locator("#result-summary .total").getAttribute("data-total")).isEqualTo(String.valueOf(GOOD));
        open("/organizations?lang=en&q=" + run + "+7777");
        page.locator("table.records a", new com.microsoft.playwright.Page.LocatorOptions().setHasText("No 7777")).click();
        assertThat(page.locator("h1")).containsText("Upload Test Institute " + run + " No 7777");
    }

    /** The rejection of a line: its line number, the id shown ("-" for none), and the reason. */
    private static void assertRejection(Locator rows, int line, String shownId, String reason) {
        Locator row = rows.filter(new Locator.FilterOptions().setHas(rows.page().locator("td:nth-child(2)",
                new com.microsoft.playwright.Page.LocatorOptions().setHasText(Pattern.compile("^" + line + "$")))));
        assertThat(row).hasCount(1);
        assertThat(row.locator("td").nth(2)).hasText(shownId);
        assertThat(row.locator("td").nth(3)).containsText(reason);
    }
}

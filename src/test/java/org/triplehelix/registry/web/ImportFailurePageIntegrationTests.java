package org.triplehelix.registry.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.triplehelix.access.AccessFixtures;
import org.triplehelix.access.Role;
import org.triplehelix.registry.ForeignKindImporter;
import org.triplehelix.registry.ForeignRecord;

/**
 * An import that stops as a whole: the job page says what went wrong in the reader's language,
 * with what the database said folded apart as the technical detail, and the records written
 * before it stopped are kept. The database's refusal is real: records of a test kind are handed
 * to an importer whose statement PostgreSQL refuses (a division by zero), and nothing in the
 * import catches it (its own context, for that importer).
 */
@SpringBootTest
@ActiveProfiles("test")
@Import(ImportFailurePageIntegrationTests.RefusedByTheDatabase.class)
class ImportFailurePageIntegrationTests {

    @TestConfiguration(proxyBeanMethods = false)
    static class RefusedByTheDatabase {

        @Bean
        ForeignKindImporter refusedKind(JdbcClient jdbc) {
            return new ForeignKindImporter() {
                @Override
                public String kind() {
                    return "test_refused";
                }

                @Override
                public java.util.Set<String> fields() {
                    return java.util.Set.of("name");
                }

                @Override
                public Batch importBatch(List<ForeignRecord> records) {
                    jdbc.sql("select 1 / (count(*) - count(*)) from organization").query(Integer.class).single();
                    return new Batch(List.of(), List.of());
                }
            };
        }
    }

    @Autowired
    WebApplicationContext context;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserDetailsService accounts;

    MockMvc mvc;
    UserDetails admin;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
        admin = accounts.loadUserByUsername(AccessFixtures.of(context).user(null, Role.ADMIN).email());
        jdbc.sql("delete from organization where ext_id = 'stopped-org'").update();
    }

    @Test
    void anImportTheDatabaseStopsSaysSoInThePagesLanguageWithTheDatabasesWordsApart() throws Exception {
        MockMultipartFile file = new MockMultipartFile("file", "stopped.jsonl", "application/x-ndjson", ("""
                {"kind": "organization", "id": "stopped-org", "name": "中止前写入的机构", "type": "enterprise"}
                {"kind": "test_refused", "id": "stopped-1"}
                """).getBytes(StandardCharsets.UTF_8));
        String location = mvc.perform(multipart("/registry/import").file(file).with(user(admin)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();

        String zh = finished(location, "zh");
        assertThat(zh).contains("<h2>导入中止</h2>")
                .contains("<span class=\"import-message\">数据库拒绝了这次导入的写入，导入已中止。此前已写入的记录都已保存；")
                .contains("<details class=\"technical-detail\"><summary>技术细节</summary><code lang=\"en\">ERROR: division by zero");
        // the database's words are not the message (they used to follow the Chinese heading as the whole explanation)
        assertThat(zh.substring(zh.indexOf("<span class=\"import-message\">"), zh.indexOf("</span>", zh.indexOf("<span class=\"import-message\">"))))
                .doesNotContain("division by zero");
        assertThat(finished(location, "en")).contains("<h2>The import stopped</h2>")
                .contains("<span class=\"import-message\">The database refused a write of this import, so the import stopped.")
                .contains("<summary>Technical detail</summary><code lang=\"en\">ERROR: division by zero");
        // the registry's records went in before the other module's were handed over, and stay
        assertThat(jdbc.sql("select count(*) from organization where ext_id = 'stopped-org'").query(Integer.class).single()).isOne();
    }

    /**
     * An office's files as the page says them: a CSV saved by Excel on Chinese Windows goes in,
     * read as GB18030 and said so; a CSV named .xlsx and a sheet without its id column are each
     * refused with what to do, in the reader's language.
     */
    @Test
    void anOfficesSpreadsheetsAreReadOrRefusedWithWhatToDoInThePagesLanguage() throws Exception {
        jdbc.sql("delete from organization where ext_id = 'gbk-org'").update();
        MockMultipartFile gbk = new MockMultipartFile("file", "organizations.csv", "text/csv",
                "id,name_zh,type\r\ngbk-org,武汉光谷实验室,enterprise\r\n".getBytes(java.nio.charset.Charset.forName("GBK")));
        MockMultipartFile renamed = new MockMultipartFile("file", "facilities.xlsx", "application/octet-stream",
                "id,name_zh\r\nf1,电镜\r\n".getBytes(StandardCharsets.UTF_8));
        MockMultipartFile headless = new MockMultipartFile("file", "people.csv", "text/csv", "编号,name_zh\r\np1,张三\r\n".getBytes(StandardCharsets.UTF_8));
        String location = mvc.perform(multipart("/registry/import").file(gbk).file(renamed).file(headless).with(user(admin)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();

        assertThat(finished(location, "zh"))
                .contains("organizations.csv 不是 UTF-8 编码，已按 GB18030（GBK，中文 Windows 版 Excel 保存 CSV 所用的编码）读取。")
                .contains("这不是 XLSX 工作簿（不是 zip 文件）；CSV 等文本文件请以 .csv 为扩展名导入。")
                .contains("表头缺少 id 列，每条“person”记录都需要它；该文件（或工作表）未导入。表头为：编号, name_zh。");
        assertThat(finished(location, "en")).contains("This is not an XLSX workbook (not a zip file)");
        assertThat(jdbc.sql("select name_zh from organization where ext_id = 'gbk-org'").query(String.class).single()).isEqualTo("武汉光谷实验室");
    }

    /** The job's fragment in a language once the import is over. */
    private String finished(String location, String lang) throws Exception {
        String fragment = "";
        for (int i = 0; i < 300 && (fragment.isEmpty() || fragment.contains("hx-trigger=\"every 1s\"")); i++) {
            Thread.sleep(100);
            fragment = mvc.perform(get(location).header("HX-Request", "true").param("lang", lang).with(user(admin)))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        }
        assertThat(fragment).doesNotContain("hx-trigger=\"every 1s\"");
        return fragment;
    }
}

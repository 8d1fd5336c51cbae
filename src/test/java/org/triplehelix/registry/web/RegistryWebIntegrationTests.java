package org.triplehelix.registry.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.triplehelix.access.AccessFixtures;
import org.triplehelix.access.Role;
import org.triplehelix.registry.RegistryChanged;
import org.triplehelix.shared.AuditableChange;

/** The registry's write API, import API and upload page, through Spring MVC and Spring Security. */
@SpringBootTest
@ActiveProfiles("test")
@RecordApplicationEvents
class RegistryWebIntegrationTests {

    @Autowired
    WebApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEvents events;

    @Autowired
    UserDetailsService accounts;

    MockMvc mvc;

    /** An administrator of the platform (the scope rules are tested by the authorization matrix). */
    UserDetails editor;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
        editor = accounts.loadUserByUsername(AccessFixtures.of(context).user(null, Role.ADMIN).email());
        for (String table : List.of("output", "facility", "person", "organization")) {
            jdbc.sql("delete from " + table + " where ext_id like 'api-%'").update();
        }
    }

    private MockHttpServletRequestBuilder editor(MockHttpServletRequestBuilder request, String json) {
        return request.with(user(editor)).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(json);
    }

    @Test
    void createsReadsBackAndRefusesADuplicate() throws Exception {
        mvc.perform(editor(post("/api/v1/organizations/api-hust"),
                        "{\"name\": {\"zh\": \"华中科技大学\", \"en\": \"HUST\"}, \"type\": \"university\", \"uscc\": \"12100000400000624D\"}"))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/v1/organizations/api-hust"))
                .andExpect(jsonPath("$.kind").value("organization"))
                .andExpect(jsonPath("$.id").value("api-hust"))
                .andExpect(jsonPath("$.name.en").value("HUST"))
                .andExpect(jsonPath("$.version").value(0));
        mvc.perform(editor(post("/api/v1/organizations/api-hust"), "{\"name\": \"x\"}"))
                .andExpect(status().isConflict());
        assertThat(events.stream(AuditableChange.class)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("create");
            assertThat(((Map<?, ?>) e.after()).get("uscc")).isEqualTo("12100000400000624D");
        });
        assertThat(events.stream(RegistryChanged.class)).contains(new RegistryChanged("organization", List.of("api-hust")));
    }

    @Test
    void updatesOnlyTheVersionThatWasRead() throws Exception {
        mvc.perform(editor(post("/api/v1/persons/api-li"), "{\"name\": \"李明\", \"title\": \"教授\"}")).andExpect(status().isCreated());

        mvc.perform(editor(put("/api/v1/persons/api-li"), "{\"name\": \"李明\", \"title\": \"研究员\", \"version\": 0}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.title").value("研究员"))
                .andExpect(jsonPath("$.version").value(1));
        mvc.perform(editor(put("/api/v1/persons/api-li"), "{\"name\": \"李明\", \"title\": \"院士\", \"version\": 0}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("was changed since you read it")));
        mvc.perform(editor(put("/api/v1/persons/api-li"), "{\"name\": \"李明\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("version"));
        mvc.perform(editor(put("/api/v1/persons/api-nobody"), "{\"name\": \"x\", \"version\": 0}"))
                .andExpect(status().isNotFound());
        assertThat(events.stream(AuditableChange.class).filter(e -> e.action().equals("update"))).singleElement().satisfies(e -> {
            assertThat(((Map<?, ?>) e.before()).get("title")).isEqualTo("教授");
            assertThat(((Map<?, ?>) e.after()).get("title")).isEqualTo("研究员");
        });
    }

    @Test
    void namesTheFieldOfBadInput() throws Exception {
        mvc.perform(editor(post("/api/v1/organizations/api-bad"), "{\"name\": \"坏\", \"uscc\": \"91350100M000100Y44\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("uscc"));
        mvc.perform(editor(post("/api/v1/persons/api-bad"), "{\"name\": \"坏\", \"orcid\": \"0000-0002-1825-0098\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("orcid"));
        mvc.perform(editor(post("/api/v1/organizations/api-bad"), "{\"type\": \"university\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("name"));
        mvc.perform(editor(post("/api/v1/organizations/api-bad"), "{\"name\": \"坏\", \"type\": \"castle\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("type"));
        mvc.perform(editor(post("/api/v1/organizations/api-bad"), "{\"name\": \"坏\", \"parent\": \"api-missing\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("parent"));
        mvc.perform(editor(post("/api/v1/outputs/api-bad"), "{\"title\": \"坏\", \"people\": [\"api-missing\"]}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("people"));
        mvc.perform(editor(post("/api/v1/facilities/api-bad"), "{\"name\": \"坏\", \"colour\": \"red\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("colour"));
        mvc.perform(editor(post("/api/v1/facilities/api-bad"), "{\"id\": \"api-other\", \"name\": \"坏\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("id"));
        mvc.perform(editor(post("/api/v1/facilities/api-bad"), "{\"name\": "))
                .andExpect(status().isBadRequest());
        assertThat(jdbc.sql("select count(*) from organization where ext_id = 'api-bad'").query(Integer.class).single()).isZero();
    }

    @Test
    void refusesAParentCycle() throws Exception {
        mvc.perform(editor(post("/api/v1/organizations/api-a"), "{\"name\": \"甲\"}")).andExpect(status().isCreated());
        mvc.perform(editor(post("/api/v1/organizations/api-b"), "{\"name\": \"乙\", \"parent\": \"api-a\"}")).andExpect(status().isCreated());

        mvc.perform(editor(put("/api/v1/organizations/api-a"), "{\"name\": \"甲\", \"parent\": \"api-b\", \"version\": 0}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("parent"));
        mvc.perform(editor(put("/api/v1/organizations/api-a"), "{\"name\": \"甲\", \"parent\": \"api-a\", \"version\": 0}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("parent"));
        assertThat(jdbc.sql("select parent_id is null from organization where ext_id = 'api-a'").query(Boolean.class).single()).isTrue();
    }

    @Test
    void deletesTheVersionThatWasRead() throws Exception {
        mvc.perform(editor(post("/api/v1/facilities/api-magnet"), "{\"name\": \"脉冲强磁场实验装置\", \"type\": \"major_facility\"}"))
                .andExpect(status().isCreated());

        mvc.perform(editor(post("/api/v1/organizations/api-owner"), "{\"name\": \"所有者\"}")).andExpect(status().isCreated());
        mvc.perform(editor(post("/api/v1/persons/api-staff"), "{\"name\": \"职员\", \"organization\": \"api-owner\"}"))
                .andExpect(status().isCreated());
        mvc.perform(delete("/api/v1/organizations/api-owner").with(user(editor)).with(csrf())).andExpect(status().isNoContent());
        assertThat(events.stream(RegistryChanged.class)).contains(new RegistryChanged("person", List.of("api-staff")));
        assertThat(jdbc.sql("select organization_id is null and content_hash is null from person where ext_id = 'api-staff'")
                .query(Boolean.class).single()).isTrue();

        mvc.perform(delete("/api/v1/facilities/api-magnet?version=3").with(user(editor)).with(csrf())).andExpect(status().isConflict());
        mvc.perform(delete("/api/v1/facilities/api-magnet?version=0").with(user(editor)).with(csrf())).andExpect(status().isNoContent());
        mvc.perform(delete("/api/v1/facilities/api-magnet").with(user(editor)).with(csrf())).andExpect(status().isNotFound());
        assertThat(events.stream(AuditableChange.class).filter(e -> e.action().equals("delete"))).hasSize(2);
    }

    @Test
    void refusesWritesOfAnonymousUsers() throws Exception {
        mvc.perform(post("/api/v1/organizations/api-anon").with(csrf()).contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"x\"}"))
                .andExpect(status().is4xxClientError());
        assertThat(jdbc.sql("select count(*) from organization where ext_id = 'api-anon'").query(Integer.class).single()).isZero();
    }

    @Test
    void importsAnUploadAndReportsEveryBadLine() throws Exception {
        MockMultipartFile file = new MockMultipartFile("file", "upload.jsonl", "application/x-ndjson", ("""
                {"kind": "organization", "id": "api-up-1", "name": "上传机构"}
                {"kind": "person", "id": "api-up-2", "name": "上传人员", "organization": "api-up-404"}
                not json
                """).getBytes(StandardCharsets.UTF_8));

        mvc.perform(multipart("/api/v1/imports").file(file).with(user(editor)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.summary").value("1 imported, 2 rejected"))
                .andExpect(jsonPath("$.rejections[0].line").value(3))
                .andExpect(jsonPath("$.rejections[0].reason").value(org.hamcrest.Matchers.startsWith("invalid JSON")))
                .andExpect(jsonPath("$.rejections[1].id").value("api-up-2"))
                .andExpect(jsonPath("$.rejections[1].file").value("upload.jsonl"));
    }

    /** Bulk imports are the department's: anyone else gets 403 as a problem detail (not a failed job's 500), nothing written. */
    @Test
    void theImportApiRefusesAnyoneButAnAdministrator() throws Exception {
        AccessFixtures fixtures = AccessFixtures.of(context);
        UserDetails orgAdmin = accounts.loadUserByUsername(
                fixtures.user(fixtures.organization(AccessFixtures.unique("导入机构"), null), Role.ORG_ADMIN).email());
        MockMultipartFile file = new MockMultipartFile("file", "upload.jsonl", "application/x-ndjson",
                "{\"kind\": \"organization\", \"id\": \"api-up-refused\", \"name\": \"无权上传的机构\"}\n".getBytes(StandardCharsets.UTF_8));
        mvc.perform(multipart("/api/v1/imports").file(file).with(user(orgAdmin)).with(csrf()))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.status").value(403));
        assertThat(jdbc.sql("select count(*) from organization where ext_id = 'api-up-refused'").query(Integer.class).single()).isZero();
    }

    @Test
    void aRefusedUploadKeepsTheIllustrativeTickAndAsksForTheFileAgain() throws Exception {
        MockMultipartFile pdf = new MockMultipartFile("file", "organizations.pdf", "application/pdf",
                "id,name_zh,name_en,type\nupload-refused-1,拒收机构,Refused Org,enterprise\n".getBytes(StandardCharsets.UTF_8));
        String page = mvc.perform(multipart("/registry/import").file(pdf).param("illustrative", "true").param("lang", "zh")
                        .with(user(editor)).with(csrf()))
                .andExpect(status().isBadRequest())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"f-file-error\">organizations.pdf：只能导入 .jsonl、.csv 和 .xlsx 文件。</span>")
                .contains("id=\"f-file-again\">浏览器无法保留已选择的文件，请重新选择文件。</span>")
                .contains("name=\"file\" aria-invalid=\"true\"")
                .contains("name=\"illustrative\" value=\"true\" checked>");
        assertThat(jdbc.sql("select count(*) from organization where ext_id = 'upload-refused-1'").query(Integer.class).single()).isZero();

        String none = mvc.perform(multipart("/registry/import").param("lang", "en").with(user(editor)).with(csrf()))
                .andExpect(status().isBadRequest())
                .andReturn().getResponse().getContentAsString();
        assertThat(none).contains("id=\"f-file-error\">Choose one or more files to import (.jsonl, .csv, .xlsx).</span>")
                .doesNotContain("f-file-again").doesNotContain("value=\"true\" checked>");
    }

    @Test
    void theUploadPageFollowsTheJobToItsReport() throws Exception {
        mvc.perform(get("/registry/import").param("lang", "en").with(user(editor)))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("enctype=\"multipart/form-data\"")));
        MockMultipartFile file = new MockMultipartFile("file", "organizations.csv", "text/csv",
                "id,name_zh,name_en,type\napi-csv-1,表格机构,CSV Org,enterprise\napi-csv-2,坏类型,,castle\n".getBytes(StandardCharsets.UTF_8));

        String location = mvc.perform(multipart("/registry/import").file(file).with(user(editor)).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/registry/import/jobs/");
        String fragment = "";
        for (int i = 0; i < 100 && !fragment.contains("import-report"); i++) {
            Thread.sleep(100);
            fragment = mvc.perform(get(location).header("HX-Request", "true").param("lang", "en").with(user(editor)))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        }
        // the page says why in its own language (the CLI and the JSON report keep "unknown organization type 'castle'")
        assertThat(fragment).contains("1 imported, 1 rejected").contains("organizations.csv").contains("Unknown type: castle");
        mvc.perform(get(location).with(user(editor))).andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString("<html")));
        mvc.perform(get("/registry/import/jobs/no-such-job").param("lang", "en").with(user(editor))).andExpect(status().isNotFound())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("This import is no longer known")));
    }

    @Test
    void theJobPageSaysWhyEachTalentAndDemandRecordWasRejectedInItsLanguageAndTheReportKeepsItsEnglish() throws Exception {
        byte[] jsonl = ("""
                {"kind": "organization", "id": "api-mix-org", "name": "混合导入机构", "type": "enterprise"}
                {"kind": "talent_program", "id": "api-mix-program", "name": {"zh": "导入项目", "en": "Imported program"}, "university": "api-mix-no-university"}
                {"kind": "demand", "id": "api-mix-demand", "title": "导入需求", "organization": "api-mix-no-enterprise"}
                {"kind": "organization", "id": "api-mix-broken"
                """).getBytes(StandardCharsets.UTF_8);

        // the report of the API (and so of the command line) keeps the English reasons of INTERCHANGE.md
        mvc.perform(multipart("/api/v1/imports").file(new MockMultipartFile("file", "mixed.jsonl", "application/x-ndjson", jsonl))
                        .with(user(editor)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.summary").value("1 imported, 3 rejected"))
                .andExpect(jsonPath("$.rejections[0].line").value(4))
                .andExpect(jsonPath("$.rejections[0].reason").value(org.hamcrest.Matchers.startsWith("invalid JSON: ")))
                .andExpect(jsonPath("$.rejections[?(@.id == 'api-mix-program')].reason").value("university: no organization api-mix-no-university"))
                .andExpect(jsonPath("$.rejections[?(@.id == 'api-mix-demand')].reason").value("organization: no organization api-mix-no-enterprise"))
                .andExpect(jsonPath("$.rejections[0].message").doesNotExist());

        String location = mvc.perform(multipart("/registry/import").file(new MockMultipartFile("file", "mixed.jsonl", "application/x-ndjson", jsonl))
                        .with(user(editor)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        String zh = finished(location, "zh");
        assertThat(zh).contains("已导入 1 条，未导入 3 条")
                // each module's reason in the page's language, the field at fault named first
                .contains(reasonCell("高校：登记库中没有编号为 api-mix-no-university 的机构"))
                .contains(reasonCell("发布机构：没有编号为“api-mix-no-enterprise”的机构"))
                // the parser's own words are folded apart as a technical detail, not given after the Chinese
                .contains("<span class=\"import-message\">这一行不是有效的 JSON。</span><details class=\"technical-detail\"><summary>技术细节</summary><code lang=\"en\">")
                .doesNotContain("no organization api-mix-no-university").doesNotContain("no organization api-mix-no-enterprise");
        assertThat(finished(location, "en")).contains("1 imported, 3 rejected")
                .contains(reasonCell("University: no organization has the id api-mix-no-university in the registry"))
                .contains(reasonCell("Organization: there is no organization with the id “api-mix-no-enterprise”"))
                .contains("<span class=\"import-message\">This line is not valid JSON.</span><details class=\"technical-detail\"><summary>Technical detail</summary>");
        assertThat(jdbc.sql("select count(*) from talent_program where ext_id = 'api-mix-program'").query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from demand where ext_id = 'api-mix-demand'").query(Integer.class).single()).isZero();
    }

    /** A reason as the rejections table shows it, in its cell, with no detail after it. */
    private static String reasonCell(String reason) {
        return "<td><span class=\"import-message\">" + reason + "</span></td>";
    }

    /** The job's fragment in a language once the import is over (its report, or why it stopped). */
    private String finished(String location, String lang) throws Exception {
        String fragment = "";
        for (int i = 0; i < 300 && (fragment.isEmpty() || fragment.contains("hx-trigger=\"every 1s\"")); i++) {
            Thread.sleep(100);
            fragment = mvc.perform(get(location).header("HX-Request", "true").param("lang", lang).with(user(editor)))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        }
        assertThat(fragment).doesNotContain("hx-trigger=\"every 1s\"");
        return fragment;
    }

    @Test
    void servesTheTemplatesOfEveryKind() throws Exception {
        mvc.perform(get("/registry/import/templates/organization.csv"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString("organization.csv")))
                .andExpect(content().bytes(("\uFEFFid,name_zh,name_en,type,parent,region,ror,uscc,website,description_zh,description_en,established\r\n")
                        .getBytes(StandardCharsets.UTF_8)));
        mvc.perform(get("/registry/import/templates/output.xlsx"))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
        mvc.perform(get("/registry/import/templates/castle.csv")).andExpect(status().isNotFound());
    }
}

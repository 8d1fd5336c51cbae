package org.triplehelix.registry.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.util.HtmlUtils;
import org.triplehelix.access.AccessFixtures;
import org.triplehelix.access.Role;
import org.triplehelix.registry.FacilityRecord;
import org.triplehelix.registry.OutputRecord;
import org.triplehelix.registry.PersonRecord;
import org.triplehelix.registry.RecordKind;
import org.triplehelix.registry.RegistryWriter;
import org.triplehelix.registry.SavedRecord;

/**
 * The list fields of the registry's edit forms (a person's disciplines and keywords, an output's and a facility's
 * keywords) round-trip exactly: an imported item holding a comma, a semicolon or 、 stays one item when the record's
 * edit form is posted back unchanged, as a browser posts it; typed on one line, items are still separated.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegistryEditListFieldsIntegrationTests {

    static final List<String> KEYWORDS = List.of("锂离子电池,正极", "Li-ion, cathode", "硅碳负极", "涂布；辊压、分切");
    static final List<String> DISCIPLINES = List.of("材料科学与工程, 电化学", "化学、物理");

    @Autowired
    WebApplicationContext context;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserDetailsService accounts;
    @Autowired
    RegistryWriter writer;

    MockMvc mvc;
    UserDetails admin;
    String organization;
    String person;
    String output;
    String facility;
    final List<String> created = new ArrayList<>();

    @BeforeEach
    void mvc() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
    }

    /** An organization, a person, an output and a facility imported with list items holding commas, semicolons and 、. */
    @BeforeAll
    void imported() throws Exception {
        mvc();
        AccessFixtures fixtures = AccessFixtures.of(context);
        admin = accounts.loadUserByUsername(fixtures.user(null, Role.ADMIN).email());
        String base = AccessFixtures.unique("lists");
        organization = base + "-org";
        person = base + "-person";
        output = base + "-output";
        facility = base + "-facility";
        created.addAll(List.of("organization:" + organization, "person:" + person, "output:" + output, "facility:" + facility));
        String keywords = "[\"锂离子电池,正极\", \"Li-ion, cathode\", \"硅碳负极\", \"涂布；辊压、分切\"]";
        String file = String.join("\n",
                "{\"kind\": \"organization\", \"id\": \"" + organization + "\", \"name\": \"逗号关键词大学\", \"type\": \"university\"}",
                "{\"kind\": \"person\", \"id\": \"" + person + "\", \"name\": \"李逗号\", \"organization\": \"" + organization
                        + "\", \"disciplines\": [\"材料科学与工程, 电化学\", \"化学、物理\"], \"keywords\": " + keywords + "}",
                "{\"kind\": \"output\", \"id\": \"" + output + "\", \"title\": \"锂电正极成果\", \"type\": \"patent\", \"year\": 2024,"
                        + " \"people\": [\"" + person + "\"], \"organizations\": [\"" + organization + "\"], \"keywords\": " + keywords + "}",
                "{\"kind\": \"facility\", \"id\": \"" + facility + "\", \"name\": \"锂电测试平台\", \"type\": \"instrument\","
                        + " \"organization\": \"" + organization + "\", \"keywords\": " + keywords + "}") + "\n";
        String job = mvc.perform(multipart("/registry/import")
                        .file(new MockMultipartFile("file", "comma-keywords.jsonl", "application/x-ndjson",
                                file.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                        .with(user(admin)).with(csrf()))
                .andExpect(status().isFound()).andReturn().getResponse().getRedirectedUrl();
        for (int attempt = 0; attempt < 600; attempt++) {
            String page = mvc.perform(get(job).param("lang", "en").with(user(admin))).andReturn().getResponse().getContentAsString();
            if (page.contains("import-report")) {
                assertThat(page).contains("4 imported, 0 rejected");
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the import did not finish: " + job);
    }

    @AfterAll
    void removeWhatWasCreated() {
        for (String record : created.reversed()) {
            String[] parts = record.split(":", 2);
            jdbc.sql("delete from " + parts[0] + " where ext_id = :id").param("id", parts[1]).update();
        }
    }

    private SavedRecord stored(RecordKind kind, String id) {
        return writer.find(kind, id).orElseThrow();
    }

    private String editPage(String path, String lang) throws Exception {
        MockHttpServletResponse page = mvc.perform(get(path + "/edit").param("lang", lang).with(user(admin))).andReturn().getResponse();
        assertThat(page.getStatus()).isEqualTo(200);
        return page.getContentAsString();
    }

    /** Posts the fields to the edit form of {@code path}, as the save button does. */
    private MockHttpServletResponse save(String path, List<Map.Entry<String, String>> fields) throws Exception {
        MockHttpServletRequestBuilder request = post(path + "/edit").with(user(admin)).with(csrf()).param("lang", "en").param("action", "save");
        fields.forEach(field -> request.param(field.getKey(), field.getValue()));
        return mvc.perform(request).andReturn().getResponse();
    }

    /**
     * The fields of a page's edit form as a browser posts them back unchanged: its inputs (a checkbox only when ticked),
     * its text areas with their line breaks as CR LF, its selects' chosen options; not the CSRF token (the test adds its own).
     */
    static List<Map.Entry<String, String>> formFields(String html) {
        Matcher form = Pattern.compile("<form class=\"edit-form\"[^>]*>(.*?)</form>", Pattern.DOTALL).matcher(html);
        assertThat(form.find()).as("an edit form").isTrue();
        String body = form.group(1);
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        Matcher input = Pattern.compile("<input([^>]*)>").matcher(body);
        while (input.find()) {
            String attributes = input.group(1);
            Matcher name = Pattern.compile("\\bname=\"([^\"]+)\"").matcher(attributes);
            Matcher value = Pattern.compile("\\bvalue=\"([^\"]*)\"").matcher(attributes);
            boolean unticked = attributes.contains("type=\"checkbox\"") && !attributes.matches("(?s).*\\schecked\\b.*");
            if (name.find() && !name.group(1).equals("_csrf") && !unticked) {
                fields.add(new SimpleEntry<>(name.group(1), value.find() ? HtmlUtils.htmlUnescape(value.group(1)) : ""));
            }
        }
        Matcher textarea = Pattern.compile("<textarea[^>]*\\bname=\"([^\"]+)\"[^>]*>(.*?)</textarea>", Pattern.DOTALL).matcher(body);
        while (textarea.find()) {
            fields.add(new SimpleEntry<>(textarea.group(1), HtmlUtils.htmlUnescape(textarea.group(2)).replace("\n", "\r\n")));
        }
        Matcher select = Pattern.compile("<select[^>]*\\bname=\"([^\"]+)\"[^>]*>(.*?)</select>", Pattern.DOTALL).matcher(body);
        while (select.find()) {
            Matcher selected = Pattern.compile("<option value=\"([^\"]*)\" selected>").matcher(select.group(2));
            fields.add(new SimpleEntry<>(select.group(1), selected.find() ? selected.group(1) : ""));
        }
        return fields;
    }

    /** Opens the record's edit form (in Chinese), posts it back unchanged, and returns the record before and after. */
    private SavedRecord[] savedUnchanged(RecordKind kind, String id, String... shown) throws Exception {
        SavedRecord before = stored(kind, id);
        String path = EditFlow.path(kind, id);
        String page = editPage(path, "zh");
        assertThat(page).contains(shown);
        MockHttpServletResponse saved = save(path, formFields(page));
        assertThat(saved.getStatus()).as(saved.getContentAsString()).isEqualTo(302);
        SavedRecord after = stored(kind, id);
        // nothing changed: the record is the same, and the writer, which skips a write that changes nothing, kept its version
        assertThat(after.record()).isEqualTo(before.record());
        assertThat(after.version()).isEqualTo(before.version());
        return new SavedRecord[] {before, after};
    }

    /** The keywords as the edit form shows them: one a line. */
    private static final String KEYWORD_LINES = ">锂离子电池,正极\nLi-ion, cathode\n硅碳负极\n涂布；辊压、分切</textarea>";

    @Test
    void aPersonsDisciplinesAndKeywordsHoldingCommasSurviveTheEditFormSavedUnchanged() throws Exception {
        assertThat(((PersonRecord) stored(RecordKind.PERSON, person).record()).keywords()).containsExactlyElementsOf(KEYWORDS);
        SavedRecord[] saved = savedUnchanged(RecordKind.PERSON, person, KEYWORD_LINES, ">材料科学与工程, 电化学\n化学、物理</textarea>",
                "id=\"f-keywords-hint\">每行一个关键词", "id=\"f-disciplines-hint\">每行一个学科");
        PersonRecord after = (PersonRecord) saved[1].record();
        assertThat(after.keywords()).containsExactlyElementsOf(KEYWORDS);
        assertThat(after.disciplines()).containsExactlyElementsOf(DISCIPLINES);
    }

    @Test
    void anOutputsKeywordsHoldingCommasSurviveTheEditFormSavedUnchanged() throws Exception {
        SavedRecord[] saved = savedUnchanged(RecordKind.OUTPUT, output, KEYWORD_LINES);
        OutputRecord after = (OutputRecord) saved[1].record();
        assertThat(after.keywords()).containsExactlyElementsOf(KEYWORDS);
        assertThat(after.people()).containsExactly(person);
    }

    @Test
    void aFacilitysKeywordsHoldingCommasSurviveTheEditFormSavedUnchanged() throws Exception {
        SavedRecord[] saved = savedUnchanged(RecordKind.FACILITY, facility, KEYWORD_LINES);
        assertThat(((FacilityRecord) saved[1].record()).keywords()).containsExactlyElementsOf(KEYWORDS);
    }

    /** A single item holding a comma, shown on a line of its own, stays one item too (stripping the text must not lose its line break). */
    @Test
    void aSingleKeywordHoldingACommaSurvivesTheEditFormSavedUnchanged() throws Exception {
        String id = AccessFixtures.unique("lists-single");
        created.add("person:" + id);
        MockHttpServletResponse made = mvc.perform(post("/persons/new").with(user(admin)).with(csrf()).param("lang", "en")
                .param("id", id).param("nameZh", "王单项").param("organization", organization)
                .param("keywords", "锂离子电池,正极\r\n").param("disciplines", "材料科学与工程, 电化学\r\n")).andReturn().getResponse();
        assertThat(made.getStatus()).as(made.getContentAsString()).isEqualTo(302);
        PersonRecord before = (PersonRecord) stored(RecordKind.PERSON, id).record();
        assertThat(before.keywords()).containsExactly("锂离子电池,正极");
        assertThat(before.disciplines()).containsExactly("材料科学与工程, 电化学");
        SavedRecord[] saved = savedUnchanged(RecordKind.PERSON, id, ">锂离子电池,正极\n</textarea>");
        assertThat(((PersonRecord) saved[1].record()).keywords()).containsExactly("锂离子电池,正极");
    }

    /** A list repeating an item (the API and the import keep it so) is kept whole when the record's edit form is saved unchanged. */
    @Test
    void aRepeatedItemIsKeptWhenTheEditFormIsSavedUnchanged() throws Exception {
        String id = AccessFixtures.unique("lists-repeated");
        created.add("person:" + id);
        MockHttpServletResponse made = mvc.perform(post("/api/v1/persons/" + id).with(user(admin)).with(csrf())
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .content("{\"name\": \"周重复\", \"organization\": \"" + organization + "\", \"keywords\": [\"正极\", \"正极\", \"负极\", \"正极\"],"
                        + " \"disciplines\": [\"化学\", \"化学\"]}")).andReturn().getResponse();
        assertThat(made.getStatus()).as(made.getContentAsString()).isEqualTo(201);
        SavedRecord[] saved = savedUnchanged(RecordKind.PERSON, id, ">正极\n正极\n负极\n正极</textarea>");
        PersonRecord after = (PersonRecord) saved[1].record();
        assertThat(after.keywords()).containsExactly("正极", "正极", "负极", "正极");
        assertThat(after.disciplines()).containsExactly("化学", "化学");
    }

    /**
     * The write API refuses what the edit forms could not give back: a list item holding a line break (named by its
     * field and place), and a new record's id holding whitespace. Nothing is written.
     */
    @Test
    void theWriteApiRefusesAListItemHoldingALineBreakAndANewIdHoldingWhitespace() throws Exception {
        String id = AccessFixtures.unique("lists-api");
        created.add("person:" + id);
        MockHttpServletResponse refused = mvc.perform(post("/api/v1/persons/" + id).with(user(admin)).with(csrf())
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .content("{\"name\": \"吴换行\", \"keywords\": [\"正极\", \"锂离子\\r\\n电池\"]}")).andReturn().getResponse();
        assertThat(refused.getStatus()).isEqualTo(400);
        assertThat(refused.getContentAsString()).contains("\"field\":\"keywords[1]\"").contains("keywords[1] holds a line break");
        assertThat(writer.find(RecordKind.PERSON, id)).isEmpty();

        String spaced = AccessFixtures.unique("lists api");
        created.add("person:" + spaced);
        refused = mvc.perform(post("/api/v1/persons/{id}", spaced).with(user(admin)).with(csrf())
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON).content("{\"name\": \"吴空格\"}")).andReturn().getResponse();
        assertThat(refused.getStatus()).isEqualTo(400);
        assertThat(refused.getContentAsString()).contains("\"field\":\"id\"").contains("holds whitespace");
        assertThat(writer.find(RecordKind.PERSON, spaced)).isEmpty();
    }

    /** Typed on one line, items are separated by commas, semicolons or 、 (full- or half-width); on several lines, one a line. */
    @Test
    void itemsTypedOnOneLineAreSeparatedAndOnSeveralLinesAreOneALine() throws Exception {
        String id = AccessFixtures.unique("lists-typed");
        created.add("facility:" + id);
        MockHttpServletResponse made = mvc.perform(post("/facilities/new").with(user(admin)).with(csrf()).param("lang", "en")
                .param("id", id).param("nameZh", "涂布机").param("type", "instrument").param("organization", organization)
                .param("keywords", "正极, 负极、隔膜；电解液;涂布，辊压")).andReturn().getResponse();
        assertThat(made.getStatus()).as(made.getContentAsString()).isEqualTo(302);
        assertThat(((FacilityRecord) stored(RecordKind.FACILITY, id).record()).keywords())
                .containsExactly("正极", "负极", "隔膜", "电解液", "涂布", "辊压");

        String path = EditFlow.path(RecordKind.FACILITY, id);
        List<Map.Entry<String, String>> fields = new ArrayList<>(formFields(editPage(path, "en")));
        fields.removeIf(field -> field.getKey().equals("keywords"));
        fields.add(new SimpleEntry<>("keywords", "正极, 负极\r\n 隔膜 \r\n\r\n"));
        assertThat(save(path, fields).getStatus()).isEqualTo(302);
        assertThat(((FacilityRecord) stored(RecordKind.FACILITY, id).record()).keywords()).containsExactly("正极, 负极", "隔膜");

        String personId = AccessFixtures.unique("lists-typed");
        created.add("person:" + personId);
        made = mvc.perform(post("/persons/new").with(user(admin)).with(csrf()).param("lang", "en").param("id", personId)
                .param("nameZh", "赵分隔").param("organization", organization).param("disciplines", "材料；化学、物理, 电化学")
                .param("keywords", "正极")).andReturn().getResponse();
        assertThat(made.getStatus()).as(made.getContentAsString()).isEqualTo(302);
        PersonRecord typed = (PersonRecord) stored(RecordKind.PERSON, personId).record();
        assertThat(typed.disciplines()).containsExactly("材料", "化学", "物理", "电化学");
        assertThat(typed.keywords()).containsExactly("正极");
    }
}

package org.triplehelix.talent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.triplehelix.access.AccessFixtures;
import org.triplehelix.web.ListRequests;
import tools.jackson.databind.json.JsonMapper;

/**
 * The program list's orders, on the page and in the API, and an unknown order treated as on the registry's lists and
 * the demands: the API refuses it naming {@code sort}; the page shows the list (400) in the default order, the sort
 * marked with why, in the page's language.
 */
@SpringBootTest
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TalentProgramSortIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    WebApplicationContext context;
    @Autowired
    ApplicationContext application;
    @Autowired
    JdbcClient jdbc;

    MockMvc mvc;
    String first;
    String second;
    String third;

    /**
     * Three programs at the top of the list in both orders tested (the latest cohorts and the most places the schema
     * allows), so that they are on its first page whatever else the shared database holds: by cohort first, second,
     * third; by places third, first, second. Deleted afterwards, so that a run leaves no programs on top for the next.
     */
    @BeforeAll
    void programs() {
        TalentFixtures fx = TalentFixtures.of(application);
        long university = fx.organization("Sort University", "university", "420100");
        long enterprise = fx.organization("Sort Enterprise", "enterprise", "420500");
        first = program(fx, university, enterprise, 2100, 9999);
        second = program(fx, university, enterprise, 2099, 9998);
        third = program(fx, university, enterprise, 2098, 10000);
    }

    private String program(TalentFixtures fx, long university, long enterprise, int cohort, int capacity) {
        String id = fx.program(university, enterprise, "0812", "ind-ai", cohort);
        jdbc.sql("update talent_program set capacity = :c where ext_id = :e").param("c", capacity).param("e", id).update();
        return id;
    }

    @AfterAll
    void delete() {
        jdbc.sql("delete from talent_program where ext_id in (:a, :b, :c)").param("a", first).param("b", second).param("c", third).update();
    }

    @BeforeEach
    void mvc() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
    }

    /** This class's programs in the order the API lists them (the first page of 100). */
    private List<String> listed(String sort) throws Exception {
        MockHttpServletRequestBuilder request = get("/api/v1/talent/programs").param("size", "100");
        if (sort != null) {
            request.param("sort", sort);
        }
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).as("GET /api/v1/talent/programs?sort=" + sort).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        JSON.readTree(response.getContentAsString()).get("items").forEach(item -> ids.add(item.get("extId").asString()));
        return ids.stream().filter(List.of(first, second, third)::contains).toList();
    }

    @Test
    void theApiSortsByEachOrder() throws Exception {
        assertThat(listed(null)).containsExactly(first, second, third);
        assertThat(listed("cohort")).containsExactly(first, second, third);
        assertThat(listed("capacity")).containsExactly(third, first, second);
        assertThat(listed("CAPACITY")).as("an id in any case").containsExactly(third, first, second);
    }

    @Test
    void theApiRefusesAnUnknownOrderNamingSort() throws Exception {
        ListRequests.refusesSort(mvc, "/api/v1/talent/programs", "places;drop table talent_program", "cohort, name, capacity, students");
    }

    private String page(int status, String lang, String... params) throws Exception {
        return ListRequests.page(mvc, "/talent", status, lang, params).getContentAsString();
    }

    private static int at(String html, String id) {
        int index = html.indexOf("href=\"/talent/programs/" + id + "\"");
        assertThat(index).as(id + " listed").isNotNegative();
        return index;
    }

    @Test
    void thePageSortsByTheOrderChosen() throws Exception {
        String html = page(200, "en", "sort", "capacity");
        assertThat(at(html, third)).isLessThan(at(html, first));
        assertThat(at(html, first)).isLessThan(at(html, second));
        assertThat(html).contains("<label for=\"sort\">Sort by</label>").contains("<option value=\"capacity\" selected>Places</option>")
                .doesNotContain("f-sort-error");
        assertThat(page(200, "zh", "sort", "students")).contains("<option value=\"students\" selected>学生数</option>");
    }

    /**
     * As on the registry's lists and the demands, an unknown order is no error page: the list comes back (400) in the
     * default order, the sort marked with why in the page's language.
     */
    @Test
    void anUnknownOrderOnThePageIsMarkedAndTheListShownInTheDefaultOrder() throws Exception {
        String html = page(400, "en", "sort", "places<desc>");
        assertThat(html).contains("<span class=\"field-error\" id=\"f-sort-error\">the programs are sorted by cohort, name, places or students "
                        + "(not “places&lt;desc&gt;”)</span>")
                .contains("<select id=\"sort\" name=\"sort\" aria-invalid=\"true\" aria-describedby=\"f-sort-error\">")
                .contains("<option value=\"cohort\" selected>")
                .doesNotContain("places<desc>");
        assertThat(at(html, first)).isLessThan(at(html, second));
        assertThat(at(html, second)).isLessThan(at(html, third));
        String zh = page(400, "zh", "sort", "places");
        assertThat(zh).contains("<span class=\"field-error\" id=\"f-sort-error\">培养项目只能按年级、名称、名额或学生数排序（收到的是“places”）</span>")
                .contains("aria-invalid=\"true\" aria-describedby=\"f-sort-error\"");
        assertThat(at(zh, first)).isLessThan(at(zh, third));
    }

    /**
     * The pager of a list whose order was refused carries the order shown (the default), not the one refused, so that
     * the next page is the list's next page and not the refusal again; an order known is kept.
     */
    @Test
    void thePagerOfARefusedOrderCarriesTheOrderShown() throws Exception {
        TalentFixtures fx = TalentFixtures.of(application);
        long university = fx.organization("Pager University", "university", "420100");
        long enterprise = fx.organization("Pager Enterprise", "enterprise", "420500");
        List<String> more = new ArrayList<>();
        try {
            for (int i = 0; i < 21; i++) { // a second page whatever else the database holds
                more.add(fx.program(university, enterprise, "0812", "ind-ai", 2000));
            }
            MockHttpServletResponse refused = mvc.perform(get("/talent").queryParam("sort", "places").queryParam("lang", "en"))
                    .andReturn().getResponse();
            assertThat(refused.getStatus()).isEqualTo(400);
            String next = next(refused.getContentAsString());
            assertThat(next).startsWith("/talent?").contains("lang=en").contains("page=1").doesNotContain("sort");
            MockHttpServletResponse second = mvc.perform(get(java.net.URI.create(next))).andReturn().getResponse();
            assertThat(second.getStatus()).isEqualTo(200);
            assertThat(second.getContentAsString()).doesNotContain("f-sort-error");
            String known = mvc.perform(get("/talent").queryParam("sort", "capacity")).andReturn().getResponse().getContentAsString();
            assertThat(next(known)).contains("sort=capacity").contains("page=1");
        } finally {
            jdbc.sql("delete from talent_program where ext_id in (:ids)").param("ids", more).update();
        }
    }

    /** The page's "next page" link, as a browser follows it (the HTML's {@code &amp;} read as {@code &}). */
    private static String next(String html) {
        java.util.regex.Matcher next = java.util.regex.Pattern.compile("<a href=\"([^\"]*)\" rel=\"next\">").matcher(html);
        assertThat(next.find()).as("a next page link").isTrue();
        return next.group(1).replace("&amp;", "&");
    }

    /**
     * By name, a Chinese page sorts the Chinese names by pinyin (阿 a, 安 an, 北 bei, 长 chang, 中 zhong, nearly the
     * reverse of their code points) and an English page the English names alphabetically whatever their case, a name
     * without an English one after them; the API in the language asked for. The names begin with "0000", so that they
     * come before the others in either language and are on the page's first page.
     */
    @Test
    void byNameInTheReadersLanguageChineseByPinyin() throws Exception {
        TalentFixtures fx = TalentFixtures.of(application);
        long university = fx.organization("Pinyin University", "university", "420100");
        long enterprise = fx.organization("Pinyin Enterprise", "enterprise", "420500");
        String set = "0000 " + AccessFixtures.unique("pinyin").replaceAll("[^A-Za-z0-9]", "");
        List<String> made = new ArrayList<>();
        try {
            String a = named(fx, university, enterprise, made, set + " 阿", set + " Delta");
            String an = named(fx, university, enterprise, made, set + " 安", null);
            String bei = named(fx, university, enterprise, made, set + " 北", set + " alpha");
            String chang = named(fx, university, enterprise, made, set + " 长", set + " charlie");
            String zhong = named(fx, university, enterprise, made, set + " 中", set + " Bravo");
            List<String> chinese = List.of(a, an, bei, chang, zhong);
            List<String> english = List.of(bei, zhong, chang, a, an);
            assertThat(shown(page(200, "zh", "sort", "name"), chinese)).containsExactlyElementsOf(chinese);
            assertThat(shown(page(200, "en", "sort", "name"), chinese)).containsExactlyElementsOf(english);
            assertThat(byName(java.util.Locale.SIMPLIFIED_CHINESE, chinese)).containsExactlyElementsOf(chinese);
            assertThat(byName(java.util.Locale.ENGLISH, chinese)).containsExactlyElementsOf(english);
        } finally {
            jdbc.sql("delete from talent_program where ext_id in (:ids)").param("ids", made).update();
        }
    }

    private String named(TalentFixtures fx, long university, long enterprise, List<String> made, String zh, String en) {
        String id = fx.program(university, enterprise, "0812", "ind-ai", 2000);
        made.add(id);
        jdbc.sql("update talent_program set name_zh = :zh, name_en = cast(:en as text) where ext_id = :e")
                .param("zh", zh).param("en", en).param("e", id).update();
        return id;
    }

    /** The programs of {@code ids} in the order the page lists them. */
    private static List<String> shown(String html, List<String> ids) {
        return ids.stream().sorted(java.util.Comparator.comparingInt(id -> at(html, id))).toList();
    }

    /** The programs of {@code ids} in the order the API lists them by name (its first page of 100, where they are). */
    private List<String> byName(java.util.Locale locale, List<String> ids) throws Exception {
        MockHttpServletResponse response = mvc.perform(get("/api/v1/talent/programs").param("sort", "name").param("size", "100")
                .locale(locale)).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        List<String> listed = new ArrayList<>();
        JSON.readTree(response.getContentAsString()).get("items").forEach(item -> listed.add(item.get("extId").asString()));
        return listed.stream().filter(ids::contains).toList();
    }
}

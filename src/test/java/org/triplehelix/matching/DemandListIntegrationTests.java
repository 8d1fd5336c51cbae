package org.triplehelix.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demand list's orders, on the page and in the API: each with its ties broken by the demand's id and what a demand
 * lacks (a deadline, a budget) last, pages that neither repeat nor skip, the page keeping its words and status tab
 * across orders (and the tabs and pager keeping the order), and an unknown order refused naming {@code sort}.
 */
@SpringBootTest
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemandListIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    WebApplicationContext context;
    @Autowired
    JdbcClient jdbc;

    MockMvc mvc;
    /** The word all this class's demands hold in their titles, and only they. */
    String tag;

    @BeforeAll
    void demands() {
        tag = AccessFixtures.unique("order").replaceAll("[^A-Za-z0-9]", "");
        // id suffix, Chinese title, English title, deadline, lowest and highest budget, last change
        demand("1", tag + " c 储能", tag + " e storage", "2099-03-01", "10", "100", "2026-01-01 10:00:00+08");
        demand("2", tag + " a 电池", null, "2099-01-01", null, null, "2026-01-03 10:00:00+08");
        demand("3", tag + " b 正极", null, null, "500", null, "2026-01-03 10:00:00+08");
        demand("4", tag + " a 电池", null, "2099-01-01", "20", "100", "2026-01-02 10:00:00+08");
        demand("5", null, tag + " d tail", null, null, null, "2026-01-04 10:00:00+08");
    }

    /** A public open demand written straight into the table: its last change is the one given, not the time of the test. */
    private void demand(String suffix, String titleZh, String titleEn, String deadline, String budgetMin, String budgetMax, String updated) {
        jdbc.sql("""
                insert into demand (ext_id, title_zh, title_en, deadline, budget_min, budget_max, updated_at, created_by)
                values (:id, :zh, :en, cast(:deadline as date), cast(:min as numeric), cast(:max as numeric),
                        cast(:updated as timestamptz), 'import')""")
                .param("id", id(suffix)).param("zh", titleZh).param("en", titleEn).param("deadline", deadline)
                .param("min", budgetMin).param("max", budgetMax).param("updated", updated).update();
    }

    private String id(String suffix) {
        return "demand-" + tag + "-" + suffix;
    }

    private List<String> ids(String... suffixes) {
        return java.util.Arrays.stream(suffixes).map(this::id).toList();
    }

    @BeforeEach
    void mvc() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
    }

    private JsonNode api(String sort, Locale locale, int page, int size) throws Exception {
        MockHttpServletRequestBuilder request = get("/api/v1/demands").param("q", tag).param("page", String.valueOf(page))
                .param("size", String.valueOf(size)).locale(locale);
        if (sort != null) {
            request.param("sort", sort);
        }
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).as("GET /api/v1/demands?sort=" + sort).isEqualTo(200);
        return JSON.readTree(response.getContentAsString());
    }

    private List<String> listed(String sort, Locale locale) throws Exception {
        List<String> ids = new ArrayList<>();
        api(sort, locale, 0, 100).get("items").forEach(item -> ids.add(item.get("extId").asString()));
        return ids;
    }

    @Test
    void eachOrderBreaksItsTiesByIdAndPutsWhatIsMissingLast() throws Exception {
        // the default, as before: latest change first; 2 and 3 changed at once, by id
        assertThat(listed(null, Locale.SIMPLIFIED_CHINESE)).containsExactlyElementsOf(ids("5", "2", "3", "4", "1"));
        assertThat(listed("updated", Locale.SIMPLIFIED_CHINESE)).containsExactlyElementsOf(ids("5", "2", "3", "4", "1"));
        // soonest deadline first, 2 and 4 on the same day by id, those without a deadline last (by id)
        assertThat(listed("deadline", Locale.SIMPLIFIED_CHINESE)).containsExactlyElementsOf(ids("2", "4", "1", "3", "5"));
        // highest budget first: 3 offers from 500; 4 and 1 up to 100, 4 from more; those without a budget last
        assertThat(listed("budget", Locale.SIMPLIFIED_CHINESE)).containsExactlyElementsOf(ids("3", "4", "1", "2", "5"));
        // by title in the reader's language: 2 and 4 share theirs; 1's English title puts it last in English
        assertThat(listed("title", Locale.SIMPLIFIED_CHINESE)).containsExactlyElementsOf(ids("2", "4", "3", "1", "5"));
        assertThat(listed("title", Locale.ENGLISH)).containsExactlyElementsOf(ids("2", "4", "3", "5", "1"));
        assertThat(listed("DEADLINE", Locale.ENGLISH)).as("an id in any case").containsExactlyElementsOf(ids("2", "4", "1", "3", "5"));
    }

    /** As the registry's lists: Chinese titles by pinyin (安 an, 北 bei, 重 chong), not by their characters' code points. */
    @Test
    void chineseTitlesAreSortedByPinyin() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(jdbc.sql("select count(*) from pg_collation where collname = 'zh-x-icu'")
                .query(Long.class).single() == 1, "the database has ICU's Chinese collation");
        String cities = AccessFixtures.unique("pinyin").replaceAll("[^A-Za-z0-9]", "");
        String[] titles = {"北京", "安徽", "重庆"};
        for (int i = 0; i < titles.length; i++) {
            jdbc.sql("insert into demand (ext_id, title_zh, created_by) values (:id, :t, 'import')")
                    .param("id", "demand-" + cities + "-" + i).param("t", titles[i] + "的需求 " + cities).update();
        }
        List<String> ids = new ArrayList<>();
        JSON.readTree(mvc.perform(get("/api/v1/demands").param("q", cities).param("sort", "title").locale(Locale.SIMPLIFIED_CHINESE))
                .andReturn().getResponse().getContentAsString()).get("items").forEach(item -> ids.add(item.get("extId").asString()));
        assertThat(ids).containsExactly("demand-" + cities + "-1", "demand-" + cities + "-0", "demand-" + cities + "-2");
    }

    @Test
    void pagesOfEveryOrderNeitherRepeatNorSkipADemand() throws Exception {
        for (String sort : List.of("updated", "deadline", "budget", "title")) {
            List<String> paged = new ArrayList<>();
            for (int page = 0; page < 3; page++) {
                JsonNode found = api(sort, Locale.SIMPLIFIED_CHINESE, page, 2);
                assertThat(found.get("total").asLong()).isEqualTo(5);
                found.get("items").forEach(item -> paged.add(item.get("extId").asString()));
            }
            assertThat(paged).as(sort).containsExactlyElementsOf(listed(sort, Locale.SIMPLIFIED_CHINESE));
        }
    }

    @Test
    void theApiRefusesAnUnknownOrderNamingSort() throws Exception {
        ListRequests.refusesSort(mvc, "/api/v1/demands", "price;drop table demand", "updated, deadline, budget, title");
        assertThat(jdbc.sql("select count(*) from demand where ext_id like :p").param("p", "demand-" + tag + "-%")
                .query(Long.class).single()).isEqualTo(5);
    }

    private String page(String lang, String... params) throws Exception {
        return pageResponse(200, lang, params).getContentAsString();
    }

    private MockHttpServletResponse pageResponse(int status, String lang, String... params) throws Exception {
        return ListRequests.page(mvc, "/demands", status, lang, params);
    }

    private static int at(String html, String id) {
        int index = html.indexOf("href=\"/demands/" + id + "\"");
        assertThat(index).as(id + " listed").isNotNegative();
        return index;
    }

    @Test
    void thePageSortsKeepingTheWordsAndTheTabAndItsLinksKeepTheSort() throws Exception {
        String html = page("en", "q", tag, "status", "OPEN", "sort", "budget");
        assertThat(at(html, id("3"))).isLessThan(at(html, id("4")));
        assertThat(at(html, id("4"))).isLessThan(at(html, id("1")));
        assertThat(at(html, id("1"))).isLessThan(at(html, id("2")));
        assertThat(html).contains("<label for=\"demands-sort\">Order</label>")
                .contains("<option value=\"budget\" selected>Budget, highest first</option>")
                .contains("<option value=\"deadline\">Deadline, soonest first</option>")
                // the form that sorts carries the words and the tab
                .contains("name=\"q\" type=\"search\" value=\"" + tag + "\"")
                .contains("<input type=\"hidden\" name=\"status\" value=\"open\">")
                // the tabs keep the words and the order
                .contains("href=\"/demands?q=" + tag + "&amp;sort=budget\"")
                .contains("href=\"/demands?status=closed&amp;q=" + tag + "&amp;sort=budget\"");
        assertThat(page("zh", "q", tag, "sort", "deadline")).contains("<option value=\"deadline\" selected>截止日期最近在前</option>");
        // the default order is left out of the links
        assertThat(page("en", "q", tag)).contains("<option value=\"updated\" selected>")
                .contains("href=\"/demands?status=open&amp;q=" + tag + "\"");
    }

    @Test
    void thePagerKeepsTheWordsTheTabAndTheSort() throws Exception {
        String many = AccessFixtures.unique("pager").replaceAll("[^A-Za-z0-9]", "");
        for (int i = 0; i < 21; i++) {
            jdbc.sql("insert into demand (ext_id, title_zh, deadline, created_by) values (:id, :t, cast(:d as date), 'import')")
                    .param("id", "demand-" + many + "-" + String.format("%02d", i)).param("t", many + " 需求 " + i)
                    .param("d", "2099-02-" + String.format("%02d", 1 + i)).update();
        }
        // the first written has the soonest deadline: first by deadline, last by latest change
        String first = page("en", "q", many, "status", "open", "sort", "deadline");
        assertThat(first).contains("<a rel=\"next\" href=\"/demands?status=open&amp;q=" + many + "&amp;sort=deadline&amp;page=1\">")
                .contains("href=\"/demands/demand-" + many + "-00\"").doesNotContain("href=\"/demands/demand-" + many + "-20\"");
        String second = page("en", "q", many, "status", "open", "sort", "deadline", "page", "1");
        assertThat(second).contains("href=\"/demands/demand-" + many + "-20\"")
                .contains("<a rel=\"prev\" href=\"/demands?status=open&amp;q=" + many + "&amp;sort=deadline\">");
    }

    /**
     * As on the registry's lists, an unknown order is no error page that loses the rest: the list comes back (400) in
     * the default order with the words and the tab, the sort marked with why in the page's language.
     */
    @Test
    void anUnknownOrderOnThePageIsMarkedAndTheListKeepsTheRest() throws Exception {
        String html = pageResponse(400, "en", "q", tag, "status", "open", "sort", "price<desc>").getContentAsString();
        assertThat(html).contains("<span class=\"field-error\" id=\"f-sort-error\">the demands are sorted by latest change, deadline, budget or title (not “price&lt;desc&gt;”)</span>")
                .contains("aria-invalid=\"true\" aria-describedby=\"f-sort-error\"")
                .contains("<option value=\"updated\" selected>")
                .contains("name=\"q\" type=\"search\" value=\"" + tag + "\"")
                .contains("<input type=\"hidden\" name=\"status\" value=\"open\">")
                .doesNotContain("price<desc>")
                // the tabs offer the list in the default order
                .contains("href=\"/demands?status=closed&amp;q=" + tag + "\"");
        assertThat(at(html, id("5"))).isLessThan(at(html, id("2")));
        assertThat(at(html, id("4"))).isLessThan(at(html, id("1")));
        assertThat(pageResponse(400, "zh", "sort", "price").getContentAsString())
                .contains("id=\"f-sort-error\">需求只能按最近更新、截止日期、预算或标题排序（收到的是“price”）</span>");
    }
}

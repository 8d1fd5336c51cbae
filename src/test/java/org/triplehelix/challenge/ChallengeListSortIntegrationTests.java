package org.triplehelix.challenge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.ArrayList;
import java.util.List;
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
 * The challenge list's orders, on the page and in the API, and an unknown order treated as on the registry's lists and
 * the demands: the API refuses it naming {@code sort}; the page shows the list (400) in the default order with its
 * filters as chosen and the sort marked with why, in the page's language.
 */
@SpringBootTest
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChallengeListSortIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    WebApplicationContext context;
    @Autowired
    ApplicationContext application;
    @Autowired
    JdbcClient jdbc;

    MockMvc mvc;
    /** The word this class's challenges hold in their titles, and only they. */
    String tag;
    String first;
    String second;
    String third;

    @BeforeAll
    void challenges() {
        tag = AccessFixtures.unique("order").replaceAll("[^A-Za-z0-9]", "");
        ChallengeFixtures f = ChallengeFixtures.of(application);
        // newest: first, second, third; deadline: second, third, first; budget: third, second, first; title: second, first, third
        first = published(f, tag + " b 乙", "2026-01-03 10:00:00+08", "2099-03-01", "100");
        second = published(f, tag + " a 甲", "2026-01-02 10:00:00+08", "2099-01-01", "200");
        third = published(f, tag + " c 丙", "2026-01-01 10:00:00+08", "2099-02-01", "300");
    }

    private String published(ChallengeFixtures f, String title, String created, String deadline, String budget) {
        String extId = f.published(title, "any");
        jdbc.sql("update challenge set created_at = cast(:c as timestamptz), deadline = cast(:d as timestamptz), budget = cast(:b as numeric) where ext_id = :e")
                .param("c", created).param("d", deadline + " 12:00:00+08").param("b", budget).param("e", extId).update();
        return extId;
    }

    @BeforeEach
    void mvc() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
    }

    private List<String> listed(String sort) throws Exception {
        MockHttpServletRequestBuilder request = get("/api/v1/challenges").param("q", tag);
        if (sort != null) {
            request.param("sort", sort);
        }
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).as("GET /api/v1/challenges?sort=" + sort).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        JSON.readTree(response.getContentAsString()).get("items").forEach(item -> ids.add(item.get("extId").asString()));
        return ids;
    }

    @Test
    void theApiSortsByEachOrder() throws Exception {
        assertThat(listed(null)).containsExactly(first, second, third);
        assertThat(listed("newest")).containsExactly(first, second, third);
        assertThat(listed("deadline")).containsExactly(second, third, first);
        assertThat(listed("budget")).containsExactly(third, second, first);
        assertThat(listed("title")).containsExactly(second, first, third);
        assertThat(listed("Budget")).as("an id in any case").containsExactly(third, second, first);
    }

    @Test
    void theApiRefusesAnUnknownOrderNamingSort() throws Exception {
        ListRequests.refusesSort(mvc, "/api/v1/challenges", "price;drop table challenge", "newest, deadline, budget, title");
    }

    private MockHttpServletResponse page(int status, String lang, String... params) throws Exception {
        return ListRequests.page(mvc, "/challenges", status, lang, params);
    }

    private static int at(String html, String extId) {
        int index = html.indexOf("data-challenge=\"" + extId + "\"");
        assertThat(index).as(extId + " listed").isNotNegative();
        return index;
    }

    @Test
    void thePageSortsByTheOrderChosen() throws Exception {
        String html = page(200, "en", "q", tag, "sort", "budget").getContentAsString();
        assertThat(at(html, third)).isLessThan(at(html, second));
        assertThat(at(html, second)).isLessThan(at(html, first));
        assertThat(html).contains("<option value=\"budget\" selected>Budget or reward</option>").doesNotContain("f-sort-error");
        assertThat(page(200, "zh", "q", tag, "sort", "deadline").getContentAsString())
                .contains("<option value=\"deadline\" selected>截止时间</option>");
    }

    /**
     * As on the registry's lists and the demands, an unknown order is no error page that loses the rest: the list comes
     * back (400) in the default order with the filters as chosen, the sort marked with why in the page's language.
     */
    @Test
    void anUnknownOrderOnThePageIsMarkedAndTheListKeepsTheRest() throws Exception {
        String html = page(400, "en", "q", tag, "status", "published", "sort", "price<desc>").getContentAsString();
        assertThat(html).contains("<span class=\"field-error\" id=\"f-sort-error\">the challenges are sorted newest first, by deadline, "
                        + "by budget or reward, or by title (not “price&lt;desc&gt;”)</span>")
                .contains("<select id=\"sort\" name=\"sort\" aria-invalid=\"true\" aria-describedby=\"f-sort-error\">")
                .contains("<option value=\"newest\" selected>")
                .contains("id=\"q\" name=\"q\" type=\"search\" value=\"" + tag + "\"")
                .contains("<option value=\"published\" selected>")
                .doesNotContain("price<desc>");
        assertThat(at(html, first)).isLessThan(at(html, second));
        assertThat(at(html, second)).isLessThan(at(html, third));
        String zh = page(400, "zh", "q", tag, "sort", "price").getContentAsString();
        assertThat(zh).contains("<span class=\"field-error\" id=\"f-sort-error\">榜单只能按最新发布、截止时间、经费或奖励、标题排序（收到的是“price”）</span>")
                .contains("aria-invalid=\"true\" aria-describedby=\"f-sort-error\"");
        assertThat(at(zh, first)).isLessThan(at(zh, third));
    }

    /** The page's "next page" link, as a browser follows it (the HTML's {@code &amp;} read as {@code &}). */
    static String next(String html) {
        java.util.regex.Matcher next = java.util.regex.Pattern.compile("<a href=\"([^\"]*)\" rel=\"next\">").matcher(html);
        assertThat(next.find()).as("a next page link").isTrue();
        return next.group(1).replace("&amp;", "&");
    }

    /**
     * The pager of a list whose order was refused carries the order shown (the default), not the one refused, so that
     * the next page is the list's next page and not the refusal again; an order known is kept, with the words.
     */
    @Test
    void thePagerOfARefusedOrderCarriesTheOrderShown() throws Exception {
        String many = AccessFixtures.unique("pager").replaceAll("[^A-Za-z0-9]", "");
        ChallengeFixtures f = ChallengeFixtures.of(application);
        List<String> made = new ArrayList<>();
        try {
            for (int i = 0; i < 21; i++) { // one more than a page
                made.add(f.published(many + " " + i, "any"));
            }
            pagerOfARefusedOrder(many);
        } finally { // not left on other classes' lists
            jdbc.sql("delete from challenge where ext_id in (:ids)").param("ids", made).update();
        }
    }

    private void pagerOfARefusedOrder(String many) throws Exception {
        MockHttpServletResponse refused = mvc.perform(get("/challenges").queryParam("q", many).queryParam("sort", "price")
                .queryParam("lang", "en")).andReturn().getResponse();
        assertThat(refused.getStatus()).isEqualTo(400);
        String next = next(refused.getContentAsString());
        assertThat(next).startsWith("/challenges?").contains("q=" + many).contains("lang=en").contains("page=1").doesNotContain("sort");
        // the language link shows the same page, the refusal read in the other language
        assertThat(refused.getContentAsString()).contains("<a href=\"/challenges?q=" + many + "&amp;sort=price&amp;lang=zh\" lang=\"zh-CN\"");
        MockHttpServletResponse second = mvc.perform(get(java.net.URI.create(next))).andReturn().getResponse();
        assertThat(second.getStatus()).isEqualTo(200);
        assertThat(second.getContentAsString()).contains("<span class=\"current\">2 / 2</span>").doesNotContain("f-sort-error");
        MockHttpServletResponse known = mvc.perform(get("/challenges").queryParam("q", many).queryParam("sort", "budget"))
                .andReturn().getResponse();
        assertThat(known.getStatus()).isEqualTo(200);
        assertThat(next(known.getContentAsString())).contains("q=" + many).contains("sort=budget").contains("page=1");
    }

    /**
     * By title, a Chinese page sorts the Chinese titles by pinyin (阿 a, 安 an, 北 bei, 长 chang, 中 zhong, nearly the
     * reverse of their code points) and an English page the English titles alphabetically whatever their case, a title
     * without an English one after them; the API in the language asked for.
     */
    @Test
    void byTitleInTheReadersLanguageChineseByPinyin() throws Exception {
        String set = AccessFixtures.unique("pinyin").replaceAll("[^A-Za-z0-9]", "");
        ChallengeFixtures f = ChallengeFixtures.of(application);
        String a = titled(f, set + " 阿", set + " Delta");
        String an = titled(f, set + " 安", null);
        String bei = titled(f, set + " 北", set + " alpha");
        String chang = titled(f, set + " 长", set + " charlie");
        String zhong = titled(f, set + " 中", set + " Bravo");
        List<String> chinese = List.of(a, an, bei, chang, zhong);
        List<String> english = List.of(bei, zhong, chang, a, an);
        try {
            assertThat(shown(page(200, "zh", "q", set, "sort", "title").getContentAsString(), chinese)).containsExactlyElementsOf(chinese);
            assertThat(shown(page(200, "en", "q", set, "sort", "title").getContentAsString(), chinese)).containsExactlyElementsOf(english);
            assertThat(titles(set, java.util.Locale.SIMPLIFIED_CHINESE)).containsExactlyElementsOf(chinese);
            assertThat(titles(set, java.util.Locale.ENGLISH)).containsExactlyElementsOf(english);
        } finally { // not left on other classes' lists
            jdbc.sql("delete from challenge where ext_id in (:ids)").param("ids", chinese).update();
        }
    }

    private String titled(ChallengeFixtures f, String zh, String en) {
        String extId = f.published(zh, "any");
        jdbc.sql("update challenge set title_en = cast(:en as text) where ext_id = :e").param("en", en).param("e", extId).update();
        return extId;
    }

    /** The challenges of {@code ids} in the order the page lists them. */
    private static List<String> shown(String html, List<String> ids) {
        return ids.stream().sorted(java.util.Comparator.comparingInt(id -> at(html, id))).toList();
    }

    private List<String> titles(String q, java.util.Locale locale) throws Exception {
        MockHttpServletResponse response = mvc.perform(get("/api/v1/challenges").param("q", q).param("sort", "title").locale(locale))
                .andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        JSON.readTree(response.getContentAsString()).get("items").forEach(item -> ids.add(item.get("extId").asString()));
        return ids;
    }
}

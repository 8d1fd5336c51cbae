package org.triplehelix.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.triplehelix.registry.RegistryQueries;

/** The registry's pages, rendered on the small fixture, in both languages, with htmx fragments and error pages. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegistryPagesIntegrationTests {

    @Autowired
    WebApplicationContext context;

    @Autowired
    DataSource dataSource;

    @Autowired
    RegistryQueries queries;

    @LocalServerPort
    int port;

    MockMvc mvc;

    @BeforeAll
    void setUp() {
        RegistryFixture.load(dataSource);
        RegistryFixture.index(context); // the header search ranks with the matching engine's index
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
    }

    @AfterAll
    void removeFixture() {
        RegistryFixture.clean(dataSource);
    }

    @Test
    void homeShowsTheProvinceCountsLinkingToTheirLists() throws Exception {
        long laboratories = queries.stats("420000").organizations().get("provincial_laboratory");
        mvc.perform(get("/").locale(Locale.SIMPLIFIED_CHINESE))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/html"))
                .andExpect(content().string(containsString("湖北省科技创新基地")))
                .andExpect(content().string(containsString("href=\"/organizations?type=provincial_laboratory&amp;region=420000\"")))
                .andExpect(content().string(containsString("<span class=\"stat-number\">" + laboratories + "</span>")))
                .andExpect(content().string(containsString("href=\"/persons?region=420000\"")))
                .andExpect(content().string(containsString("全国重点实验室")));
        mvc.perform(get("/").param("region", "all").param("lang", "en"))
                .andExpect(content().string(containsString("The innovation base at a glance")))
                .andExpect(content().string(containsString("href=\"/organizations?type=university\"")));
    }

    @Test
    void listsSearchInChineseAndEnglish() throws Exception {
        mvc.perform(get("/organizations").param("q", "华中").locale(Locale.SIMPLIFIED_CHINESE))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<a href=\"/organizations/fx-org-hust\">华中科技大学</a>")))
                .andExpect(content().string(containsString("<html")));
        mvc.perform(get("/organizations").param("q", "huazhong").param("lang", "en"))
                .andExpect(content().string(containsString("<a href=\"/organizations/fx-org-hust\">Huazhong University of Science and Technology</a>")))
                .andExpect(content().string(containsString("lang=\"zh-CN\">华中科技大学</span>")));
        mvc.perform(get("/persons").param("q", "photonics"))
                .andExpect(content().string(containsString("/persons/fx-p-li")));
        mvc.perform(get("/outputs").param("organization", "fx-org-wnlo").param("sort", "year"))
                .andExpect(content().string(containsString("/outputs/fx-u-4")))
                .andExpect(content().string(containsString("/outputs/fx-u-2")))
                .andExpect(content().string(containsString("class=\"scope-note\"")));
        mvc.perform(get("/facilities").param("region", "420111"))
                .andExpect(content().string(containsString("/facilities/fx-f-magnet")))
                .andExpect(content().string(not(containsString("/facilities/fx-f-tem"))));
    }

    @Test
    void htmxGetsTheResultTableAlone() throws Exception {
        mvc.perform(get("/organizations").param("q", "华中").header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(header().stringValues("Vary", org.hamcrest.Matchers.hasItem("HX-Request")))
                .andExpect(content().string(not(containsString("<html"))))
                .andExpect(content().string(containsString("hx-swap-oob=\"innerHTML\"")))
                .andExpect(content().string(containsString("/organizations/fx-org-hust")));
        mvc.perform(get("/organizations").param("q", "华中").header("HX-Request", "true").header("HX-History-Restore-Request", "true"))
                .andExpect(content().string(containsString("<html")));
    }

    @Test
    void emptyResultsSayWhatToDo() throws Exception {
        mvc.perform(get("/outputs").param("q", "' OR 1=1 --").locale(Locale.SIMPLIFIED_CHINESE))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("class=\"empty-state\"")))
                .andExpect(content().string(containsString("没有名称或关键词包含“' OR 1=1 --”的记录")));
    }

    @Test
    void organizationProfileLinksItsNeighbours() throws Exception {
        mvc.perform(get("/organizations/fx-org-hust").locale(Locale.SIMPLIFIED_CHINESE))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<h1>华中科技大学")))
                .andExpect(content().string(containsString("href=\"/organizations/fx-org-wnlo\"")))
                .andExpect(content().string(containsString("href=\"/persons/fx-p-li\"")))
                .andExpect(content().string(containsString("href=\"/outputs/fx-u-1\"")))
                .andExpect(content().string(containsString("href=\"/facilities/fx-f-magnet\"")))
                .andExpect(content().string(containsString("href=\"/organizations/fx-org-whu\"")))
                .andExpect(content().string(containsString("共同成果 2 项")))
                .andExpect(content().string(containsString("href=\"https://ror.org/00p991c53\"")));
        mvc.perform(get("/organizations/fx-org-wnlo").param("lang", "en"))
                .andExpect(content().string(containsString("Parent organization")))
                .andExpect(content().string(containsString("href=\"/organizations/fx-org-hust\"")));
    }

    @Test
    void personOutputAndFacilityProfilesLinkTheirNeighbours() throws Exception {
        mvc.perform(get("/persons/fx-p-li"))
                .andExpect(content().string(containsString("href=\"/organizations/fx-org-hust\"")))
                .andExpect(content().string(containsString("href=\"/persons/fx-p-zhang\"")))
                .andExpect(content().string(containsString("href=\"https://orcid.org/0000-0002-1825-0097\"")));
        mvc.perform(get("/outputs/fx-u-2"))
                .andExpect(content().string(containsString("href=\"/persons/fx-p-wang\"")))
                .andExpect(content().string(containsString("href=\"/organizations/fx-org-whu\"")));
        mvc.perform(get("/facilities/fx-f-tem"))
                .andExpect(content().string(containsString("href=\"/organizations/fx-org-whu\"")));
    }

    @Test
    void illustrativeRecordsWearABadge() throws Exception {
        mvc.perform(get("/organizations/fx-org-lab").locale(Locale.SIMPLIFIED_CHINESE))
                .andExpect(content().string(containsString("badge-illustrative")))
                .andExpect(content().string(containsString(">示例</span>")));
        mvc.perform(get("/outputs/fx-u-4").param("lang", "en"))
                .andExpect(content().string(containsString(">Illustrative</span>")));
        mvc.perform(get("/organizations/fx-org-hust").locale(Locale.SIMPLIFIED_CHINESE))
                .andExpect(content().string(org.hamcrest.Matchers.matchesRegex("(?s).*<h1>华中科技大学\\s*</h1>.*")));
    }

    @Test
    void dataIsEscapedAndOnlyWebAddressesBecomeLinks() throws Exception {
        mvc.perform(get("/organizations/fx-org-script"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("&lt;script&gt;alert(1)&lt;/script&gt;研究所")))
                .andExpect(content().string(not(containsString("<script>alert(1)"))))
                .andExpect(content().string(not(containsString("href=\"javascript:"))));
        mvc.perform(get("/search").param("q", "<script>alert(1)</script>"))
                .andExpect(content().string(not(containsString("<script>alert(1)"))))
                .andExpect(content().string(containsString("value=\"&lt;script>alert(1)&lt;/script>\"")));
    }

    @Test
    void searchPageGroupsEveryKind() throws Exception {
        mvc.perform(get("/search").param("q", "光电").locale(Locale.SIMPLIFIED_CHINESE))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/organizations/fx-org-wnlo")))
                .andExpect(content().string(containsString("/outputs/fx-u-1")))
                .andExpect(content().string(containsString("href=\"/organizations?q=%E5%85%89%E7%94%B5\"")));
        mvc.perform(get("/search"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"search-q\"")));
    }

    @Test
    void aPersonsTitleReadsInThePagesLanguageAndTheirOrganizationByItsEnglishName() throws Exception {
        // the header search's results: the title of the national title system translated, the organization's English name
        mvc.perform(get("/search").param("q", "王芳").param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Research professor · Wuhan National Laboratory for Optoelectronics")))
                .andExpect(content().string(not(containsString("研究员"))));
        mvc.perform(get("/search").param("q", "王芳").param("lang", "zh"))
                .andExpect(content().string(containsString("研究员 · 武汉光电国家研究中心")));
        mvc.perform(get("/persons/fx-p-li").param("lang", "en")).andExpect(content().string(containsString("<dd>Professor</dd>")));
        mvc.perform(get("/persons/fx-p-li").param("lang", "zh")).andExpect(content().string(containsString("<dd>教授</dd>")));
        mvc.perform(get("/persons").param("q", "张伟").param("lang", "en"))
                .andExpect(content().string(containsString("<td>Associate professor</td>")));
        mvc.perform(get("/organizations/fx-org-wnlo").param("lang", "en"))
                .andExpect(content().string(containsString("Research professor")));
    }

    /**
     * WCAG 3.1.2: a name shown in Chinese on an English page for want of an English one says so (lang), so that a screen
     * reader reads it as Chinese: on its profile, in the list's table and in the header search's results.
     */
    @Test
    void aChineseOnlyNameOnTheEnglishPagesIsMarkedChinese() throws Exception {
        String marked = "<span lang=\"zh-CN\">&lt;script&gt;alert(1)&lt;/script&gt;研究所</span>";
        mvc.perform(get("/organizations/fx-org-script").param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<h1>" + marked)));
        mvc.perform(get("/organizations").param("q", "研究所").param("lang", "en"))
                .andExpect(content().string(containsString("<a href=\"/organizations/fx-org-script\">" + marked + "</a>")));
        mvc.perform(get("/search").param("q", "研究所").param("lang", "en"))
                .andExpect(content().string(containsString("<a href=\"/organizations/fx-org-script\">" + marked + "</a>")));
        // on the Chinese pages it is in the page's language: nothing to mark
        mvc.perform(get("/organizations/fx-org-script").param("lang", "zh"))
                .andExpect(content().string(containsString("<h1>&lt;script&gt;alert(1)&lt;/script&gt;研究所")))
                .andExpect(content().string(not(containsString("<span lang="))));
    }

    @Test
    void aBilingualRecordsNameIsShownInThePagesLanguageUnmarked() throws Exception {
        mvc.perform(get("/organizations/fx-org-hust").param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<h1>Huazhong University of Science and Technology")))
                .andExpect(content().string(not(containsString("<span lang="))));
        mvc.perform(get("/organizations").param("q", "Huazhong").param("lang", "en"))
                .andExpect(content().string(containsString("<a href=\"/organizations/fx-org-hust\">Huazhong University of Science and Technology</a>")))
                .andExpect(content().string(not(containsString("<span lang="))));
    }

    @Test
    void taxonomyPages() throws Exception {
        mvc.perform(get("/industries").locale(Locale.SIMPLIFIED_CHINESE))
                .andExpect(content().string(containsString("传统产业")))
                .andExpect(content().string(containsString("未来产业")))
                .andExpect(content().string(containsString("href=\"/technologies?industry=fx-ind-opt\"")));
        mvc.perform(get("/technologies").param("industry", "fx-ind-opt").param("lang", "en"))
                .andExpect(content().string(containsString("High-end optical chips (test)")))
                .andExpect(content().string(containsString(">Illustrative</span>")));
    }

    @Test
    void theLanguageSwitchSticks() throws Exception {
        var switched = mvc.perform(get("/organizations").param("lang", "en"))
                .andExpect(cookie().value("helix-lang", "en"))
                .andExpect(content().string(containsString("<html lang=\"en\">")))
                .andReturn();
        Cookie language = switched.getResponse().getCookie("helix-lang");
        mvc.perform(get("/persons").cookie(language).locale(Locale.SIMPLIFIED_CHINESE))
                .andExpect(content().string(containsString("<html lang=\"en\">")))
                .andExpect(content().string(containsString("href=\"/persons?lang=zh\"")));
    }

    @Test
    void missingRecordsAndBadParametersGiveErrorPagesInTheReadersLanguage() throws Exception {
        mvc.perform(get("/organizations/fx-none").locale(Locale.SIMPLIFIED_CHINESE))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("页面不存在")))
                .andExpect(content().string(not(containsString("Exception"))));
        mvc.perform(get("/persons/fx-none").param("lang", "en"))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("Page not found")));
        // a bad filter is no longer an error page that loses the others (aBadFilterComesBackOnTheListAsTyped)
        mvc.perform(get("/outputs").param("yearFrom", "abc").locale(Locale.SIMPLIFIED_CHINESE))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("年份须用数字填写，例如 2020，而不是“abc”")));
        mvc.perform(get("/organizations").param("sort", "bogus"))
                .andExpect(status().isBadRequest());
        // a parameter of the wrong type without a form to mark (a download's year) gets the error page, not Spring Boot's
        // problem-details JSON (a page with a filter form marks the field instead: TalentGapIntegrationTests)
        mvc.perform(get("/insight/briefing.xlsx").param("year", "abc").param("lang", "en").accept(org.springframework.http.MediaType.TEXT_HTML))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(org.springframework.http.MediaType.TEXT_HTML))
                .andExpect(content().string(containsString("id=\"error-title\"")))
                .andExpect(content().string(not(containsString("\"status\":400"))));
    }

    @Test
    void aBadFilterComesBackOnTheListAsTyped() throws Exception {
        String reversed = mvc.perform(get("/outputs").param("q", "光电").param("yearFrom", "2020").param("yearTo", "2010")
                        .locale(Locale.SIMPLIFIED_CHINESE))
                .andExpect(status().isBadRequest())
                .andReturn().getResponse().getContentAsString();
        assertThat(reversed).contains("<form class=\"filters\"").contains("value=\"光电\"")
                .contains("value=\"2020\"").contains("value=\"2010\"")
                .containsPattern("<span class=\"field-error\" id=\"f-yearTo-error\">结束年份（2010）不能早于起始年份（2020）。</span>")
                .containsPattern("id=\"f-year-to\"[^>]*aria-invalid=\"true\"")
                .contains("id=\"filter-problems\"").contains("下面的结果未按这些条件筛选").contains("id=\"results\"")
                .doesNotContain("请求有误");
        mvc.perform(get("/organizations").param("q", "Huazhong University of Science").param("yearFrom", "二〇二〇").param("lang", "en"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("value=\"二〇二〇\"")))
                .andExpect(content().string(containsString("A year is written in digits, such as 2020, not “二〇二〇”.")))
                .andExpect(content().string(containsString("One filter could not be used (marked above)")))
                .andExpect(content().string(containsString("/organizations/fx-org-hust")));
        // a refused sort or type: the other filters still apply, and the list with them is shown
        mvc.perform(get("/facilities").param("type", "bogus").param("region", "420111").param("lang", "en"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("<span class=\"field-error\" id=\"f-type-error\">There is no type “bogus” for these records.</span>")))
                .andExpect(content().string(containsString("/facilities/fx-f-magnet")))
                .andExpect(content().string(not(containsString("/facilities/fx-f-tem"))));
        mvc.perform(get("/persons").param("sort", "bogus").param("q", "photonics").locale(Locale.SIMPLIFIED_CHINESE))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("这类记录不能按“bogus”排序。")))
                .andExpect(content().string(containsString("/persons/fx-p-li")));
        // from htmx (the form changed), the marks belong beside the form's fields: the whole page is loaded again
        mvc.perform(get("/outputs?yearFrom=2020&yearTo=2010").header("HX-Request", "true"))
                .andExpect(header().string("HX-Redirect", "/outputs?yearFrom=2020&yearTo=2010"));
    }

    /**
     * The pager of a list that refused a filter or its order carries the filters and order shown, not those refused,
     * so that the next page is the list's next page and not the refusal again; those kept stay.
     */
    @Test
    void thePagerOfARefusedFilterCarriesWhatTheListShows() throws Exception {
        String refused = mvc.perform(get("/outputs").queryParam("organization", "fx-org-wnlo").queryParam("size", "1")
                        .queryParam("sort", "bogus").queryParam("yearFrom", "二〇二〇").queryParam("lang", "en"))
                .andExpect(status().isBadRequest())
                .andReturn().getResponse().getContentAsString();
        java.util.regex.Matcher link = java.util.regex.Pattern.compile("<a href=\"([^\"]*)\" hx-get=\"([^\"]*)\"[^>]*rel=\"next\"")
                .matcher(refused);
        assertThat(link.find()).as("a next page link").isTrue();
        String next = link.group(1).replace("&amp;", "&");
        assertThat(link.group(2)).isEqualTo(link.group(1));
        assertThat(next).startsWith("/outputs?").contains("organization=fx-org-wnlo").contains("size=1").contains("page=1")
                .doesNotContain("sort").doesNotContain("yearFrom");
        mvc.perform(get(URI.create(next))).andExpect(status().isOk())
                .andExpect(content().string(containsString("<span class=\"current\" aria-current=\"page\">2</span>")));
        // a last year before the first: both are left out of the list, and so of its pager; a year kept stays
        assertThat(nextPage(get("/outputs").queryParam("organization", "fx-org-wnlo").queryParam("size", "1")
                .queryParam("yearFrom", "2100").queryParam("yearTo", "1900")))
                .contains("organization=fx-org-wnlo").doesNotContain("yearFrom").doesNotContain("yearTo");
        assertThat(nextPage(get("/outputs").queryParam("organization", "fx-org-wnlo").queryParam("size", "1")
                .queryParam("yearFrom", "1900").queryParam("yearTo", "year")))
                .contains("yearFrom=1900").doesNotContain("yearTo");
    }

    /** The "next page" link of a refused list (400). */
    private String nextPage(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request) throws Exception {
        String html = mvc.perform(request).andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        java.util.regex.Matcher link = java.util.regex.Pattern.compile("<a href=\"([^\"]*)\"[^>]*rel=\"next\"").matcher(html);
        assertThat(link.find()).as("a next page link").isTrue();
        return link.group(1).replace("&amp;", "&");
    }

    @Test
    void aPageNumberPastTheEndOrOutOfRangeShowsAPageThatExists() throws Exception {
        long total = queries.outputs(RegistryQueries.Criteria.all().withOrganization("fx-org-wnlo")).total();
        assertThat(total).isGreaterThan(1);
        String last = mvc.perform(get("/outputs").param("organization", "fx-org-wnlo").param("size", "1").param("page", "99999"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(last).contains("<span class=\"current\" aria-current=\"page\">" + total + "</span>")
                .containsPattern("page=" + (total - 2) + "[^\"]*\"[^>]*rel=\"prev\"").doesNotContain("rel=\"next\"").contains("/outputs/fx-u-");
        for (String page : new String[] {"-1", "abc", "0", "99999999999999999999"}) {
            String shown = mvc.perform(get("/outputs").param("organization", "fx-org-wnlo").param("size", "1").param("page", page))
                    .andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString();
            assertThat(shown).as(page).contains("<span class=\"current\" aria-current=\"page\">"
                    + (page.length() > 10 ? total : 1) + "</span>");
        }
    }

    @Test
    void errorsOutsideTheControllersGetTheErrorPageToo() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/no/such/page?lang=en"))
                .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("Page not found").contains("<html lang=\"en\">")
                .contains("href=\"/no/such/page?lang=zh\"").doesNotContain("Whitelabel").doesNotContain("Exception");
        HttpResponse<String> forbidden = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/organizations"))
                .header("Accept", "text/html").header("Accept-Language", "zh-CN").POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(forbidden.body()).contains("没有权限").contains("<html lang=\"zh-CN\">");
        HttpResponse<String> api = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/no-such-thing"))
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(api.statusCode()).isEqualTo(404);
        assertThat(api.body()).doesNotContain("<html");
    }
}

package org.triplehelix.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/** The matching pages and the JSON API, with their errors and their access rules (the real model embeds the fixture). */
@SpringBootTest
@ActiveProfiles("test")
class MatchingWebIntegrationTests {

    @Autowired
    org.springframework.web.context.WebApplicationContext context;
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    IndexMaintenance maintenance;
    @Autowired
    org.springframework.security.core.userdetails.UserDetailsService users;
    org.springframework.test.web.servlet.request.RequestPostProcessor alice;
    org.springframework.test.web.servlet.request.RequestPostProcessor bob;

    @BeforeEach
    void loadTheFixture() {
        mvc = org.springframework.test.web.servlet.setup.MockMvcBuilders.webAppContextSetup(context)
                .apply(org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity()).build();
        FixtureLoader.load(jdbc);
        maintenance.rebuild(Progress.NONE);
        maintenance.embedMissing(Progress.NONE, 1);
        org.triplehelix.access.AccessFixtures fixtures = org.triplehelix.access.AccessFixtures.of(context);
        long enterprise = jdbc.sql("select id from organization where ext_id = 'org-medical-ai'").query(Long.class).single();
        alice = user(users.loadUserByUsername(fixtures.user(enterprise, org.triplehelix.access.Role.ENTERPRISE).email()));
        bob = user(users.loadUserByUsername(fixtures.user(null, org.triplehelix.access.Role.ENTERPRISE).email()));
    }

    @Test
    void theMatchPageShowsHitsWithTheirReasons() throws Exception {
        mvc.perform(get("/match").param("q", "固态电解质电池的研发").param("target", "person").param("lang", "zh"))
                .andExpect(status().isOk())
                .andExpect(content("李伟"))
                .andExpect(content("<mark>固态电解质</mark>"))
                .andExpect(content("江城储能材料实验室"))
                .andExpect(content("省实验室"));
        // an English page names the hit in English, as it does its supporting outputs
        mvc.perform(get("/match").param("q", "固态电解质电池的研发").param("target", "person").param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content("<a class=\"match-name\" href=\"/persons/person-li-wei\">Li Wei</a>"));
        mvc.perform(get("/match").param("q", "AI for medical image segmentation").param("target", "organization").param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content("Supporting outputs"));
        mvc.perform(get("/match")).andExpect(status().isOk()).andExpect(content("<textarea"));
        // the tabs say what they choose (they were named "Refine", as the filters are)
        mvc.perform(get("/match").param("q", "水稻育种").param("lang", "en"))
                .andExpect(content("<nav class=\"tabs\" aria-label=\"What to find\">"));
        mvc.perform(get("/match").param("q", "水稻育种").param("lang", "zh"))
                .andExpect(content("<nav class=\"tabs\" aria-label=\"匹配对象\">"));
    }

    @Test
    void theApiReturnsHitsWithReasonsAndEvidence() throws Exception {
        mvc.perform(get("/api/v1/match").param("q", "固态电解质电池的研发").param("target", "person").param("k", "3"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.hits[0].extId").value("person-li-wei"))
                .andExpect(jsonPath("$.hits[0].reasons.supports[0].extId").value("out-01"))
                .andExpect(jsonPath("$.hits[0].reasons.organization.type").value("provincial_laboratory"))
                .andExpect(jsonPath("$.hits[0].reasons.similarity").isNumber());
        mvc.perform(post("/api/v1/match").with(alice).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"text": "水稻育种", "target": "organization", "k": 2, "filters": {"tiers": ["university"]}}"""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.hits[0].extId").value("org-agri-univ"))
                .andExpect(jsonPath("$.hits.length()").value(2));
        mvc.perform(get("/api/v1/match").param("q", "水稻").param("target", "galaxy")) // the parameter the caller gave
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("target"));
        mvc.perform(get("/api/v1/match").param("q", "水稻").param("yearFrom", "2020").param("yearTo", "2010"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("yearTo"));
        mvc.perform(get("/api/v1/match").param("q", "水稻").param("tier", "castle"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("tier"));
        mvc.perform(post("/api/v1/match").with(alice).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\": \"水稻\", \"filters\": {\"tier\": [\"university\"]}}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("filters.tier"));
        mvc.perform(post("/api/v1/match").with(alice).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\": \"水稻\", \"target\": \"galaxy\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("target"));
        mvc.perform(get("/api/v1/match").param("q", "水稻").param("k", "0"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("k"));
        for (String text : new String[] {"5", "[\"水稻\"]"}) { // not matched as the text "5", not refused without naming it
            mvc.perform(post("/api/v1/match").with(alice).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                            .content("{\"text\": " + text + "}"))
                    .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("text"))
                    .andExpect(jsonPath("$.detail").value("text must be a text"));
        }
        mvc.perform(get("/api/v1/match/status")).andExpect(status().isOk()).andExpect(jsonPath("$.stale").value(false));
    }

    @Test
    void demandsThroughTheApi() throws Exception {
        String body = """
                {"titleZh": "桥梁拉索健康监测系统", "keywords": ["斜拉桥", "健康监测"], "trl": 5, "visibility": "public"}""";
        mvc.perform(post("/api/v1/demands").with(csrf()).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isUnauthorized());
        String location = mvc.perform(post("/api/v1/demands").with(alice).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", startsWith("/api/v1/demands/demand-")))
                .andReturn().getResponse().getHeader("Location");
        mvc.perform(get(location)).andExpect(status().isOk()).andExpect(jsonPath("$.trl").value(5));
        mvc.perform(get(location + "/matches").param("target", "person").param("k", "1"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.hits[0].extId").value("person-sun-hao"));
        mvc.perform(put(location).with(alice).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"titleZh\": \"桥梁拉索健康监测系统\", \"trl\": 11, \"version\": 0}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("trl"));
        mvc.perform(put(location).with(bob).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"titleZh\": \"改标题\", \"version\": 0}"))
                .andExpect(status().isForbidden());
        mvc.perform(post(location + "/close").with(alice).with(csrf()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("CLOSED"));
        mvc.perform(get("/api/v1/demands").param("status", "closed"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(1));
        mvc.perform(delete(location).with(alice).with(csrf())).andExpect(status().isNoContent());
        mvc.perform(get(location)).andExpect(status().isNotFound());
    }

    /** A readiness level of 5.5 is refused naming trl, not cut to 5; 6.0 is the whole number it is. */
    @Test
    void aFractionalReadinessLevelIsRefusedNotCut() throws Exception {
        mvc.perform(post("/api/v1/demands").with(alice).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"titleZh\": \"成熟度带小数的需求\", \"trl\": 5.5}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("trl"))
                .andExpect(jsonPath("$.detail").value("trl must be a whole number"));
        assertThat(jdbc.sql("select count(*) from demand where title_zh = '成熟度带小数的需求'").query(Long.class).single()).isZero();
        String whole = demand("{\"titleZh\": \"成熟度是整数的需求\", \"trl\": 6.0}");
        mvc.perform(get("/api/v1/demands/" + whole)).andExpect(jsonPath("$.trl").value(6));
    }

    /** A demand's matches name the parameter at fault, and its similar demands leave the demand itself out. */
    @Test
    void aDemandsMatchesNameABadTargetAndLeaveTheDemandOutOfItsLikes() throws Exception {
        String first = demand("{\"titleZh\": \"桥梁拉索的健康监测与损伤识别\", \"keywords\": [\"斜拉桥\", \"健康监测\"]}");
        String second = demand("{\"titleZh\": \"斜拉桥拉索健康监测系统\", \"keywords\": [\"斜拉桥\", \"健康监测\"]}");
        mvc.perform(get("/api/v1/demands/" + first + "/matches").param("target", "experts"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("target"));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() -> { // indexed after the commit
            String likes = mvc.perform(get("/api/v1/demands/" + first + "/matches").param("target", "demand").param("k", "5"))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            assertThat(likes).contains("\"extId\":\"" + second + "\"").doesNotContain("\"extId\":\"" + first + "\"");
        });
    }

    @Test
    void demandsThroughThePages() throws Exception {
        // signed out, the form is not offered (its saving would be refused): the sign-in page first
        mvc.perform(get("/demands/new").param("title", "钠离子电池储能").param("lang", "zh"))
                .andExpect(status().is3xxRedirection()).andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl("/login"));
        mvc.perform(get("/demands/new").with(alice).param("title", "钠离子电池储能").param("lang", "zh"))
                .andExpect(status().isOk()).andExpect(content("value=\"钠离子电池储能\""));
        mvc.perform(post("/demands").with(alice).with(csrf()).param("titleZh", "").param("visibility", "public"))
                .andExpect(status().isBadRequest()).andExpect(content("role=\"alert\""));
        String page = mvc.perform(post("/demands").with(alice).with(csrf())
                        .param("titleZh", "钠离子电池储能系统集成").param("keywords", "钠离子电池, 储能").param("trl", "6")
                        .param("visibility", "public").param("deadline", "2099-12-31"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("/demands/demand-*"))
                .andReturn().getResponse().getRedirectedUrl();
        mvc.perform(get(page).param("lang", "zh").with(alice))
                .andExpect(status().isOk()).andExpect(content("谁能解决")).andExpect(content("张敏")).andExpect(content("编辑"));
        mvc.perform(get(page).param("target", "facility").param("lang", "en"))
                .andExpect(status().isOk()).andExpect(content("Who could solve it"));
        mvc.perform(get("/demands").param("lang", "en")).andExpect(status().isOk()).andExpect(content("钠离子电池储能系统集成"));
        mvc.perform(post(page + "/close").with(alice).with(csrf())).andExpect(status().is3xxRedirection());
        mvc.perform(get("/demands").param("status", "open")).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.not(containsString("钠离子电池储能系统集成"))));
    }

    @Test
    void hostileTextInTheMatchBoxAndTheDemandFormComesBackAsText() throws Exception {
        for (String hostile : new String[] {"<script>alert('x')</script>", "' OR 1=1 --"}) {
            for (String target : new String[] {"person", "organization", "output", "facility", "demand"}) {
                String page = mvc.perform(get("/match").param("q", hostile).param("target", target))
                        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
                org.assertj.core.api.Assertions.assertThat(page).doesNotContain("<script>alert");
            }
            String form = mvc.perform(get("/demands/new").with(alice).param("title", hostile)).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString();
            org.assertj.core.api.Assertions.assertThat(form).doesNotContain("<script>alert");
            String posted = mvc.perform(post("/demands").with(alice).with(csrf()).param("titleZh", "需求" + hostile)
                            .param("titleEn", hostile).param("keywords", hostile).param("descriptionZh", hostile).param("visibility", "public"))
                    .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
            String shown = mvc.perform(get(posted).param("lang", "en")).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString();
            org.assertj.core.api.Assertions.assertThat(shown).doesNotContain("<script>alert");
            if (hostile.startsWith("<")) {
                org.assertj.core.api.Assertions.assertThat(shown).contains("&lt;script&gt;");
            } else {
                org.assertj.core.api.Assertions.assertThat(shown).contains("OR 1=1");
            }
            mvc.perform(get("/demands")).andExpect(status().isOk());
        }
    }

    @Test
    void theHeaderSearchBoxRanksWithTheSameEngine() throws Exception {
        // "segmenting" is in no title: the engine's English analysis finds "segmentation", the words alone would not
        mvc.perform(get("/search").param("q", "segmenting lesions").param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content("Deep learning segmentation of lesions in fundus images"));
        mvc.perform(get("/search").param("q", "钠离子电池").param("lang", "zh"))
                .andExpect(status().isOk()).andExpect(content("钠离子电池"));
    }

    @Test
    void fragmentsForOtherPages() throws Exception {
        // named in the page's language (an English page names the hit in English since the hits follow the language)
        mvc.perform(get("/match/similar").param("kind", "person").param("id", "person-li-wei").param("target", "person").param("lang", "en"))
                .andExpect(status().isOk()).andExpect(content(">Zhang Min</a>"));
        mvc.perform(get("/match/similar").param("kind", "person").param("id", "person-li-wei").param("target", "person").param("lang", "zh"))
                .andExpect(status().isOk()).andExpect(content("张敏"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.not(containsString("hit-person-li-wei"))));
    }

    /** A count typed by hand that is no int, or none at all, was a JSON problem in the browser: the fragment shows 1 to 50, 5 else. */
    @Test
    void aFragmentsCountTypedByHandGivesTheFragment() throws Exception {
        for (String k : new String[] {"99999999999", "abc", "-7", ""}) {
            mvc.perform(get("/match/similar").param("kind", "person").param("id", "person-li-wei").param("k", k).accept(MediaType.TEXT_HTML))
                    .andExpect(status().isOk()).andExpect(content("class=\"match-hit\""));
            mvc.perform(get("/match/fits").param("kind", "person").param("id", "person-li-wei").param("k", k).accept(MediaType.TEXT_HTML))
                    .andExpect(status().isOk()).andExpect(content("match-fragment"));
        }
        assertThat(page(get("/match/similar").param("kind", "person").param("id", "person-li-wei").param("k", "99999999999")))
                .contains("ol class=\"match-hits\"");
        mvc.perform(get("/match/similar").param("kind", "person").param("lang", "en").accept(MediaType.TEXT_HTML)).andExpect(status().isOk())
                .andExpect(content("No similar experts found yet."));
        mvc.perform(get("/match/fits").param("id", "person-li-wei").accept(MediaType.TEXT_HTML)).andExpect(status().isBadRequest())
                .andExpect(header().string("Content-Type", startsWith("text/html")));
    }

    /**
     * A profile page holds two panels: a fragment neither times its ranking nor repeats the /match page's
     * notice; with the semantic index complete it says nothing of it, while vectors are missing one short line.
     */
    @Test
    void panelsKeepQuietAboutTheIndexWhenItIsReady() throws Exception {
        String[][] fragments = {
                {"/match/similar", "kind", "person", "id", "person-li-wei", "target", "person"},
                {"/match/fits", "kind", "person", "id", "person-li-wei", "k", "5"}};
        // the time, and every wording of the index's state: the page's notices and the panel's line
        String[][] languages = {{"zh", "排序用时", "语义索引", "关键词匹配"}, {"en", "Ranked in", "emantic index", "exical matching", "Keyword matching"}};
        for (String[] fragment : fragments) {
            for (String[] language : languages) {
                String html = fragment(fragment, language[0]);
                assertThat(html).as("%s %s", fragment[0], language[0]).contains("match-fragment").doesNotContain("class=\"notice\"")
                        .doesNotContain(java.util.Arrays.copyOfRange(language, 1, language.length));
            }
        }
        assertThat(fragment(fragments[0], "zh")).contains("张敏");
        // the /match page keeps its own line on the time
        mvc.perform(get("/match").param("q", "固态电解质电池的研发").param("lang", "en")).andExpect(content("Ranked in"));

        // the vectors gone (a new model, a rebuild): one short line, in the reader's language, and no more
        jdbc.sql("delete from embedding").update();
        maintenance.rebuild(Progress.NONE);
        for (String[] fragment : fragments) {
            String zh = fragment(fragment, "zh");
            assertThat(zh).as(fragment[0]).contains("<p class=\"muted match-panel-semantic\">语义索引已完成 0%，结果可能变化。</p>")
                    .doesNotContain("排序用时").doesNotContain("class=\"notice\"");
            assertThat(zh.split("语义索引", -1)).hasSize(2);
            String en = fragment(fragment, "en");
            assertThat(en).as(fragment[0]).contains("<p class=\"muted match-panel-semantic\">Semantic index 0% ready: the list may change.</p>")
                    .doesNotContain("Ranked in").doesNotContain("class=\"notice\"");
            assertThat(en.split("emantic index", -1)).hasSize(2);
        }
        mvc.perform(get("/match").param("q", "固态电解质电池的研发").param("lang", "en"))
                .andExpect(content("The semantic index is 0% ready"));
        // the shared test context's index and embedding cache as the other classes expect them: every vector present
        maintenance.embedMissing(Progress.NONE, 1);
    }

    private String fragment(String[] request, String language) throws Exception {
        var builder = get(request[0]).param("lang", language);
        for (int i = 1; i < request.length; i += 2) {
            builder = builder.param(request[i], request[i + 1]);
        }
        return mvc.perform(builder).andExpect(status().isOk()).andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * Ranking demands is no back door to the demands a caller may not read: a demand shown to its parties only (or to
     * signed-in users only) is no hit for anyone it is hidden from, on the API, the page or the "similar" fragment,
     * while those it is shown to still find it.
     */
    @Test
    void aMatchOfDemandsLeavesOutTheDemandsHiddenFromTheCaller() throws Exception {
        String parties = mvc.perform(post("/api/v1/demands").with(alice).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"titleZh": "保密的钙钛矿叠层电池封装需求", "keywords": ["钙钛矿", "叠层电池"], "visibility": "parties",
                                 "parties": ["org-optics-univ"]}"""))
                .andExpect(status().isCreated()).andReturn().getResponse().getHeader("Location").replace("/api/v1/demands/", "");
        String members = mvc.perform(post("/api/v1/demands").with(alice).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"titleZh": "会员可见的钙钛矿电池封装需求", "keywords": ["钙钛矿"], "visibility": "signed_in"}"""))
                .andExpect(status().isCreated()).andReturn().getResponse().getHeader("Location").replace("/api/v1/demands/", "");
        String query = "钙钛矿叠层电池封装";
        // the demands' own enterprise finds both, once the index has them
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() ->
                mvc.perform(get("/api/v1/match").with(alice).param("q", query).param("target", "demand").param("k", "20"))
                        .andExpect(status().isOk())
                        .andExpect(jsonPath("$.hits[*].extId", org.hamcrest.Matchers.hasItems(parties, members))));
        mvc.perform(get("/api/v1/match").param("q", query).param("target", "demand").param("k", "20"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.hits[*].extId", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(parties))))
                .andExpect(jsonPath("$.hits[*].extId", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(members))));
        mvc.perform(post("/api/v1/match").with(bob).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\": \"" + query + "\", \"target\": \"demand\", \"k\": 20}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.hits[*].extId", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(parties))))
                .andExpect(jsonPath("$.hits[*].extId", org.hamcrest.Matchers.hasItem(members)));
        mvc.perform(get("/match").param("q", query).param("target", "demand").param("lang", "zh"))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.not(containsString("钙钛矿叠层电池封装需求"))))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.not(containsString("会员可见的钙钛矿"))));
        mvc.perform(get("/api/v1/match/similar").param("kind", "organization").param("id", "org-optics-univ")
                        .param("target", "demand").param("k", "50"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.hits[*].extId", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(parties))))
                .andExpect(jsonPath("$.hits[*].extId", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(members))));
    }

    /**
     * The demands tab of "find partners" ranks demands for what a researcher or a lab can do, as the API does: a visitor
     * finds the public demands only, a signed-in user also those for signed-in users, a party also those for its parties;
     * each hit links to its demand with its status, deadline, budget and readiness and the reasons of the other tabs.
     */
    @Test
    void theDemandsTabShowsTheDemandsTheViewerMayReadWithTheirReasons() throws Exception {
        String publicOne = demand("""
                {"titleZh": "海上风电叶片前缘腐蚀防护涂层", "keywords": ["风电叶片", "防护涂层"], "visibility": "public",
                 "trl": 6, "budgetMin": 500000, "budgetMax": 800000, "deadline": "2099-06-30", "industry": "ind-green"}""");
        String members = demand("""
                {"titleZh": "会员可见的风电叶片涂层老化检测", "keywords": ["风电叶片", "涂层老化"], "visibility": "signed_in"}""");
        String parties = demand("""
                {"titleZh": "保密的风电叶片涂层修复工艺", "keywords": ["风电叶片", "涂层修复"], "visibility": "parties",
                 "parties": ["org-optics-univ"]}""");
        var party = user(users.loadUserByUsername(org.triplehelix.access.AccessFixtures.of(context).user(
                jdbc.sql("select id from organization where ext_id = 'org-optics-univ'").query(Long.class).single(),
                org.triplehelix.access.Role.RESEARCHER).email()));
        String text = "我们课题组研究风电叶片防护涂层的腐蚀、老化与修复";
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() ->
                mvc.perform(get("/api/v1/match").with(alice).param("q", text).param("target", "demand").param("k", "20"))
                        .andExpect(jsonPath("$.hits[*].extId", org.hamcrest.Matchers.hasItems(publicOne, members, parties))));
        maintenance.embedMissing(Progress.NONE, 1); // the demands' vectors, which the semantic similarity rests on

        String visitor = page(get("/match").param("q", text).param("target", "demand").param("lang", "zh"));
        assertThat(visitor).contains("id=\"hit-" + publicOne + "\"", "href=\"/demands/" + publicOne + "\"", "<mark>风电叶片</mark>",
                        "征集中", "2099-06-30", "500000.00 – 800000.00", "TRL 6", "相似度", "匹配词")
                .doesNotContain("hit-" + members).doesNotContain("hit-" + parties)
                // a demand has no tier, output type or year: the tab offers region and industry only
                .contains("name=\"industry\"").doesNotContain("name=\"tier\"").doesNotContain("name=\"type\"")
                .doesNotContain("name=\"yearFrom\"");
        assertThat(page(get("/match").with(bob).param("q", text).param("target", "demand").param("lang", "zh")))
                .contains("hit-" + publicOne, "hit-" + members).doesNotContain("hit-" + parties);
        assertThat(page(get("/match").with(party).param("q", text).param("target", "demand").param("lang", "en")))
                .contains("hit-" + publicOne, "hit-" + members, "hit-" + parties, "Deadline", "Matched terms");
        // the industry filters the demands by the registry's industry
        assertThat(page(get("/match").with(bob).param("q", text).param("target", "demand").param("industry", "ind-green")))
                .contains("hit-" + publicOne).doesNotContain("hit-" + members);
    }

    /**
     * A page opened with a demand starts from its text and leaves it out of the demands, which would otherwise put it
     * first; nothing typed, or nothing found, says so in the reader's language.
     */
    @Test
    void theDemandsTabLeavesOutThePickedDemandAndSaysWhenNothingFits() throws Exception {
        String picked = demand("""
                {"titleZh": "盾构机主轴承国产化设计与寿命评估", "keywords": ["盾构机", "主轴承"], "visibility": "public"}""");
        String other = demand("""
                {"titleZh": "盾构机主轴承密封失效分析", "keywords": ["盾构机", "主轴承", "密封"], "visibility": "public"}""");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() ->
                mvc.perform(get("/api/v1/match").param("q", "盾构机主轴承国产化设计与寿命评估").param("target", "demand").param("k", "1"))
                        .andExpect(jsonPath("$.hits[0].extId").value(picked)));
        String typed = page(get("/match").param("q", "盾构机主轴承国产化设计与寿命评估").param("target", "demand").param("lang", "zh"));
        assertThat(typed.indexOf("hit-" + picked)).isPositive().isLessThan(typed.indexOf("hit-" + other));

        String opened = page(get("/match").param("demand", picked).param("target", "demand").param("lang", "zh"));
        assertThat(opened).contains("hit-" + other, "该需求本身不在结果中", "<a href=\"/demands/" + picked + "\">盾构机主轴承国产化设计与寿命评估</a>", "name=\"demand\" value=\"" + picked + "\"")
                .doesNotContain("hit-" + picked);
        // the tabs keep the demand, so that the demands tab still leaves it out after a turn through the experts
        assertThat(page(get("/match").param("demand", picked).param("target", "person"))).contains("demand=" + picked);
        assertThat(page(get("/demands/" + picked).param("lang", "en")))
                .contains("href=\"/match?demand=" + picked + "&amp;target=demand\"", "Find similar demands");

        // the text of the demands tab is what the reader can do, not "your demand"
        assertThat(page(get("/match").param("target", "demand").param("lang", "zh"))).contains("平台为您排出适合的企业技术需求", "您或团队能做什么")
                .doesNotContain("您的需求");
        assertThat(page(get("/match").param("target", "demand").param("lang", "en"))).contains("the technology demands of enterprises that fit",
                "What you or your team can do").doesNotContain("Your demand");
        assertThat(page(get("/match").param("target", "person").param("lang", "en"))).contains("Your demand");
        assertThat(page(get("/match").param("q", "盾构机主轴承").param("target", "demand").param("region", "无此地区").param("lang", "zh")))
                .contains("没有适合这段描述的需求").doesNotContain("hit-");
        assertThat(page(get("/match").param("q", "main bearing").param("target", "demand").param("region", "nowhere").param("lang", "en")))
                .contains("No demand you may see fits this text");
        // a closed demand takes no more offers: left out unless asked for
        mvc.perform(post("/api/v1/demands/" + other + "/close").with(alice).with(csrf())).andExpect(status().is2xxSuccessful());
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(page(get("/match").param("q", "盾构机主轴承密封失效分析").param("target", "demand")))
                        .doesNotContain("hit-" + other).contains("hit-" + picked));
        assertThat(page(get("/match").param("q", "盾构机主轴承密封失效分析").param("target", "demand").param("closed", "true")
                .param("lang", "zh"))).contains("hit-" + other, "已关闭", "name=\"closed\" value=\"true\" checked");
        // a demand the viewer may not read is no way into it
        String hidden = demand("""
                {"titleZh": "保密的盾构机刀盘需求", "visibility": "parties", "parties": ["org-optics-univ"]}""");
        mvc.perform(get("/match").param("demand", hidden).param("target", "demand")).andExpect(status().isNotFound());
    }

    /**
     * Each description may hold 10,000 characters, a match at most 10,000: a demand with two long descriptions was
     * saved, then its page, its API matches and "find similar demands" were a 400 ("a demand is at most 10,000
     * characters"). It is matched on its titles, keywords and the start of its descriptions.
     */
    @Test
    void aDemandWithTwoLongDescriptionsIsMatched() throws Exception {
        String id = longDemand();
        mvc.perform(get("/demands/" + id)).andExpect(status().isOk());
        mvc.perform(get("/api/v1/demands/" + id + "/matches").param("target", "person").param("k", "3")).andExpect(status().isOk());
        mvc.perform(get("/match").param("demand", id).param("target", "demand")).andExpect(status().isOk());
    }

    /**
     * A page started from a demand put the demand's whole text in every tab's address and in its box (sent again with
     * the form), which no server takes for a long demand: the tabs carry the demand's id, the box what was typed.
     */
    @Test
    void aPageStartedFromADemandKeepsTheDemandsTextOutOfTheAddresses() throws Exception {
        String id = demand("""
                {"titleZh": "盾构机主轴承寿命评估", "descriptionZh": "盾构机主轴承国产化设计与寿命评估", "visibility": "public"}""");
        String opened = page(get("/match").param("demand", id).param("target", "person").param("lang", "en"));
        assertThat(opened).contains("Matched on the text of this demand:", "<a href=\"/demands/" + id + "\">",
                "href=\"/match?target=demand&amp;demand=" + id + "\"", "name=\"demand\" value=\"" + id + "\"",
                "rows=\"3\" maxlength=\"10000\"")
                .doesNotContain("%E7%9B%BE%E6%9E%84").doesNotContain(">盾构机主轴承寿命评估\n");
        assertThat(page(get("/match").param("demand", id).param("target", "demand").param("lang", "en")))
                .contains("href=\"/match?target=person&amp;demand=" + id + "\"").doesNotContain("q=%E7%9B%BE");
        // typed words still win over the demand's text, and travel with the tabs
        assertThat(page(get("/match").param("demand", id).param("q", "水稻育种").param("target", "demand")))
                .contains("href=\"/match?q=%E6%B0%B4%E7%A8%BB%E8%82%B2%E7%A7%8D&amp;target=person&amp;demand=" + id + "\"");
    }

    private String longDemand() throws Exception {
        String zh = "盾构机主轴承国产化设计与寿命评估，".repeat(600);
        String en = "main bearing design and service life of tunnel boring machines; ".repeat(150);
        return demand("{\"titleZh\": \"盾构机主轴承寿命评估\", \"descriptionZh\": \"" + zh.substring(0, 9000)
                + "\", \"descriptionEn\": \"" + en.substring(0, 9000) + "\", \"visibility\": \"public\"}");
    }

    /**
     * A year that is no number, or a first year after the last, came back as a JSON problem (or ranked nothing without
     * a word); a text over 10,000 characters as the error page. Now the form comes back with the message beside the field.
     */
    @Test
    void refusedFiltersComeBackInTheFormWithTheirMessage() throws Exception {
        String wrong = mvc.perform(get("/match").param("q", "水稻育种").param("target", "output").param("yearFrom", "abc")
                        .param("lang", "en").accept(MediaType.TEXT_HTML))
                .andExpect(status().isBadRequest()).andExpect(header().string("Content-Type", startsWith("text/html")))
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(wrong).contains("a whole number is expected (you typed “abc”)", "aria-invalid=\"true\" aria-describedby=\"f-yearFrom-error\"",
                ">水稻育种</textarea>").doesNotContain("class=\"match-hit\"");
        String order = mvc.perform(get("/match").param("q", "水稻育种").param("target", "output").param("yearFrom", "2025")
                        .param("yearTo", "2000").param("lang", "zh"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(order).contains("起始年份（2025）晚于截止年份（2000）", "id=\"f-yearTo-error\"").doesNotContain("class=\"match-hit\"");
        String longText = mvc.perform(get("/match").param("q", "稻".repeat(10_001)).param("lang", "en"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(longText).contains("a demand is at most 10,000 characters", "id=\"f-q-error\"");
        // on the demands tab the box holds what the reader can do, not a demand; the number as the page's language writes it
        String longAbility = mvc.perform(get("/match").param("q", "稻".repeat(10_001)).param("target", "demand").param("lang", "en"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(longAbility).contains("a description of what you can do is at most 10,000 characters").doesNotContain("a demand is at most");
        String longZh = mvc.perform(get("/match").param("q", "稻".repeat(10_001)).param("target", "demand").param("lang", "zh"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(longZh).contains("能力描述最多 10,000 个字符");
        // a box ticked by hand in the address is no JSON error either
        mvc.perform(get("/match").param("q", "水稻育种").param("spread", "maybe").param("closed", "on")).andExpect(status().isOk());
    }

    /**
     * The region box took only a GB/T 2260 code on the partner tabs (a registry record's region) and only a district's
     * name as typed on the demands tab (a demand's): "武汉" found nothing anywhere. The filter offers the provinces and
     * prefectures, and a region picked or typed covers the regions within it, by code and by name.
     */
    @Test
    void theRegionFilterTakesARegionByNameOrCodeOnEveryTab() throws Exception {
        for (String wuhan : new String[] {"武汉", "武汉市", "Wuhan", "420100", "420000"}) {
            assertThat(page(get("/match").param("q", "固态电解质电池的研发").param("target", "person").param("region", wuhan)))
                    .as(wuhan).contains("hit-person-li-wei");
        }
        assertThat(page(get("/match").param("q", "固态电解质电池的研发").param("target", "person").param("region", "上海")))
                .doesNotContain("hit-person-li-wei");
        String hongshan = demand("""
                {"titleZh": "盾构机刀盘耐磨涂层", "keywords": ["盾构机", "刀盘"], "region": "洪山区", "visibility": "public"}""");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(page(get("/match").param("q", "盾构机刀盘耐磨涂层").param("target", "demand"))).contains("hit-" + hongshan));
        assertThat(page(get("/match").param("q", "盾构机刀盘耐磨涂层").param("target", "demand").param("region", "420100").param("lang", "zh")))
                .contains("hit-" + hongshan, "<option value=\"420100\" selected>\u3000武汉市</option>");
        assertThat(page(get("/match").param("q", "盾构机刀盘耐磨涂层").param("target", "demand").param("region", "420500")))
                .doesNotContain("hit-" + hongshan);
    }

    /**
     * The discipline box took only the name an output's record gives (most often the taxonomy's Chinese name): on an
     * English page "Materials Science and Engineering" found nothing, nor its code, nor the broader 工学. Each is searched
     * as itself and the names and codes of the disciplines within it; the box suggests the taxonomy's names.
     */
    @Test
    void theDisciplineFilterTakesADisciplineByEitherNameOrCode() throws Exception {
        jdbc.sql("update output set discipline = '材料科学与工程' where ext_id = 'out-01'").update();
        maintenance.rebuild(Progress.NONE);
        for (String materials : new String[] {"材料科学与工程", "Materials Science and Engineering", "0805", "工学", "Engineering"}) {
            assertThat(page(get("/match").param("q", "固态电解质电池的研发").param("target", "output").param("discipline", materials)))
                    .as(materials).contains("hit-out-01");
        }
        assertThat(page(get("/match").param("q", "固态电解质电池的研发").param("target", "output").param("discipline", "Philosophy")))
                .doesNotContain("hit-out-01");
        assertThat(page(get("/match").param("q", "固态电解质电池的研发").param("target", "output").param("lang", "en")))
                .contains("list=\"match-disciplines\"", "<option value=\"Materials Science and Engineering\"></option>");
    }

    private String demand(String json) throws Exception {
        return mvc.perform(post("/api/v1/demands").with(alice).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(json))
                .andExpect(status().isCreated()).andReturn().getResponse().getHeader("Location").replace("/api/v1/demands/", "");
    }

    private String page(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static org.springframework.test.web.servlet.ResultMatcher content(String text) {
        return org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().string(containsString(text));
    }
}

package org.triplehelix.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.triplehelix.access.AccessFixtures;
import org.triplehelix.access.Account;
import org.triplehelix.access.Role;

/**
 * The demand form refusing input through Spring MVC and Spring Security: 400 (403 for another
 * organization, 409 for a stale version) with every value as typed, the refused field marked, the
 * message in the page's language, and nothing written.
 */
@SpringBootTest
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemandPagesIntegrationTests {

    @Autowired
    WebApplicationContext context;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserDetailsService accounts;
    @Autowired
    DemandService demands;

    AccessFixtures fixtures;
    Account poster;
    UserDetails posterDetails;
    String ownOrganization;
    String otherOrganization;
    MockMvc mvc;

    @BeforeAll
    void accounts() {
        fixtures = AccessFixtures.of(context);
        long own = fixtures.organization("Demand Form Enterprise", null);
        ownOrganization = fixtures.organizationExtId(own);
        otherOrganization = fixtures.organizationExtId(fixtures.organization("Demand Form Other Enterprise", null));
        poster = fixtures.user(own, Role.ENTERPRISE);
        posterDetails = accounts.loadUserByUsername(poster.email());
    }

    @BeforeEach
    void mvc() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
    }

    private MockHttpServletResponse submit(String path, String lang, Map<String, String> fields) throws Exception {
        MockHttpServletRequestBuilder request = post(path).with(user(posterDetails)).with(csrf()).param("lang", lang);
        fields.forEach(request::param);
        return mvc.perform(request).andReturn().getResponse();
    }

    /** A complete demand as a user types it, one field of which the test spoils. */
    private Map<String, String> typed(String title) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("titleZh", title);
        form.put("titleEn", "Sodium-ion cathode scale-up");
        form.put("descriptionZh", "寻找层状氧化物正极的量产合作团队，\n要求 <循环> 寿命 & 成本");
        form.put("keywords", "钠离子电池, 正极材料");
        form.put("industry", "新能源");
        form.put("region", "420100");
        form.put("budgetMin", "50");
        form.put("budgetMax", "200");
        form.put("trl", "6");
        form.put("ipStance", "license");
        form.put("visibility", "signed_in");
        form.put("deadline", "2099-06-30");
        return form;
    }

    private long rows(String title) {
        return jdbc.sql("select count(*) from demand where title_zh = :t").param("t", title).query(Long.class).single();
    }

    private static void assertKept(String html, String title) {
        assertThat(html).contains("value=\"" + title + "\"")
                .contains("value=\"Sodium-ion cathode scale-up\"")
                .contains(">寻找层状氧化物正极的量产合作团队，\n要求 &lt;循环&gt; 寿命 &amp; 成本</textarea>")
                .contains(">钠离子电池, 正极材料</textarea>")
                .contains("value=\"420100\"")
                .contains("value=\"50\"")
                .contains("<option value=\"license\" selected>")
                .contains("<option value=\"signed_in\" selected>")
                .contains("value=\"2099-06-30\"");
    }

    @Test
    void aBudgetThatIsNotANumberComesBackAsTypedAndMarkedInChinese() throws Exception {
        String title = "钠离子正极量产 " + AccessFixtures.unique("bad-budget");
        Map<String, String> form = typed(title);
        form.put("budgetMax", "两百万");
        MockHttpServletResponse response = submit("/demands", "zh", form);
        assertThat(response.getStatus()).isEqualTo(400);
        String html = response.getContentAsString();
        assertKept(html, title);
        assertThat(html).contains("value=\"两百万\"")
                .contains("id=\"f-budgetMax\" name=\"budgetMax\" inputmode=\"decimal\" value=\"两百万\"\n             aria-invalid=\"true\" aria-describedby=\"f-budgetMax-error\"")
                .contains("<span class=\"field-error\" id=\"f-budgetMax-error\">应填写数字，例如 25.5（您填写的是“两百万”）</span>")
                .contains("id=\"form-problems\"").contains("<a href=\"#f-budgetMax\">预算上限（元）</a>：应填写数字")
                .contains("尚未保存任何内容");
        assertThat(html).doesNotContain("aria-invalid=\"true\" aria-describedby=\"f-budgetMin-error\"");
        assertThat(rows(title)).isZero();
    }

    @Test
    void aRuleTheServiceEnforcesIsMarkedOnItsFieldInEnglish() throws Exception {
        String title = "钠离子正极量产 " + AccessFixtures.unique("bad-trl");
        Map<String, String> form = typed(title);
        form.put("trl", "12");
        MockHttpServletResponse response = submit("/demands", "en", form);
        assertThat(response.getStatus()).isEqualTo(400);
        String html = response.getContentAsString();
        assertKept(html, title);
        assertThat(html).contains("id=\"f-trl\" name=\"trl\" inputmode=\"numeric\" value=\"12\"\n             aria-invalid=\"true\"")
                .contains("id=\"f-trl-error\">the technology readiness level is a whole number from 1 to 9</span>")
                .contains("There is 1 problem to fix in the form:");
        assertThat(rows(title)).isZero();
    }

    @Test
    void anUnknownPartyAndAnotherOrganizationAreRefusedOnTheirFields() throws Exception {
        String title = "钠离子正极量产 " + AccessFixtures.unique("bad-party");
        Map<String, String> form = typed(title);
        form.put("visibility", "parties");
        form.put("parties", "org-nowhere-at-all");
        MockHttpServletResponse response = submit("/demands", "en", form);
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentAsString()).contains("id=\"f-parties-error\">there is no organization with the id “org-nowhere-at-all”")
                .contains(">org-nowhere-at-all</textarea>").contains("<option value=\"parties\" selected>");

        form.put("visibility", "public");
        form.put("parties", "");
        form.put("organization", otherOrganization);
        response = submit("/demands", "en", form);
        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(response.getContentAsString()).contains("id=\"f-organization-error\">you may post and keep demands only for your own organization")
                .contains("value=\"" + otherOrganization + "\"");
        assertThat(rows(title)).isZero();
    }

    @Test
    void anEditRefusedKeepsTheEditAndTheStoredDemandUnchanged() throws Exception {
        String title = "钠离子正极量产 " + AccessFixtures.unique("edit");
        Demand saved = fixtures.as(poster, () -> demands.post(new DemandDraft(null, title, null, null, null, java.util.List.of(),
                null, null, null, null, null, 5, null, "public", null, java.util.List.of(), null)));
        Map<String, String> form = typed(title + " 改");
        form.put("version", String.valueOf(saved.version()));
        form.put("deadline", "31/12/2099");
        MockHttpServletResponse response = submit("/demands/" + saved.extId(), "en", form);
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentAsString()).contains("value=\"" + title + " 改\"").contains("value=\"31/12/2099\"")
                .contains("id=\"f-deadline-error\">a date such as 2026-12-31 is expected (you typed “31/12/2099”)");
        Demand stored = demands.get(saved.extId());
        assertThat(stored.titleZh()).isEqualTo(title);
        assertThat(stored.trl()).isEqualTo(5);
        assertThat(stored.version()).isEqualTo(saved.version());

        form.put("deadline", "2099-06-30");
        form.put("version", String.valueOf(saved.version() - 1));
        response = submit("/demands/" + saved.extId(), "en", form);
        assertThat(response.getStatus()).isEqualTo(409);
        assertThat(response.getContentAsString()).contains("Your changes are not saved").contains("value=\"" + title + " 改\"");
        assertThat(demands.get(saved.extId()).titleZh()).isEqualTo(title);
    }

    @Test
    void aGoodDemandIsStillPosted() throws Exception {
        String title = "钠离子正极量产 " + AccessFixtures.unique("good");
        MockHttpServletResponse response = submit("/demands", "en", typed(title));
        assertThat(response.getStatus()).isEqualTo(302);
        assertThat(response.getRedirectedUrl()).startsWith("/demands/demand-");
        assertThat(rows(title)).isEqualTo(1);
    }
    @Test
    void aTamperedVersionIsRefusedInThePagesLanguageAndNothingIsWritten() throws Exception {
        String title = "钠离子正极量产 " + AccessFixtures.unique("version");
        Demand saved = fixtures.as(poster, () -> demands.post(new DemandDraft(null, title, null, null, null, java.util.List.of(),
                null, null, null, null, null, 5, null, "public", null, java.util.List.of(), null)));
        Map<String, String> form = typed(title + " 改");
        form.put("version", "v<2>");
        MockHttpServletResponse response = submit("/demands/" + saved.extId(), "zh", form);
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentAsString()).contains("表单的版本号无效（“v&lt;2&gt;”），请重新打开该需求再编辑")
                .contains("value=\"" + title + " 改\"").doesNotContain("此项未被接受");
        response = submit("/demands/" + saved.extId(), "en", form);
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentAsString()).contains("the version of the form is not valid (“v&lt;2&gt;”): open the demand again and edit it")
                .doesNotContain("this field is refused");
        assertThat(demands.get(saved.extId()).titleZh()).isEqualTo(title);
        assertThat(demands.get(saved.extId()).version()).isEqualTo(saved.version());
    }

    @Test
    void anUnknownStatusOfTheListIsRefusedInThePagesLanguage() throws Exception {
        MockHttpServletResponse zh = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/demands")
                .param("status", "archived").param("lang", "zh").accept(org.springframework.http.MediaType.TEXT_HTML)).andReturn().getResponse();
        assertThat(zh.getStatus()).isEqualTo(400);
        assertThat(zh.getContentAsString()).contains("需求状态只能是“征集中”或“已关闭”（收到的是“archived”）")
                .doesNotContain("status is open or closed");
        MockHttpServletResponse en = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/demands")
                .param("status", "archived").param("lang", "en").accept(org.springframework.http.MediaType.TEXT_HTML)).andReturn().getResponse();
        assertThat(en.getStatus()).isEqualTo(400);
        assertThat(en.getContentAsString()).contains("the status of a demand is open or closed (not “archived”)");
    }
    @Test
    void aDemandsIndustryCodeIsShownByItsNameInThePagesLanguage() throws Exception {
        String title = "钠离子正极量产 " + AccessFixtures.unique("industry");
        Demand saved = fixtures.as(poster, () -> demands.post(new DemandDraft(null, title, null, null, null, java.util.List.of(),
                null, "ind-optoelectronics", null, null, null, 5, null, "public", null, java.util.List.of(), null)));
        Map<String, Object> names = jdbc.sql("select name_zh, name_en from industry where code = 'ind-optoelectronics'").query().singleRow();
        for (String lang : java.util.List.of("zh", "en")) {
            String html = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/demands/" + saved.extId())
                    .with(user(posterDetails)).param("lang", lang)).andReturn().getResponse().getContentAsString();
            assertThat(html).contains("<dd>" + names.get(lang.equals("zh") ? "name_zh" : "name_en") + "</dd>")
                    .doesNotContain("<dd>ind-optoelectronics</dd>").contains("<dd>" + poster.email() + "</dd>");
        }
    }

    private MockHttpServletResponse page(String path, UserDetails viewer, String lang) throws Exception {
        MockHttpServletRequestBuilder request = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(path)
                .param("lang", lang).accept(org.springframework.http.MediaType.TEXT_HTML);
        if (viewer != null) {
            request.with(user(viewer));
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    private UserDetails signedIn(Long organization, Role role) {
        return accounts.loadUserByUsername(fixtures.user(organization, role).email());
    }

    private Demand posted(String title, String visibility) {
        return fixtures.as(poster, () -> demands.post(new DemandDraft(null, title, null, null, null, java.util.List.of(),
                null, null, null, null, null, 5, null, visibility, null, java.util.List.of(), null)));
    }

    @Test
    void thePostersEmailIsShownOnlyToThoseWhoMayChangeTheDemand() throws Exception {
        Demand saved = posted("钠离子正极量产 " + AccessFixtures.unique("poster"), "public");
        UserDetails researcher = signedIn(fixtures.organization("Demand Reader Lab", null), Role.RESEARCHER);
        for (UserDetails reader : new UserDetails[] {null, researcher}) {
            MockHttpServletResponse shown = page("/demands/" + saved.extId(), reader, "en");
            assertThat(shown.getStatus()).isEqualTo(200);
            assertThat(shown.getContentAsString()).contains(saved.titleZh()).doesNotContain(poster.email()).doesNotContain("Posted by");
            MockHttpServletRequestBuilder api = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(
                    "/api/v1/demands/" + saved.extId());
            assertThat(mvc.perform(reader == null ? api : api.with(user(reader))).andReturn().getResponse().getContentAsString())
                    .contains(saved.extId()).doesNotContain(poster.email());
            MockHttpServletRequestBuilder list = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/v1/demands")
                    .param("size", "100");
            assertThat(mvc.perform(reader == null ? list : list.with(user(reader))).andReturn().getResponse().getContentAsString())
                    .contains(saved.extId()).doesNotContain(poster.email());
        }
        UserDetails colleague = signedIn(jdbc.sql("select id from organization where ext_id = :e").param("e", ownOrganization)
                .query(Long.class).single(), Role.ENTERPRISE);
        for (UserDetails keeper : new UserDetails[] {posterDetails, colleague}) {
            assertThat(page("/demands/" + saved.extId(), keeper, "en").getContentAsString())
                    .contains("<dt>Posted by</dt><dd>" + poster.email() + "</dd>");
        }
    }

    @Test
    void theEditFormIsOnlyForThoseWhoMayChangeTheDemand() throws Exception {
        Demand saved = posted("钠离子正极量产 " + AccessFixtures.unique("edit-form"), "public");
        MockHttpServletResponse signedOut = page("/demands/" + saved.extId() + "/edit", null, "zh");
        assertThat(signedOut.getStatus()).isEqualTo(302);
        assertThat(signedOut.getRedirectedUrl()).endsWith("/login");
        UserDetails elsewhere = signedIn(fixtures.organization("Demand Edit Other Enterprise", null), Role.ENTERPRISE);
        MockHttpServletResponse refused = page("/demands/" + saved.extId() + "/edit", elsewhere, "zh");
        assertThat(refused.getStatus()).isEqualTo(403);
        assertThat(refused.getContentAsString()).doesNotContain("id=\"demand-save\"").doesNotContain("value=\"" + saved.titleZh() + "\"");
        MockHttpServletResponse own = page("/demands/" + saved.extId() + "/edit", posterDetails, "zh");
        assertThat(own.getStatus()).isEqualTo(200);
        assertThat(own.getContentAsString()).contains("id=\"demand-save\"").contains("value=\"" + saved.titleZh() + "\"");
    }

    @Test
    void theNewDemandFormIsOfferedOnlyToThoseWhoMayPostOne() throws Exception {
        MockHttpServletResponse signedOut = page("/demands/new?title=%E5%82%A8%E8%83%BD", null, "zh");
        assertThat(signedOut.getStatus()).isEqualTo(302);
        assertThat(signedOut.getRedirectedUrl()).endsWith("/login");

        UserDetails researcher = signedIn(fixtures.organization("Demand Form Lab", null), Role.RESEARCHER);
        MockHttpServletResponse notice = page("/demands/new", researcher, "zh");
        assertThat(notice.getStatus()).isEqualTo(200);
        assertThat(notice.getContentAsString()).contains("发布需求需要企业用户").doesNotContain("id=\"demand-save\"")
                .doesNotContain("name=\"titleZh\"");
        assertThat(page("/demands/new", posterDetails, "zh").getContentAsString()).contains("id=\"demand-save\"")
                .doesNotContain("发布需求需要企业用户");

        String saveAsDemand = "href=\"/demands/new?title=";
        assertThat(page("/match?q=storage", researcher, "en").getContentAsString()).contains("Find partners").doesNotContain(saveAsDemand);
        assertThat(page("/match?q=storage", posterDetails, "en").getContentAsString()).contains(saveAsDemand);
        assertThat(page("/match?q=storage", null, "en").getContentAsString()).contains(saveAsDemand);
    }

    /** "Save as a demand" from a text longer than a title carries the whole text into the description: nothing typed is lost. */
    @Test
    void aLongTextSavedAsADemandKeepsAllOfItInTheDescription() throws Exception {
        String text = "钠离子电池正极材料在高温下循环衰减快，".repeat(14) + "需要合作开发包覆工艺。";
        String page = page("/match?q=" + text, posterDetails, "zh")
                .getContentAsString();
        java.util.regex.Matcher href = java.util.regex.Pattern.compile("href=\"(/demands/new\\?[^\"]*)\"").matcher(page);
        assertThat(href.find()).as("the save-as-demand link").isTrue();
        String link = org.springframework.web.util.HtmlUtils.htmlUnescape(href.group(1));
        assertThat(link).contains("title=").contains("description=");
        // the link as a browser follows it: its parameters decoded once
        MockHttpServletRequestBuilder follow = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/demands/new")
                .param("lang", "zh").accept(org.springframework.http.MediaType.TEXT_HTML).with(user(posterDetails));
        org.springframework.web.util.UriComponentsBuilder.fromUriString(link).build().getQueryParams().forEach((name, values) ->
                values.forEach(value -> follow.param(name, java.net.URLDecoder.decode(value, java.nio.charset.StandardCharsets.UTF_8))));
        String form = mvc.perform(follow).andReturn().getResponse().getContentAsString();
        assertThat(form).contains("value=\"" + text.substring(0, 200) + "\"");
        assertThat(form).contains(">" + text + "</textarea>");
    }

    /** WCAG 3.1.2: a title shown in Chinese on the English pages for want of an English one is marked Chinese; a bilingual one is not marked. */
    @Test
    void aChineseOnlyTitleIsMarkedChineseOnTheEnglishPages() throws Exception {
        Demand chineseOnly = posted("钠离子正极量产 " + AccessFixtures.unique("lang"), "public");
        String marked = "<span lang=\"zh-CN\">" + chineseOnly.titleZh() + "</span>";
        assertThat(page("/demands/" + chineseOnly.extId(), null, "en").getContentAsString()).contains("<h1>" + marked + " <span class=\"tag\">");
        assertThat(page("/demands?size=100", null, "en").getContentAsString())
                .contains("<a href=\"/demands/" + chineseOnly.extId() + "\">" + marked + "</a>");
        assertThat(page("/demands/" + chineseOnly.extId(), null, "zh").getContentAsString())
                .contains("<h1>" + chineseOnly.titleZh() + " <span class=\"tag\">").doesNotContain("<span lang=");

        String english = "Sodium-ion cathode " + AccessFixtures.unique("lang");
        Demand bilingual = fixtures.as(poster, () -> demands.post(new DemandDraft(null, "钠离子正极 " + english, english, null, null,
                java.util.List.of(), null, null, null, null, null, 5, null, "public", null, java.util.List.of(), null)));
        String shown = page("/demands/" + bilingual.extId(), null, "en").getContentAsString();
        assertThat(shown).contains("<h1>" + english + " <span class=\"tag\">").doesNotContain("<span lang=");
    }

    @Test
    void theListAndThePageNameTheEnterpriseInThePagesLanguageAndLinkIt() throws Exception {
        Demand saved = posted("钠离子正极量产 " + AccessFixtures.unique("names"), "public");
        jdbc.sql("update organization set name_zh = '钠电企业' where ext_id = :e").param("e", ownOrganization).update();
        String english = jdbc.sql("select name_en from organization where ext_id = :e").param("e", ownOrganization).query(String.class).single();
        String link = "<a href=\"/organizations/" + ownOrganization + "\">";
        String list = page("/demands?size=100", null, "en").getContentAsString();
        assertThat(list).contains(link + english + "</a>").contains("<th>Title</th>").contains("<th>Enterprise</th>")
                .doesNotContain("Title (Chinese)").doesNotContain("(organization id)");
        String shown = page("/demands/" + saved.extId(), null, "en").getContentAsString();
        assertThat(shown).contains("<dt>Enterprise</dt><dd>" + link + english + "</a></dd>").doesNotContain("(organization id)");
        assertThat(page("/demands/" + saved.extId(), null, "zh").getContentAsString())
                .contains("<dt>发布企业</dt><dd>" + link + "钠电企业</a></dd>").doesNotContain("（机构编号）");
    }

    @Test
    void everyRefusedFieldIsMarkedAtOnceInTheFormsOrder() throws Exception {
        String description = "寻找正极量产团队 " + AccessFixtures.unique("all-at-once");
        Map<String, String> form = typed("");
        form.put("titleEn", " ");
        form.put("descriptionZh", description);
        form.put("budgetMin", "五十万");
        form.put("budgetMax", "-5");
        form.put("trl", "12");
        form.put("deadline", "2020-01-01");
        MockHttpServletResponse response = submit("/demands", "zh", form);
        assertThat(response.getStatus()).isEqualTo(400);
        String html = response.getContentAsString();
        assertThat(html).contains("表单有 5 处需要修改")
                .contains("id=\"f-titleZh-error\">请填写需求标题（中文或英文）")
                .contains("id=\"f-budgetMin-error\">应填写数字，例如 25.5（您填写的是“五十万”）")
                .contains("id=\"f-budgetMax-error\">预算不能为负数")
                .contains("id=\"f-trl-error\">技术成熟度是 1 到 9 的整数")
                .contains("id=\"f-deadline-error\">截止日期已过")
                .contains("value=\"五十万\"").contains("value=\"-5\"").contains("value=\"12\"").contains("value=\"2020-01-01\"");
        // listed in the form's order: the title first, the deadline last
        assertThat(html.indexOf("href=\"#f-titleZh\"")).isLessThan(html.indexOf("href=\"#f-budgetMin\""));
        assertThat(html.indexOf("href=\"#f-budgetMin\"")).isLessThan(html.indexOf("href=\"#f-budgetMax\""));
        assertThat(html.indexOf("href=\"#f-trl\"")).isLessThan(html.indexOf("href=\"#f-deadline\""));
        assertThat(jdbc.sql("select count(*) from demand where description_zh = :d").param("d", description).query(Long.class).single()).isZero();
    }

    private String listed(String lang, String... params) throws Exception {
        MockHttpServletRequestBuilder request = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/demands")
                .param("lang", lang);
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        return response.getContentAsString();
    }

    @Test
    void theListFindsDemandsByWordsInChineseOrEnglishWithTheStatusTabs() throws Exception {
        String tag = AccessFixtures.unique("words").substring(6);
        Demand chinese = fixtures.as(poster, () -> demands.post(new DemandDraft(null, "钒液流电池电堆 " + tag, null, null, null,
                java.util.List.of("全钒液流"), null, null, null, null, null, null, null, "public", null, java.util.List.of(), null)));
        Demand english = fixtures.as(poster, () -> demands.post(new DemandDraft(null, null, "Flow battery stack sealing " + tag, null, null,
                java.util.List.of(), null, null, null, null, null, null, null, "public", null, java.util.List.of(), null)));
        fixtures.as(poster, () -> demands.close(english.extId()));

        assertThat(listed("zh", "q", "全钒液流")).contains(chinese.extId()).doesNotContain(english.extId()).contains("value=\"全钒液流\"");
        assertThat(listed("en", "q", "FLOW BATTERY STACK SEALING " + tag)).contains(english.extId()).doesNotContain(chinese.extId())
                .contains("href=\"/demands?status=open&amp;q=FLOW+BATTERY+STACK+SEALING+" + tag + "\"");
        assertThat(listed("en", "status", "open", "q", tag)).contains(chinese.extId()).doesNotContain(english.extId());
        assertThat(listed("en", "status", "closed", "q", tag)).contains(english.extId()).doesNotContain(chinese.extId());
        // by the enterprise's name; "%" and "_" are the characters typed, not wildcards
        String enterprise = jdbc.sql("select name_en from organization where ext_id = :e").param("e", ownOrganization).query(String.class).single();
        assertThat(listed("en", "q", enterprise)).contains(chinese.extId());
        assertThat(listed("en", "q", "%_%")).contains("id=\"demands-empty\">No demand matches these words.").doesNotContain(chinese.extId());
        assertThat(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/v1/demands").param("q", tag))
                .andReturn().getResponse().getContentAsString()).contains("\"total\":2");
    }

    /** Every word typed is looked for on its own, in any order and any of the texts: not the words as one phrase. */
    @Test
    void theListFindsADemandByEachOfTheWordsTypedInAnyOrderAndField() throws Exception {
        String tag = AccessFixtures.unique("each").substring(5);
        Demand mixed = fixtures.as(poster, () -> demands.post(new DemandDraft(null, "钙钛矿叠层电池的封装 " + tag, "Encapsulation of perovskite tandem cells",
                null, null, java.util.List.of("湿热老化"), null, null, null, null, null, null, null, "public", null, java.util.List.of(), null)));
        String enterprise = jdbc.sql("select name_en from organization where ext_id = :e").param("e", ownOrganization).query(String.class).single();
        assertThat(listed("en", "q", "TANDEM perovskite " + tag)).contains(mixed.extId());
        assertThat(listed("zh", "q", tag + "　钙钛矿 Encapsulation 湿热")).contains(mixed.extId());
        assertThat(listed("en", "q", enterprise.substring(enterprise.lastIndexOf(' ') + 1) + " " + tag + " cells")).contains(mixed.extId());
        assertThat(listed("en", "q", "perovskite " + tag + " silicon")).doesNotContain(mixed.extId()).contains("id=\"demands-empty\"");
    }

    /** A status tab with nothing under it says so for that status, not "no demands yet"; the tab stays marked whatever its case. */
    @Test
    @org.springframework.transaction.annotation.Transactional // the reopening below is rolled back; MockMvc runs in this transaction
    void anEmptyStatusTabSaysWhatItLacks() throws Exception {
        posted("开放中的需求 " + AccessFixtures.unique("tab"), "public");
        jdbc.sql("update demand set status = 'open' where status = 'closed'").update();
        assertThat(listed("zh", "status", "closed")).contains("id=\"demands-empty\">暂无已关闭的需求。");
        assertThat(listed("en", "status", "CLOSED")).contains("id=\"demands-empty\">No closed demands.")
                .containsPattern("class=\"tab active\" href=\"/demands\\?status=closed\"");
        jdbc.sql("update demand set status = 'closed' where status = 'open'").update();
        assertThat(listed("en", "status", "open")).contains("id=\"demands-empty\">No open demands.");
    }

    @Test
    void closingAndReopeningSayWhatHappenedOnTheDemandsPage() throws Exception {
        Demand saved = posted("钠离子正极量产 " + AccessFixtures.unique("notice"), "public");
        for (String[] step : new String[][] {{"close", "需求已关闭：它列在“已关闭”下"}, {"reopen", "需求已重新开放。"}}) {
            org.springframework.test.web.servlet.MvcResult done = mvc.perform(post("/demands/" + saved.extId() + "/" + step[0])
                    .with(user(posterDetails)).with(csrf())).andReturn();
            assertThat(done.getResponse().getRedirectedUrl()).isEqualTo("/demands/" + saved.extId());
            String shown = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/demands/" + saved.extId())
                            .with(user(posterDetails)).param("lang", "zh").flashAttrs(done.getFlashMap()))
                    .andReturn().getResponse().getContentAsString();
            assertThat(shown).contains("<p class=\"notice\" role=\"status\" id=\"notice\">" + step[1]);
        }
        assertThat(demands.get(saved.extId()).open()).isTrue();
        assertThat(page("/demands/" + saved.extId(), posterDetails, "zh").getContentAsString()).doesNotContain("id=\"notice\"");
    }

    /** The demand as its poster reads it (a demand for signed-in users is hidden from this test's own thread). */
    private Demand stored(String id) {
        return fixtures.as(poster, () -> demands.get(id));
    }

    /** The fields of a form page as a browser would post them back unchanged (a textarea's line breaks as CRLF). */
    private static Map<String, String> formFields(String html) {
        Map<String, String> fields = new LinkedHashMap<>();
        java.util.regex.Matcher input = java.util.regex.Pattern.compile("<input([^>]*)>").matcher(html);
        while (input.find()) {
            java.util.regex.Matcher name = java.util.regex.Pattern.compile("\\bname=\"([^\"]+)\"").matcher(input.group(1));
            java.util.regex.Matcher value = java.util.regex.Pattern.compile("\\bvalue=\"([^\"]*)\"").matcher(input.group(1));
            if (name.find() && !name.group(1).equals("_csrf") && !name.group(1).equals("q")) {
                fields.put(name.group(1), value.find() ? org.springframework.web.util.HtmlUtils.htmlUnescape(value.group(1)) : "");
            }
        }
        java.util.regex.Matcher textarea = java.util.regex.Pattern.compile("<textarea[^>]*\\bname=\"([^\"]+)\"[^>]*>(.*?)</textarea>",
                java.util.regex.Pattern.DOTALL).matcher(html);
        while (textarea.find()) {
            fields.put(textarea.group(1), org.springframework.web.util.HtmlUtils.htmlUnescape(textarea.group(2)).replace("\n", "\r\n"));
        }
        java.util.regex.Matcher select = java.util.regex.Pattern.compile("<select[^>]*\\bname=\"([^\"]+)\"[^>]*>(.*?)</select>",
                java.util.regex.Pattern.DOTALL).matcher(html);
        while (select.find()) {
            java.util.regex.Matcher selected = java.util.regex.Pattern.compile("<option value=\"([^\"]*)\" selected>").matcher(select.group(2));
            fields.put(select.group(1), selected.find() ? selected.group(1) : "");
        }
        return fields;
    }

    private tools.jackson.databind.JsonNode json(MockHttpServletResponse response) throws Exception {
        return tools.jackson.databind.json.JsonMapper.builder().build().readTree(response.getContentAsString());
    }

    /** The demand as the API gives it, less what every save changes (its version and time of change). */
    private tools.jackson.databind.JsonNode content(tools.jackson.databind.JsonNode demand) {
        tools.jackson.databind.node.ObjectNode copy = (tools.jackson.databind.node.ObjectNode) demand.deepCopy();
        copy.remove("version");
        copy.remove("updatedAt");
        return copy;
    }

    private MockHttpServletResponse api(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(user(posterDetails)).with(csrf()).contentType(org.springframework.http.MediaType.APPLICATION_JSON))
                .andReturn().getResponse();
    }

    /**
     * A keyword holding a comma (posted through the API, or imported) is one keyword: the edit form shows the keywords one a
     * line, and saving the form unchanged keeps exactly them (it used to split "锂离子电池,正极" in two).
     */
    @Test
    void keywordsHoldingCommasSurviveTheEditFormSavedUnchanged() throws Exception {
        String title = "锂电正极需求 " + AccessFixtures.unique("comma");
        java.util.List<String> keywords = java.util.List.of("锂离子电池,正极", "Li-ion, cathode", "硅碳负极", "涂布；辊压、分切");
        MockHttpServletResponse posted = api(post("/api/v1/demands").content("""
                {"titleZh": "%s", "keywords": ["锂离子电池,正极", "Li-ion, cathode", "硅碳负极", "涂布；辊压、分切"],
                 "budgetMin": 50.5, "budgetMax": 200, "trl": 6, "ipStance": "license", "visibility": "signed_in",
                 "deadline": "2099-06-30", "industry": "新能源", "region": "420100"}""".formatted(title)));
        assertThat(posted.getStatus()).as(posted.getContentAsString()).isEqualTo(201);
        String id = json(posted).get("extId").asString();
        Demand before = stored(id);
        assertThat(before.keywords()).containsExactlyElementsOf(keywords);

        String form = page("/demands/" + id + "/edit", posterDetails, "zh").getContentAsString();
        assertThat(form).contains(">锂离子电池,正极\nLi-ion, cathode\n硅碳负极\n涂布；辊压、分切\n</textarea>")
                .contains("id=\"f-keywords-note\">每行一个关键词");
        MockHttpServletResponse saved = submit("/demands/" + id, "zh", formFields(form));
        assertThat(saved.getStatus()).as(saved.getContentAsString()).isEqualTo(302);

        Demand after = stored(id);
        assertThat(after.keywords()).containsExactlyElementsOf(keywords);
        assertThat(after.version()).isEqualTo(before.version() + 1);
        assertThat(DemandDraft.of(after)).isEqualTo(new DemandDraft(before.extId(), before.titleZh(), before.titleEn(), before.descriptionZh(),
                before.descriptionEn(), before.keywords(), before.organization(), before.industry(), before.region(), before.budgetMin(),
                before.budgetMax(), before.trl(), before.ipStance().id(), before.visibility().id(), before.deadline(), before.parties(),
                after.version()));
    }

    /**
     * A party whose id holds a comma (an id may) is shown one id a line and stays one party when the edit form is saved
     * unchanged, as keywords do; typed on one line, parties are still separated by commas or whitespace.
     */
    @Test
    void aPartyWhoseIdHoldsACommaSurvivesTheEditFormSavedUnchanged() throws Exception {
        String commaId = AccessFixtures.unique("org,x;y");
        long party = fixtures.organization("Comma Party " + commaId, null);
        jdbc.sql("update organization set ext_id = :e where id = :o").param("e", commaId).param("o", party).update();
        String other = fixtures.organizationExtId(fixtures.organization("Other Party " + commaId, null));
        String title = "逗号协作方需求 " + AccessFixtures.unique("comma-party");
        MockHttpServletResponse posted = api(post("/api/v1/demands").content("""
                {"titleZh": "%s", "visibility": "parties", "parties": ["%s"]}""".formatted(title, commaId)));
        assertThat(posted.getStatus()).as(posted.getContentAsString()).isEqualTo(201);
        String id = json(posted).get("extId").asString();
        assertThat(stored(id).parties()).containsExactly(commaId);

        String form = page("/demands/" + id + "/edit", posterDetails, "en").getContentAsString();
        assertThat(form).contains(">" + commaId + "\n</textarea>");
        MockHttpServletResponse saved = submit("/demands/" + id, "en", formFields(form));
        assertThat(saved.getStatus()).as(saved.getContentAsString()).isEqualTo(302);
        assertThat(stored(id).parties()).containsExactly(commaId);

        // two of them, the one holding a comma first: saved, then saved unchanged, both whole
        Map<String, String> typed = formFields(page("/demands/" + id + "/edit", posterDetails, "en").getContentAsString());
        typed.put("parties", commaId + "\r\n" + other + "\r\n");
        assertThat(submit("/demands/" + id, "en", typed).getStatus()).isEqualTo(302);
        assertThat(stored(id).parties()).containsExactlyInAnyOrder(commaId, other);
        form = page("/demands/" + id + "/edit", posterDetails, "en").getContentAsString();
        assertThat(submit("/demands/" + id, "en", formFields(form)).getStatus()).isEqualTo(302);
        assertThat(stored(id).parties()).containsExactlyInAnyOrder(commaId, other);

        // typed on one line, as before: separated by a comma or by whitespace
        String third = fixtures.organizationExtId(fixtures.organization("Third Party " + commaId, null));
        for (String line : java.util.List.of(other + ", " + third, other + " " + third)) {
            typed = formFields(page("/demands/" + id + "/edit", posterDetails, "en").getContentAsString());
            typed.put("parties", line);
            assertThat(submit("/demands/" + id, "en", typed).getStatus()).as(line).isEqualTo(302);
            assertThat(stored(id).parties()).as(line).containsExactlyInAnyOrder(other, third);
        }
    }

    /** Typed on one line, keywords are still separated by commas, semicolons or 、; on several lines, one a line. */
    @Test
    void keywordsTypedOnOneLineAreSeparatedAndOnSeveralLinesAreOneALine() throws Exception {
        String title = "锂电正极需求 " + AccessFixtures.unique("typed");
        Map<String, String> form = typed(title);
        form.put("keywords", "正极, 负极、隔膜；电解液");
        assertThat(submit("/demands", "zh", form).getStatus()).isEqualTo(302);
        String id = jdbc.sql("select ext_id from demand where title_zh = :t").param("t", title).query(String.class).single();
        assertThat(stored(id).keywords()).containsExactly("正极", "负极", "隔膜", "电解液");
        form.put("keywords", "正极, 负极\r\n 隔膜 \r\n\r\n");
        form.put("version", String.valueOf(stored(id).version()));
        assertThat(submit("/demands/" + id, "zh", form).getStatus()).isEqualTo(302);
        assertThat(stored(id).keywords()).containsExactly("正极, 负极", "隔膜");
    }

    /**
     * The API takes back what it gives: a demand read with GET (its enumerations in upper case, PUBLIC, SIGNED_IN,
     * JOINT_DEVELOPMENT; its read-only fields: id, status, names, times) and sent back whole with PUT is accepted,
     * and nothing but its version and time of change moves.
     */
    @Test
    void aDemandReadFromTheApiIsAcceptedBackUnchanged() throws Exception {
        String title = "联合开发需求 " + AccessFixtures.unique("round-trip");
        MockHttpServletResponse posted = api(post("/api/v1/demands").content("""
                {"titleZh": "%s", "titleEn": "Joint development", "descriptionZh": "说明\\n第二行", "keywords": ["锂离子电池,正极", "正极"],
                 "budgetMin": 50.5, "budgetMax": 200, "trl": 6, "ipStance": "joint_development", "visibility": "signed_in",
                 "deadline": "2099-06-30", "industry": "ind-optoelectronics", "region": "420100"}""".formatted(title)));
        assertThat(posted.getStatus()).as(posted.getContentAsString()).isEqualTo(201);
        String id = json(posted).get("extId").asString();
        for (String[] change : new String[][] {{}, {"close"}}) {
            if (change.length > 0) {
                assertThat(api(post("/api/v1/demands/" + id + "/" + change[0])).getStatus()).isEqualTo(200);
            }
            String read = api(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/v1/demands/" + id))
                    .getContentAsString();
            tools.jackson.databind.JsonNode before = tools.jackson.databind.json.JsonMapper.builder().build().readTree(read);
            assertThat(before.get("visibility").asString()).isEqualTo("SIGNED_IN");
            assertThat(before.get("ipStance").asString()).isEqualTo("JOINT_DEVELOPMENT");

            MockHttpServletResponse put = api(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/v1/demands/" + id)
                    .content(read));
            assertThat(put.getStatus()).as(put.getContentAsString()).isEqualTo(200);
            tools.jackson.databind.JsonNode after = json(put);
            assertThat(content(after)).isEqualTo(content(before));
            assertThat(after.get("version").asInt()).isEqualTo(before.get("version").asInt() + 1);
            assertThat(content(json(api(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/v1/demands/" + id)))))
                    .isEqualTo(content(before));
        }
        assertThat(stored(id).status()).isEqualTo(Demand.Status.CLOSED);
    }
}

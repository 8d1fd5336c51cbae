package org.triplehelix.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.mock.web.MockHttpServletRequest;

/** The header's language links: the page again in the other language, also when the page answers a refused form's POST. */
class PageContextLanguageLinkTests {

    private static PageContext page(String method, String uri, String query, String referer) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, uri);
        request.setServerName("helix.example.org");
        request.setQueryString(query);
        if (referer != null) {
            request.addHeader("Referer", referer);
        }
        return new PageContext(Locale.SIMPLIFIED_CHINESE, new StaticMessageSource(), request);
    }

    @Test
    void aPageAnsweringAGetIsAskedAgainInTheOtherLanguage() {
        assertThat(page("GET", "/organizations", "q=%E5%85%89&page=2", null).languageLink("en"))
                .isEqualTo("/organizations?q=%E5%85%89&page=2&lang=en");
    }

    /** The refused form's address answers POST only: its language link was a 405. */
    @Test
    void aRefusedFormLinksToThePageItWasPostedFrom() {
        PageContext refused = page("POST", "/admin/users/44/reject", null, "https://helix.example.org/admin/users/44?lang=zh");
        assertThat(refused.languageLink("en")).isEqualTo("/admin/users/44?lang=en");
        assertThat(page("POST", "/facilities/x/profile", null, "https://helix.example.org/facilities/x/manage?tab=profile").languageLink("zh"))
                .isEqualTo("/facilities/x/manage?tab=profile&lang=zh");
    }

    @Test
    void anotherSitesRefererOrNoneLinksToTheHomePage() {
        assertThat(page("POST", "/admin/users/44/reject", null, "https://evil.example.com/phish").languageLink("en")).isEqualTo("/?lang=en");
        assertThat(page("POST", "/admin/users/44/reject", null, "https://helix.example.org//evil.example.com/x").languageLink("en"))
                .isEqualTo("/?lang=en");
        assertThat(page("POST", "/admin/users/44/reject", null, null).languageLink("zh")).isEqualTo("/?lang=zh");
        assertThat(page("POST", "/admin/users/44/reject", null, "not a uri ::").languageLink("zh")).isEqualTo("/?lang=zh");
    }
}

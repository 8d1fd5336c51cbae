package org.triplehelix.notification;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.time.Duration;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.awaitility.Awaitility;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.triplehelix.access.AccessFixtures;
import org.triplehelix.access.Account;
import org.triplehelix.access.Role;
import org.triplehelix.facility.BookingView;
import org.triplehelix.facility.Bookings;
import org.triplehelix.facility.FacilityFixtures;
import org.triplehelix.shared.UserNotice;
import org.triplehelix.web.BrowserTests;

/**
 * The inbox in a real browser with the strict Content-Security-Policy, in Chinese and in English:
 * the header link shows the unread count, the inbox marks the notice unread, clicking it opens the
 * booking and reads it, the unread filter then shows the empty state; on a phone the header and the
 * inbox fit the screen.
 */
class NotificationBrowserIntegrationTests extends BrowserTests {

    static final Map<String, Map<String, String>> TEXT = Map.of(
            "zh-CN", Map.of("title", "消息中心", "approved", "已获批准", "empty", "没有未读消息"),
            "en", Map.of("title", "Inbox", "approved", "was approved", "empty", "No unread notices"));

    @Autowired
    ApplicationContext application;
    @Autowired
    Bookings bookings;
    @Autowired
    EventPublicationRegistry publications;

    @ParameterizedTest
    @ValueSource(strings = {"zh-CN", "en"})
    void aNoticeIsCountedShownOpenedAndRead(String locale) {
        Map<String, String> text = TEXT.get(locale);
        FacilityFixtures fixtures = FacilityFixtures.of(application);
        long owner = fixtures.access().organization("Inbox Browser Institute", null);
        Account manager = fixtures.access().user(owner, Role.RESEARCHER);
        Account booker = fixtures.access().user(fixtures.access().organization("Inbox Browser Enterprise", null), Role.ENTERPRISE);
        String extId = fixtures.openFacility(owner, true, false);
        fixtures.managers(extId, manager);
        BookingView booking = fixtures.as(booker, () -> bookings.request(extId,
                FacilityFixtures.request(FacilityFixtures.hoursAhead(18, 10), Duration.ofHours(1), null)));
        fixtures.as(manager, () -> bookings.approve(booking.id()));
        awaitDelivered("/bookings/" + booking.id());

        Page p = signIn(newContext(new Browser.NewContextOptions().setLocale(locale).setViewportSize(1280, 900)), booker);
        assertThat(p.locator("#nav-count-notifications [aria-hidden=true]")).hasText("1");
        p.locator("#inbox-link").click();
        assertThat(p.locator("h1")).hasText(text.get("title"));
        assertThat(p.locator(".inbox-item.unread .inbox-open")).containsText(text.get("approved"));
        screenshot(p, "inbox-unread-" + locale);
        p.locator(".inbox-item.unread .inbox-open").click();
        p.waitForURL("**/bookings/" + booking.id());
        assertThat(p.locator("#nav-count-notifications")).hasCount(0);
        p.navigate("/notifications?unread=true");
        assertThat(p.locator("#inbox-empty")).containsText(text.get("empty"));
        screenshot(p, "inbox-" + locale);

        Page phone = signIn(phone(locale), booker);
        phone.navigate("/notifications");
        assertThat(phone.locator(".inbox-item")).hasCount(1);
        Assertions.assertThat((Boolean) phone.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth"))
                .as("no sideways scrolling on the inbox on a phone").isTrue();
        screenshot(phone, "inbox-phone-" + locale);
    }

    private Page signIn(BrowserContext context, Account account) {
        Page p = context.newPage();
        p.navigate("/login");
        p.locator("#email").fill(account.email());
        p.locator("#password").fill(AccessFixtures.PASSWORD);
        p.locator("form[action='/login'] button[type=submit]").click();
        p.waitForLoadState();
        return p;
    }

    private void awaitDelivered(String link) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() ->
                publications.findIncompletePublications().stream()
                        .noneMatch(p -> p.getEvent() instanceof UserNotice notice && notice.link().equals(link)));
    }
}

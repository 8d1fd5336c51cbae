package org.triplehelix.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A notice links only inside the platform (the inbox redirects to it) and names one of the notification module's messages. */
class UserNoticeTests {

    @Test
    void onlyAPathInsideThePlatformIsALink() {
        assertThat(List.of("/bookings/12", "/challenges/ch-2026-ab12cd34", "/notifications?unread=true"))
                .allMatch(UserNotice::isInternalLink);
        assertThat(List.of("https://evil.example/", "//evil.example/x", "/\\evil.example", "bookings/12", "", " /bookings",
                "/bookings\r\nLocation: https://evil.example", "javascript:alert(1)", "/" + "a".repeat(500)))
                .noneMatch(UserNotice::isInternalLink);
        assertThat(UserNotice.isInternalLink(null)).isFalse();
        assertThatThrownBy(() -> UserNotice.toUsers(1L, List.of(2L), "notification.booking.approved", "//evil.example"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theMessageIsTheNotificationModulesAndEachNoticeHasItsOwnId() {
        assertThatThrownBy(() -> UserNotice.toUsers(1L, List.of(2L), "facility.status.approved", "/bookings/1"))
                .isInstanceOf(IllegalArgumentException.class);
        UserNotice one = UserNotice.toOrganizations(null, List.of("org-1"), "notification.challenge.invited", "/challenges/c",
                new Text("标题", "Title"), Text.of("Lab"));
        UserNotice two = UserNotice.toOrganizations(null, List.of("org-1"), "notification.challenge.invited", "/challenges/c");
        assertThat(one.id()).isNotNull().isNotEqualTo(two.id());
        assertThat(one.userIds()).isEmpty();
        assertThat(one.args()).extracting(Text::en).containsExactly("Title", "Lab");
    }
}

package org.triplehelix.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.triplehelix.access.AuthorizationMatrix.Caller.ADMIN;
import static org.triplehelix.access.AuthorizationMatrix.Caller.ANONYMOUS;
import static org.triplehelix.access.AuthorizationMatrix.Caller.ORG_ADMIN;
import static org.triplehelix.access.AuthorizationMatrix.Caller.RESEARCHER;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.triplehelix.access.AccessFixtures;
import org.triplehelix.access.AuthorizationMatrix;
import org.triplehelix.access.HelixClient;
import org.triplehelix.shared.Text;
import org.triplehelix.shared.UserNotice;

/**
 * The inbox's endpoints × every caller. The inbox is each user's own: every signed-in role reads
 * and marks its own, a visitor is sent to sign in (401), and a notice of someone else's is a 404
 * for everyone, administrators included — the same answer as for a notice that does not exist, so
 * an id says nothing about whose it is. Each call gets a fresh notice, delivered straight to its
 * owner's inbox through the repository (what the listener does after a module's commit).
 */
class NotificationAuthorizationMatrixIntegrationTests extends AuthorizationMatrix {

    /** An id no notice has. */
    private static final long NO_SUCH_NOTICE = Long.MAX_VALUE;

    @Override
    protected List<Endpoint> endpoints() {
        List<Endpoint> endpoints = new ArrayList<>(List.of(
                // the page
                Endpoint.page("GET", "/notifications")
                        .expect(ANONYMOUS, 401).otherwise(200),
                Endpoint.page("GET", "/notifications?unread=true")
                        .expect(ANONYMOUS, 401).otherwise(200),
                Endpoint.page("POST", "/notifications/read", w -> "/notifications/read", null)
                        .expect(ANONYMOUS, 401).otherwise(302),
                Endpoint.page("POST", "/notifications/{no such notice}/open", w -> "/notifications/" + NO_SUCH_NOTICE + "/open", null)
                        .expect(ANONYMOUS, 401).otherwise(404),
                // the JSON API
                Endpoint.api("GET", "/api/v1/notifications")
                        .expect(ANONYMOUS, 401).otherwise(200),
                Endpoint.api("GET", "/api/v1/notifications?unread=true")
                        .expect(ANONYMOUS, 401).otherwise(200),
                Endpoint.api("POST", "/api/v1/notifications/read")
                        .expect(ANONYMOUS, 401).otherwise(200),
                Endpoint.api("POST", "/api/v1/notifications/{no such notice}/read", w -> "/api/v1/notifications/" + NO_SUCH_NOTICE + "/read")
                        .expect(ANONYMOUS, 401).otherwise(404)));
        // each role's own notice: its owner opens it (and is sent to its link) or marks it read, everyone else gets a 404
        for (Caller owner : Caller.values()) {
            if (owner == ANONYMOUS) {
                continue;
            }
            endpoints.add(Endpoint.page("POST", "/notifications/{" + owner + "'s notice}/open",
                            w -> "/notifications/" + noticeOf(w, owner) + "/open", null)
                    .expect(ANONYMOUS, 401).expect(owner, 302).otherwise(404));
            endpoints.add(Endpoint.api("POST", "/api/v1/notifications/{" + owner + "'s notice}/read",
                            w -> "/api/v1/notifications/" + noticeOf(w, owner) + "/read")
                    .expect(ANONYMOUS, 401).expect(owner, 200).otherwise(404));
        }
        return endpoints;
    }

    @Test
    void anotherUsersNoticeStaysUnreadAndUnseen() {
        Delivered notice = deliverTo(world, RESEARCHER);
        for (Caller other : List.of(ADMIN, ORG_ADMIN)) {
            HelixClient api = HelixClient.basic(port, world.email(other), AccessFixtures.PASSWORD);
            HelixClient.Response refused = api.json("POST", "/api/v1/notifications/" + notice.id() + "/read", null);
            assertThat(refused.status()).as(other + " marking it read").isEqualTo(404);
            assertThat(refused.body()).doesNotContain(notice.link());
            assertThat(api.get("/api/v1/notifications").body()).as(other + "'s inbox").doesNotContain(notice.link());
            HelixClient page = HelixClient.browser(port);
            assertThat(page.signIn(world.email(other), AccessFixtures.PASSWORD)).isTrue();
            HelixClient.Response opened = page.postForm("/notifications/" + notice.id() + "/open", Map.of());
            assertThat(opened.status()).as(other + " opening it").isEqualTo(404);
            assertThat(opened.body()).doesNotContain(notice.link());
            assertThat(page.get("/notifications").body()).as(other + "'s inbox page").doesNotContain(notice.link());
        }
        assertThat(jdbc().sql("select read_at is null from notification where id = :id").param("id", notice.id()).query(Boolean.class).single())
                .as("still unread").isTrue();
        HelixClient owner = HelixClient.basic(port, world.email(RESEARCHER), AccessFixtures.PASSWORD);
        assertThat(owner.get("/api/v1/notifications?unread=true").body()).contains(notice.link());
    }

    private long noticeOf(World w, Caller owner) {
        return deliverTo(w, owner).id();
    }

    /** A notice in someone's inbox: its id, and its link, unique to it, so that a page or a list showing it can be told. */
    private record Delivered(long id, String link) {
    }

    /** A fresh unread notice in the owner's inbox. */
    private Delivered deliverTo(World w, Caller owner) {
        UUID uuid = UUID.randomUUID();
        UserNotice notice = new UserNotice(uuid, null, List.of(w.account(owner).id()), List.of(), "notification.booking.approved",
                List.of(Text.of("Matrix instrument"), Text.of("today")), "/matrix/" + uuid);
        context.getBean(NoticeRepository.class).deliver(notice, notice.userIds());
        long id = jdbc().sql("select id from notification where notice_id = :n").param("n", uuid).query(Long.class).single();
        return new Delivered(id, notice.link());
    }

    private JdbcClient jdbc() {
        return context.getBean(JdbcClient.class);
    }
}

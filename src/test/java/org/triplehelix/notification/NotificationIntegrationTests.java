package org.triplehelix.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.test.context.ActiveProfiles;
import org.triplehelix.access.AccessFixtures;
import org.triplehelix.access.Account;
import org.triplehelix.access.HelixClient;
import org.triplehelix.access.Role;
import org.triplehelix.challenge.AcceptanceInput;
import org.triplehelix.challenge.ApplicationDraft;
import org.triplehelix.challenge.Applications;
import org.triplehelix.challenge.AwardInput;
import org.triplehelix.challenge.ChallengeAction;
import org.triplehelix.challenge.ChallengeDraft;
import org.triplehelix.challenge.Challenges;
import org.triplehelix.challenge.Delivery;
import org.triplehelix.challenge.MilestoneDraft;
import org.triplehelix.challenge.Reviews;
import org.triplehelix.challenge.Target;
import org.triplehelix.facility.BookingView;
import org.triplehelix.facility.Bookings;
import org.triplehelix.facility.FacilityFixtures;
import org.triplehelix.facility.Waitlist;
import org.triplehelix.shared.UserNotice;
import org.triplehelix.talent.Practice;
import org.triplehelix.talent.TalentFixtures;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The inbox end to end on the real platform: a module's action publishes a notice, the listener
 * delivers it after the commit (the tests wait for that publication to complete in the event
 * publication registry, not for a fixed time), and the recipient — only the recipient, never the
 * actor — sees it on the page and in the API, in Chinese and in English, opens it and marks it read.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotificationIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    Bookings bookings;
    @Autowired
    Challenges challenges;
    @Autowired
    Applications applications;
    @Autowired
    Reviews reviews;
    @Autowired
    Delivery delivery;
    @Autowired
    Practice practice;
    @Autowired
    Waitlist waitlist;
    @Autowired
    EventPublicationRegistry publications;

    FacilityFixtures fixtures;
    AccessFixtures access;
    long owner;
    long customer;
    Account manager;
    Account booker;

    @BeforeAll
    void world() {
        fixtures = FacilityFixtures.of(context);
        access = fixtures.access();
        owner = access.organization("Inbox Institute", null);
        customer = access.organization("Inbox Enterprise", null);
        manager = access.user(owner, Role.RESEARCHER);
        booker = access.user(customer, Role.ENTERPRISE);
    }

    @Test
    void aBookingApprovalReachesTheBookerOnThePageAndInTheApiInBothLanguages() {
        String extId = fixtures.facility("NMR", owner);
        fixtures.profile(extId, FacilityFixtures.change(true, false, "hour", "100", "300"));
        fixtures.managers(extId, manager);
        String nameEn = fixtures.jdbc().sql("select name_en from facility where ext_id = :e").param("e", extId).query(String.class).single();
        BookingView booking = fixtures.as(booker, () -> bookings.request(extId,
                FacilityFixtures.request(FacilityFixtures.hoursAhead(12, 9), Duration.ofHours(1), "spectra")));
        fixtures.as(manager, () -> bookings.approve(booking.id()));
        String link = "/bookings/" + booking.id();
        awaitDelivered(link);

        HelixClient api = api(booker);
        JsonNode english = mine(api, "");
        JsonNode notice = only(english, link);
        assertThat(notice.get("message").asString()).startsWith("Your booking of " + nameEn + " (").endsWith(") was approved");
        assertThat(notice.get("key").asString()).isEqualTo("notification.booking.approved");
        assertThat(notice.get("read").asBoolean()).isFalse();
        JsonNode chinese = only(mine(api, "lang=zh"), link);
        assertThat(chinese.get("message").asString()).startsWith("您预约的“NMR（测试）”（").endsWith("）已获批准");
        assertThat(english.get("total").asLong()).isEqualTo(english.get("items").size()).isGreaterThanOrEqualTo(1);
        assertThat(english.get("page").asInt()).isZero();
        assertThat(english.get("size").asInt()).isEqualTo(100);
        assertThat(notices(manager, link)).as("the manager approved: no notice of their own action").isZero();

        HelixClient page = signedIn(booker);
        long unreadBefore = unread(api);
        String inbox = page.get("/notifications").body();
        assertThat(inbox).contains("Your booking of " + nameEn).contains("class=\"unread-mark\"")
                .contains("id=\"nav-count-notifications\"").contains("Unread notices: " + unreadBefore);
        String zh = page.get("/notifications?lang=zh").body();
        assertThat(zh).contains("您预约的“NMR（测试）”").contains("消息中心").contains("未读消息：" + unreadBefore + " 条");

        HelixClient.Response opened = page.postForm("/notifications/" + notice.get("id").asLong() + "/open", Map.of());
        assertThat(opened.status()).isEqualTo(302);
        assertThat(opened.location()).endsWith(link);
        assertThat(only(mine(api, ""), link).get("read").asBoolean()).isTrue();
        assertThat(unread(api)).isEqualTo(unreadBefore - 1);
        assertThat(page.get("/notifications?unread=true").body()).doesNotContain("data-notice=\"" + notice.get("id").asLong() + "\"");
    }

    @Test
    void withoutAMailServerNothingIsMailedAndTheInboxWorksAllTheSame() {
        assertThat(context.getBeanProvider(JavaMailSender.class).getIfAvailable()).as("no spring.mail.host: no mail sender").isNull();
        assertThat(context.getBeanNamesForType(NoticeMailer.class)).isEmpty();
        String extId = fixtures.openFacility(owner, true, false);
        fixtures.managers(extId, manager);
        BookingView booking = fixtures.as(booker, () -> bookings.request(extId,
                FacilityFixtures.request(FacilityFixtures.hoursAhead(15, 9), Duration.ofHours(1), null)));
        fixtures.as(manager, () -> bookings.approve(booking.id()));
        String link = "/bookings/" + booking.id();
        awaitDelivered(link);

        assertThat(only(mine(api(booker), ""), link).get("key").asString()).isEqualTo("notification.booking.approved");
        String noticeId = fixtures.jdbc().sql("select notice_id::text from notification where link = :l").param("l", link)
                .query(String.class).single();
        assertThat(fixtures.count("select count(*) from event_publication where event_type like '%NoticeStored' and serialized_event like ?",
                "%" + noticeId + "%")).as("no mailer listens, so no e-mail is even pending").isZero();
        assertThat(fixtures.count("select count(*) from notification where link = ? and (mailed_at is not null or mail_attempts > 0)",
                link)).isZero();
    }

    @Test
    void aRejectionCarriesTheReasonAndTheBookersOwnCancellationTellsNobody() {
        String extId = fixtures.openFacility(owner, true, false);
        fixtures.managers(extId, manager);
        BookingView rejected = fixtures.as(booker, () -> bookings.request(extId,
                FacilityFixtures.request(FacilityFixtures.hoursAhead(14, 9), Duration.ofHours(1), null)));
        BookingView cancelled = fixtures.as(booker, () -> bookings.request(extId,
                FacilityFixtures.request(FacilityFixtures.hoursAhead(14, 12), Duration.ofHours(1), null)));
        fixtures.as(booker, () -> bookings.cancel(cancelled.id(), "plans changed"));
        fixtures.as(manager, () -> bookings.reject(rejected.id(), "the magnet is being refilled"));
        awaitDelivered("/bookings/" + rejected.id());

        assertThat(only(mine(api(booker), ""), "/bookings/" + rejected.id()).get("message").asString())
                .endsWith("was rejected: the magnet is being refilled");
        assertThat(notices(booker, "/bookings/" + cancelled.id()) + notices(manager, "/bookings/" + cancelled.id()))
                .as("a booker cancelling their own booking is told nothing").isZero();
    }

    @Test
    void anInvitationReachesTheInvitedOrganizationsUsersButNotTheActorNorOthers() {
        long parent = access.organization("Inbox University", null);
        long lab = access.organization("Inbox Laboratory", parent);
        Account department = access.user(lab, Role.ADMIN);          // the actor, a user of the invited organization too
        Account member = access.user(lab, Role.RESEARCHER);
        Account parentAdmin = access.user(parent, Role.ORG_ADMIN);  // acts for the laboratory (its subtree)
        Account outsider = access.user(customer, Role.ENTERPRISE);
        String challenge = access.as(department, () -> {
            String extId = challenges.create(draft("光芯片可靠性攻关", "Optical chip reliability")).extId();
            challenges.perform(extId, ChallengeAction.PUBLISH);
            challenges.invite(extId, access.organizationExtId(lab));
            return extId;
        });
        String link = "/challenges/" + challenge;
        awaitDelivered(link);

        assertThat(notices(member, link)).isEqualTo(1);
        assertThat(notices(parentAdmin, link)).isEqualTo(1);
        assertThat(notices(department, link)).as("the department invited: no notice of its own action").isZero();
        assertThat(notices(outsider, link)).isZero();
        JsonNode notice = only(mine(api(member), ""), link);
        assertThat(notice.get("message").asString()).startsWith("Your organization Inbox Laboratory")
                .endsWith("is invited to apply for the challenge \"Optical chip reliability\"");
        assertThat(only(mine(api(member), "lang=zh"), link).get("message").asString())
                .isEqualTo("贵单位“" + orgName(lab) + "”受邀申报榜单“光芯片可靠性攻关”");

        long id = notice.get("id").asLong();
        HelixClient stranger = api(outsider);
        assertThat(stranger.json("POST", "/api/v1/notifications/" + id + "/read", null).status()).isEqualTo(404);
        assertThat(stranger.get("/api/v1/notifications").body()).doesNotContain(link);
        HelixClient strangerPage = signedIn(outsider);
        assertThat(strangerPage.postForm("/notifications/" + id + "/open", Map.of()).status()).isEqualTo(404);
        assertThat(strangerPage.get("/notifications").body()).doesNotContain(link);
        assertThat(only(mine(api(member), ""), link).get("read").asBoolean()).as("the stranger's attempts marked nothing").isFalse();

        HelixClient mine = api(member);
        assertThat(unread(mine)).isPositive();
        HelixClient.Response all = mine.json("POST", "/api/v1/notifications/read", null);
        assertThat(all.status()).isEqualTo(200);
        assertThat(JSON.readTree(all.body()).get("unread").asLong()).isZero();
        assertThat(unread(mine)).isZero();
        assertThat(signedIn(member).get("/notifications?unread=true").body()).contains("id=\"inbox-empty\"").contains("No unread notices")
                .doesNotContain("id=\"nav-count-notifications\"");
        assertThat(unread(api(parentAdmin))).as("marking one's own read leaves others' unread").isPositive();
    }

    @Test
    void eachApplicantHearsTheAwardsOutcomeAndTheWinnerTheAcceptanceVerdict() {
        Account department = access.user(null, Role.ADMIN);
        Account winner = access.user(access.organization("Inbox Winner", null), Role.ENTERPRISE);
        Account loser = access.user(access.organization("Inbox Runner-up", null), Role.ENTERPRISE);
        String challenge = access.as(department, () -> {
            String extId = challenges.create(draft("钠离子电池正极", "Sodium-ion cathodes")).extId();
            challenges.perform(extId, ChallengeAction.PUBLISH);
            return extId;
        });
        long won = access.as(winner, () -> applications.apply(challenge, application())).id();
        long lost = access.as(loser, () -> applications.apply(challenge, application())).id();
        access.as(department, () -> {
            challenges.perform(challenge, ChallengeAction.START_REVIEW);
            reviews.award(challenge, new AwardInput(won, "best plan", List.of(
                    new MilestoneDraft("样品", "samples", LocalDate.now().plusMonths(6), new BigDecimal("1000")))));
            challenges.perform(challenge, ChallengeAction.START);
            return delivery.accept(challenge, new AcceptanceInput("pass", "all targets met",
                    List.of(new AcceptanceInput.Evidence(1, new BigDecimal("224"), "test report 42"))));
        });
        awaitDelivered("/challenges/applications/" + won);
        awaitDelivered("/challenges/applications/" + lost);
        awaitDelivered("/challenges/" + challenge);

        assertThat(keys(winner)).containsExactlyInAnyOrder("notification.challenge.won", "notification.challenge.accepted");
        assertThat(keys(loser)).containsExactly("notification.challenge.lost");
        assertThat(keys(department)).isEmpty();
        assertThat(only(mine(api(loser), ""), "/challenges/applications/" + lost).get("message").asString())
                .startsWith("The challenge \"Sodium-ion cathodes\" was awarded to another team");
        assertThat(only(mine(api(winner), "lang=zh"), "/challenges/" + challenge).get("message").asString())
                .isEqualTo("榜单“钠离子电池正极”验收通过");
    }

    @Test
    void aStudentHearsTheMentorsDecisionOnTheirHoursAndAWaitingUserHearsOfAFreedSlot() {
        TalentFixtures talent = TalentFixtures.of(context);
        long university = talent.organization("Inbox University", "university", "420100");
        long enterprise = talent.organization("Inbox Works", "enterprise", "420500");
        long academic = talent.person("Inbox Academic", university);
        long industrial = talent.person("Inbox Industrial", enterprise);
        Account studentAccount = talent.user(university, null, Role.STUDENT);
        Account mentor = talent.user(enterprise, industrial, Role.ENTERPRISE);
        String program = talent.program(university, enterprise, "0803", "ind-optoelectronics", 2024);
        String student = talent.student(program, enterprise, academic, industrial, studentAccount, 2027, "enrolled");
        long entry = talent.pendingHours(student, studentAccount);
        talent.as(mentor, () -> practice.reject(entry));
        awaitDelivered("/talent/students/" + student);
        assertThat(only(mine(api(studentAccount), ""), "/talent/students/" + student).get("message").asString())
                .isEqualTo("Your 3.5 practice hours of " + LocalDate.now().minusDays(1) + " were rejected by your industrial mentor");
        assertThat(keys(mentor)).isEmpty();

        String extId = fixtures.openFacility(owner, false, false);
        fixtures.managers(extId, manager);
        Account waiting = access.user(customer, Role.ENTERPRISE);
        var slot = FacilityFixtures.request(FacilityFixtures.hoursAhead(16, 9), Duration.ofHours(1), null);
        BookingView taken = fixtures.as(booker, () -> bookings.request(extId, slot));
        fixtures.as(waiting, () -> waitlist.join(extId, slot));
        fixtures.as(booker, () -> bookings.cancel(taken.id(), null));
        awaitDelivered("/bookings");
        assertThat(keys(waiting)).containsExactly("notification.waitlist.offered");
    }

    /** Hours rejected with a reason: the student's notice says why, in their language. */
    @Test
    void aStudentWhoseHoursAreRejectedIsToldWhy() {
        Account studentAccount = studentWithRejectedHours("  那天在休假 on leave  ");
        String student = fixtures.jdbc().sql("select ext_id from talent_student where user_id = :u").param("u", studentAccount.id())
                .query(String.class).single();
        String day = LocalDate.now().minusDays(1).toString();
        assertThat(keys(studentAccount)).containsExactly("notification.talent.hoursRejectedWithReason");
        assertThat(only(mine(api(studentAccount), "lang=en"), "/talent/students/" + student).get("message").asString())
                .isEqualTo("Your 3.5 practice hours of " + day + " were rejected by your industrial mentor: 那天在休假 on leave");
        assertThat(only(mine(api(studentAccount), "lang=zh"), "/talent/students/" + student).get("message").asString())
                .isEqualTo("您 " + day + " 的 3.5 小时实践学时被企业导师退回：那天在休假 on leave");
    }

    /**
     * The inbox page past its end shows its last page (an old link, a typed number), and a page number that is
     * none (0, negative, a word) the first; the API keeps answering such a page with no items.
     */
    @Test
    void anInboxPagePastTheEndShowsTheLastPage() {
        Account reader = studentWithRejectedHours("wrong day");
        HelixClient page = signedIn(reader);
        for (String number : List.of("1", "99", "99999999999", "0", "-2", "abc", "")) {
            HelixClient.Response inbox = page.get("/notifications?lang=en&page=" + number);
            assertThat(inbox.status()).as("page " + number).isEqualTo(200);
            assertThat(inbox.body()).as("page " + number).contains("were rejected by your industrial mentor: wrong day")
                    .doesNotContain("No notices yet");
        }
        HelixClient.Response far = api(reader).get("/api/v1/notifications?page=99");
        assertThat(JSON.readTree(far.body()).get("items").size()).isZero();
    }

    /** A student with an account whose one logged day of hours their industrial mentor rejected, the notice delivered. */
    private Account studentWithRejectedHours(String reason) {
        TalentFixtures talent = TalentFixtures.of(context);
        long university = talent.organization("Reason University", "university", "420100");
        long enterprise = talent.organization("Reason Works", "enterprise", "420500");
        long academic = talent.person("Reason Academic", university);
        long industrial = talent.person("Reason Industrial", enterprise);
        Account studentAccount = talent.user(university, null, Role.STUDENT);
        Account mentor = talent.user(enterprise, industrial, Role.ENTERPRISE);
        String program = talent.program(university, enterprise, "0803", "ind-optoelectronics", 2024);
        String student = talent.student(program, enterprise, academic, industrial, studentAccount, 2027, "enrolled");
        long entry = talent.pendingHours(student, studentAccount);
        talent.as(mentor, () -> practice.reject(entry, reason));
        awaitDelivered("/talent/students/" + student);
        return studentAccount;
    }

    @Test
    void markingAllReadOnThePageAndOpeningNeedCsrfAndVisitorsAreSentToSignIn() {
        HelixClient visitor = HelixClient.browser(port);
        assertThat(visitor.get("/notifications").signInRequired()).isTrue();
        assertThat(visitor.get("/api/v1/notifications").status()).isEqualTo(401);
        assertThat(visitor.json("POST", "/api/v1/notifications/read", null).status()).isEqualTo(401);
        assertThat(visitor.get("/").body()).doesNotContain("id=\"inbox-link\"");

        HelixClient page = signedIn(booker);
        assertThat(page.get("/").body()).contains("id=\"inbox-link\"");
        assertThat(page.postFormWithoutToken("/notifications/read", Map.of()).status()).isEqualTo(403);
        HelixClient.Response done = page.postForm("/notifications/read", Map.of());
        assertThat(done.status()).isEqualTo(302);
        assertThat(done.location()).endsWith("/notifications");
        assertThat(page.get("/notifications").body()).contains("id=\"notice\"").doesNotContain("class=\"unread-mark\"");
        assertThat(unread(api(booker))).isZero();
        HelixClient.Response far = api(booker).get("/api/v1/notifications?page=2147483647&size=100");
        assertThat(far.status()).as("a page far beyond the end is empty").isEqualTo(200);
        assertThat(JSON.readTree(far.body()).get("items").size()).isZero();
        assertThat(JSON.readTree(far.body()).get("size").asInt()).isEqualTo(100);
        HelixClient.Response tooLarge = api(booker).get("/api/v1/notifications?size=1000");
        assertThat(tooLarge.status()).as("a size beyond the largest is refused, not capped").isEqualTo(400);
        assertThat(JSON.readTree(tooLarge.body()).get("field").asString()).isEqualTo("size");
    }

    // --- helpers ----------------------------------------------------------------------------

    /**
     * Waits until every notice published with this link has been delivered: the publication is
     * stored in the publishing transaction, so it is there (incomplete) when the call returns, and
     * completed once the listener's transaction committed. A failing listener fails the wait.
     */
    private void awaitDelivered(String link) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() ->
                publications.findIncompletePublications().stream()
                        .noneMatch(p -> p.getEvent() instanceof UserNotice notice && notice.link().equals(link)));
    }

    private List<String> keys(Account account) {
        return fixtures.jdbc().sql("select message_key from notification where user_id = :u").param("u", account.id())
                .query(String.class).list();
    }

    private static ApplicationDraft application() {
        return new ApplicationDraft(null, List.of(), List.of(), "plan", Map.of(1, new BigDecimal("224")));
    }

    private long notices(Account account, String link) {
        return fixtures.count("select count(*) from notification where user_id = ? and link = ?", account.id(), link);
    }

    private String orgName(long id) {
        return fixtures.jdbc().sql("select name_en from organization where id = :id").param("id", id).query(String.class).single();
    }

    private HelixClient api(Account account) {
        return HelixClient.basic(port, account.email(), AccessFixtures.PASSWORD);
    }

    private HelixClient signedIn(Account account) {
        return HelixClient.signedIn(port, account);
    }

    private static JsonNode mine(HelixClient api, String query) {
        HelixClient.Response response = api.get("/api/v1/notifications?size=100" + (query.isEmpty() ? "" : "&" + query));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static long unread(HelixClient api) {
        HelixClient.Response response = api.get("/api/v1/notifications?unread=true&size=1");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).get("total").asLong();
    }

    private static JsonNode only(JsonNode page, String link) {
        List<JsonNode> found = new ArrayList<>();
        page.get("items").forEach(item -> {
            if (item.get("link").asString().equals(link)) {
                found.add(item);
            }
        });
        assertThat(found).as("notices linking to %s in %s", link, page).hasSize(1);
        return found.getFirst();
    }

    private static ChallengeDraft draft(String titleZh, String titleEn) {
        return new ChallengeDraft(titleZh, titleEn, "攻克高速光芯片的可靠性难题", "Make high-speed optical chips reliable",
                "kct-01", null, new BigDecimal("5000000"), 24, "any", "成果归揭榜方所有",
                Instant.now().plus(30, ChronoUnit.DAYS),
                List.of(new Target(null, 1, "单通道速率", "Gb/s", new BigDecimal("200"), true)), null);
    }
}

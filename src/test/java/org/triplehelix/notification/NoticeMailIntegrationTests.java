package org.triplehelix.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessagePreparator;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.triplehelix.access.AccessFixtures;
import org.triplehelix.access.Account;
import org.triplehelix.access.HelixClient;
import org.triplehelix.access.Role;
import org.triplehelix.challenge.ChallengeAction;
import org.triplehelix.challenge.ChallengeDraft;
import org.triplehelix.challenge.Challenges;
import org.triplehelix.challenge.Target;
import org.triplehelix.facility.BookingView;
import org.triplehelix.facility.Bookings;
import org.triplehelix.facility.FacilityFixtures;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Notices by e-mail on the real platform, with a real SMTP server in this JVM (GreenMail, with a
 * user and password the platform signs in with): a booking approval reaches the booker's mailbox in
 * both languages with the absolute link; a user who turned the e-mail off (on their account page, or
 * in the API) gets none but keeps the inbox row; a mail server that is down fails neither the
 * approval nor the inbox, is logged once as a WARN line (no ERROR) without its password, and the e-mail follows when it is back; a
 * server refusing one recipient of a notice for many does not make the others get it twice.
 *
 * <p>The waits are on the database (a row's {@code mailed_at} or {@code mail_attempts}), not on time.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "helix.mail.from=三螺旋平台 <noreply@helix.example.org>",
        "helix.mail.base-url=https://helix.example.org/",
        "helix.mail.max-attempts=3",
        "spring.mail.username=" + NoticeMailIntegrationTests.SMTP_USER,
        "spring.mail.password=" + NoticeMailIntegrationTests.SMTP_PASSWORD,
        "spring.mail.properties.mail.smtp.auth=true",
        "logging.level.org.triplehelix.shared.AsyncErrors=debug"})
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Import(NoticeMailIntegrationTests.Refusals.class)
@ExtendWith(OutputCaptureExtension.class)
class NoticeMailIntegrationTests {

    static final String SMTP_USER = "helix-mailer";
    static final String SMTP_PASSWORD = "smtp-Secret-7f3a9c";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int SMTP_PORT = freePort();
    private static GreenMail smtp = startSmtp();

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    Bookings bookings;
    @Autowired
    Challenges challenges;
    @Autowired
    NoticeMailRetry retry;
    @Autowired
    RefusingMailSender refusing;

    FacilityFixtures fixtures;
    AccessFixtures access;
    long owner;
    long customer;
    Account manager;

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @BeforeAll
    void world() {
        fixtures = FacilityFixtures.of(context);
        access = fixtures.access();
        owner = access.organization("Mail Institute", null);
        customer = access.organization("Mail Enterprise", null);
        manager = access.user(owner, Role.RESEARCHER);
    }

    @AfterAll
    void stopSmtp() {
        smtp.stop();
    }

    @Test
    void aBookingApprovalIsMailedToTheBookerInBothLanguagesWithTheAbsoluteLink() throws Exception {
        Account booker = access.user(customer, Role.ENTERPRISE);
        long booking = approvedBooking(booker, 20);
        String link = "/bookings/" + booking;
        awaitMailed(booker, link);

        List<MimeMessage> mails = mailsTo(booker);
        assertThat(mails).as("one e-mail to the booker").hasSize(1);
        MimeMessage mail = mails.getFirst();
        String zh = inboxMessage(booker, link, "zh");
        String en = inboxMessage(booker, link, "en");
        assertThat(zh).startsWith("您预约的“").endsWith("已获批准");
        assertThat(mail.getSubject()).isEqualTo(zh + " / " + en);
        assertThat(((InternetAddress) mail.getFrom()[0]).getAddress()).isEqualTo("noreply@helix.example.org");
        assertThat(mail.getHeader("Auto-Submitted")).containsExactly("auto-generated");
        String body = ((String) mail.getContent()).replace("\r\n", "\n");
        assertThat(body).contains(zh + "\n查看详情：https://helix.example.org" + link + "\n")
                .contains(en + "\nOpen: https://helix.example.org" + link + "\n")
                .contains("https://helix.example.org/account/password#notice-mail")
                .contains("关闭“邮件通知”").contains("turn off \"Notices by e-mail\"");
        assertThat(body.indexOf(zh)).as("Chinese first, then English").isLessThan(body.indexOf(en));
        assertThat(mailsTo(manager)).as("the manager approved: no e-mail of their own action").isEmpty();
    }

    @Test
    void aTurnedDownRegistrantIsToldByEMailWithTheReasonInBothLanguages() throws Exception {
        long id = access.pendingUser(customer, Role.ENTERPRISE);
        String email = fixtures.jdbc().sql("select email from app_user where id = :id").param("id", id).query(String.class).single();
        HelixClient orgAdmin = signedIn(access.user(customer, Role.ORG_ADMIN));
        HelixClient.Response turnedDown = orgAdmin.postForm("/admin/users/" + id + "/reject?lang=en",
                Map.of("reason", "所填单位与营业执照不符 / the organization does not match the licence", "confirm", "yes"));
        assertThat(turnedDown.status()).isEqualTo(302);
        assertThat(orgAdmin.get(turnedDown.location().replaceFirst("^https?://[^/]+", "") + "?lang=en").body())
                .contains("The registration is turned down; the registrant is told by e-mail.");

        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> !mailsTo(email).isEmpty());
        List<MimeMessage> mails = mailsTo(email);
        assertThat(mails).as("one e-mail to the registrant").hasSize(1);
        MimeMessage mail = mails.getFirst();
        assertThat(mail.getSubject()).isEqualTo("您在三螺旋科技创新平台的注册申请未获通过 / Your registration on the Triple Helix platform was not approved");
        assertThat(((InternetAddress) mail.getFrom()[0]).getAddress()).isEqualTo("noreply@helix.example.org");
        assertThat(mail.getHeader("Auto-Submitted")).containsExactly("auto-generated");
        String body = ((String) mail.getContent()).replace("\r\n", "\n");
        assertThat(body).contains("Applicant，您好：您以本邮箱在三螺旋科技创新平台提交的注册申请未获通过")
                .contains("理由：所填单位与营业执照不符 / the organization does not match the licence\n")
                .contains("Dear Applicant, your registration on the Triple Helix platform with this e-mail address was not approved")
                .contains("Reason: 所填单位与营业执照不符 / the organization does not match the licence\n")
                .doesNotContain("notice-mail");
        assertThat(body.indexOf("理由：")).as("Chinese first, then English").isLessThan(body.indexOf("Reason: "));
        assertThat(fixtures.count("select count(*) from notification where user_id = ?", id)).as("no inbox to put it in").isZero();

        // turned down through the API without a reason (or by disabling the pending account): told all the same, no reason line
        long other = access.pendingUser(customer, Role.RESEARCHER);
        String otherEmail = fixtures.jdbc().sql("select email from app_user where id = :id").param("id", other).query(String.class).single();
        Account admin = access.user(null, Role.ADMIN);
        HelixClient.Response api = HelixClient.basic(port, admin.email(), AccessFixtures.PASSWORD)
                .json("POST", "/api/v1/users/" + other + "/disable", null);
        assertThat(api.status()).as(api.body()).isEqualTo(200);
        assertThat(JSON.readTree(api.body()).get("status").asString()).isEqualTo("DISABLED");
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> !mailsTo(otherEmail).isEmpty());
        String plain = ((String) mailsTo(otherEmail).getFirst().getContent()).replace("\r\n", "\n");
        assertThat(plain).contains("注册申请未获通过").contains("was not approved").doesNotContain("理由：").doesNotContain("Reason:");
    }

    @Test
    void aRegistrantIsWrittenToInTheLanguageOfThePagesTheyRegisteredFrom() throws Exception {
        HelixClient orgAdmin = signedIn(access.user(customer, Role.ORG_ADMIN));

        // registered on the English pages, turned down from the Chinese ones: the e-mail is in English alone
        long english = registerThroughTheForm("en");
        assertThat(language(english)).isEqualTo("en");
        assertThat(orgAdmin.postForm("/admin/users/" + english + "/reject?lang=zh", Map.of("reason", "no licence", "confirm", "yes"))
                .status()).isEqualTo(302);
        String englishEmail = email(english);
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> !mailsTo(englishEmail).isEmpty());
        MimeMessage turnedDown = mailsTo(englishEmail).getFirst();
        assertThat(turnedDown.getSubject()).isEqualTo("Your registration on the Triple Helix platform was not approved");
        assertThat(((String) turnedDown.getContent()).replace("\r\n", "\n")).contains("Dear Applicant, your registration")
                .contains("Reason: no licence\n").doesNotContain("您好").doesNotContain("理由");

        // registered on the Chinese pages and approved: the approval notice is e-mailed in Chinese alone
        long chinese = registerThroughTheForm("zh");
        assertThat(language(chinese)).isEqualTo("zh");
        assertThat(orgAdmin.postForm("/admin/users/" + chinese + "/approve?lang=en", Map.of()).status()).isEqualTo(302);
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() ->
                fixtures.count("select count(*) from notification where user_id = ? and mailed_at is not null", chinese) == 1);
        MimeMessage approved = mailsTo(email(chinese)).getFirst();
        assertThat(approved.getSubject()).isEqualTo("您注册的账号已通过审核，现在可以登录使用平台了。");
        assertThat(((String) approved.getContent())).contains("查看详情：https://helix.example.org/").contains("关闭“邮件通知”")
                .doesNotContain("Your registration").doesNotContain("Open:");
    }

    /** A visitor's registration sent from the pages in this language; the pending account's id. */
    private long registerThroughTheForm(String lang) {
        String email = AccessFixtures.unique("registrant-" + lang) + "@test.example.org";
        HelixClient.Response registered = HelixClient.browser(port).postForm("/register?lang=" + lang, Map.of("email", email,
                "name", "Applicant", "role", "ENTERPRISE", "organization", access.organizationExtId(customer),
                "password", AccessFixtures.PASSWORD, "confirmation", AccessFixtures.PASSWORD));
        assertThat(registered.status()).as(registered.body()).isEqualTo(302);
        return fixtures.jdbc().sql("select id from app_user where email = :email").param("email", email).query(Long.class).single();
    }

    private String email(long userId) {
        return fixtures.jdbc().sql("select email from app_user where id = :id").param("id", userId).query(String.class).single();
    }

    private String language(long userId) {
        return fixtures.jdbc().sql("select language from app_user where id = :id").param("id", userId).query(String.class).single();
    }

    @Test
    void aUserWhoTurnedTheMailOffGetsNoneButKeepsTheInboxRowAndTurningItOnAgainWorks() {
        Account booker = access.user(customer, Role.ENTERPRISE);
        HelixClient page = signedIn(booker);
        assertThat(page.get("/account/password").body()).contains("id=\"noticeMail\"").contains("checked");
        long auditBefore = access.auditRows("user", String.valueOf(booker.id()), "notice-mail");
        HelixClient.Response off = page.postForm("/account/notice-mail", Map.of()); // an unticked box sends nothing
        assertThat(off.status()).isEqualTo(302);
        assertThat(off.location()).contains("/account/password?noticeMailSaved");
        assertThat(page.get("/account/password?noticeMailSaved&lang=en").body()).contains("Notices are no longer e-mailed to you")
                .doesNotContain("checked");
        assertThat(access.auditRows("user", String.valueOf(booker.id()), "notice-mail")).isEqualTo(auditBefore + 1);
        assertThat(page.postFormWithoutToken("/account/notice-mail", Map.of("noticeMail", "on")).status())
                .as("the switch needs the CSRF token").isEqualTo(403);

        long quiet = approvedBooking(booker, 21);
        awaitMailHandled("/bookings/" + quiet);
        assertThat(inboxMessage(booker, "/bookings/" + quiet, "en")).endsWith("was approved");
        assertThat(mailsTo(booker)).as("turned off: no e-mail").isEmpty();

        HelixClient api = HelixClient.basic(port, booker.email(), AccessFixtures.PASSWORD);
        assertThat(JSON.readTree(api.get("/api/v1/me/settings").body()).get("noticeMail").asBoolean()).isFalse();
        HelixClient.Response on = api.json("PUT", "/api/v1/me/settings", "{\"noticeMail\": true}");
        assertThat(on.status()).as(on.body()).isEqualTo(200);
        assertThat(JSON.readTree(on.body()).get("noticeMail").asBoolean()).isTrue();
        assertThat(api.json("PUT", "/api/v1/me/settings", "{}").status()).isEqualTo(400);
        assertThat(HelixClient.basic(port, "nobody@test.example.org", "wrong-password-123").get("/api/v1/me/settings").status())
                .isEqualTo(401);
        assertThat(access.auditRows("user", String.valueOf(booker.id()), "notice-mail")).isEqualTo(auditBefore + 2);

        long heard = approvedBooking(booker, 22);
        awaitMailed(booker, "/bookings/" + heard);
        assertThat(mailsTo(booker)).hasSize(1);
    }

    @Test
    void lockedAndDisabledAccountsGetNoMailButTheirInboxRows() {
        Account locked = access.user(customer, Role.ENTERPRISE);
        Account disabled = access.user(customer, Role.ENTERPRISE);
        String extId = fixtures.openFacility(owner, true, false);
        fixtures.managers(extId, manager);
        BookingView forLocked = fixtures.as(locked, () -> bookings.request(extId,
                FacilityFixtures.request(FacilityFixtures.hoursAhead(24, 9), Duration.ofHours(1), null)));
        BookingView forDisabled = fixtures.as(disabled, () -> bookings.request(extId,
                FacilityFixtures.request(FacilityFixtures.hoursAhead(24, 12), Duration.ofHours(1), null)));
        fixtures.jdbc().sql("update app_user set locked_until = now() + interval '15 minutes' where id = :id").param("id", locked.id()).update();
        fixtures.jdbc().sql("update app_user set status = 'disabled' where id = :id").param("id", disabled.id()).update();
        fixtures.as(manager, () -> bookings.approve(forLocked.id()));
        fixtures.as(manager, () -> bookings.approve(forDisabled.id()));
        awaitMailHandled("/bookings/" + forLocked.id());
        awaitMailHandled("/bookings/" + forDisabled.id());

        assertThat(fixtures.count("select count(*) from notification where user_id = ? and link = ?", locked.id(), "/bookings/" + forLocked.id()))
                .isEqualTo(1);
        assertThat(fixtures.count("select count(*) from notification where user_id = ? and link = ?", disabled.id(),
                "/bookings/" + forDisabled.id())).isEqualTo(1);
        assertThat(mailsTo(locked)).isEmpty();
        assertThat(mailsTo(disabled)).isEmpty();
    }

    @Test
    void aMailServerThatIsDownFailsNeitherTheApprovalNorTheInboxAndTheMailFollowsWhenItIsBack(CapturedOutput output) {
        Account booker = access.user(customer, Role.ENTERPRISE);
        smtp.stop();
        long booking;
        try {
            booking = approvedBooking(booker, 23);
            String link = "/bookings/" + booking;
            Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                    .until(() -> mailAttempts(booker, link) == 1);
            assertThat(fixtures.jdbc().sql("select status from booking where id = :id").param("id", booking).query(String.class).single())
                    .isEqualTo("approved");
            assertThat(inboxMessage(booker, link, "en")).as("the inbox has the notice").endsWith("was approved");
            assertThat(output.getAll()).contains("e-mail to 1 of 1 users failed").doesNotContain(SMTP_PASSWORD);
            // the listener's exception reaches the async handler after the row is counted: wait for its DEBUG line
            Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                    .until(() -> output.getAll().contains("failed, to be retried: notice "));
            assertThat(output.getAll()).as("the mail failure is one WARN line, not also an unexpected ERROR")
                    .containsPattern("WARN .*e-mail to 1 of 1 users failed")
                    .doesNotContain("Unexpected exception occurred invoking async method");
        } finally {
            smtp = startSmtp();
        }
        String link = "/bookings/" + booking;
        retry.retryOlderThan(Duration.ZERO);
        awaitMailed(booker, link);
        assertThat(mailsTo(booker)).hasSize(1);
        assertThat(output.getAll()).doesNotContain(SMTP_PASSWORD);
    }

    @Test
    void aServerRefusingOneRecipientOfANoticeForManySendsTheOthersTheirsOnce() {
        long lab = access.organization("Mail Laboratory", null);
        Account refused = access.user(lab, Role.RESEARCHER);
        Account accepted = access.user(lab, Role.RESEARCHER);
        Account department = access.user(null, Role.ADMIN);
        refusing.refuse(refused.email());
        String challenge = access.as(department, () -> {
            String extId = challenges.create(draft()).extId();
            challenges.perform(extId, ChallengeAction.PUBLISH);
            challenges.invite(extId, access.organizationExtId(lab));
            return extId;
        });
        String link = "/challenges/" + challenge;
        try {
            awaitMailed(accepted, link);
            Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                    .until(() -> mailAttempts(refused, link) == 1);
            assertThat(mailsTo(accepted)).hasSize(1);
            assertThat(mailsTo(refused)).isEmpty();
        } finally {
            refusing.refuse(null);
        }
        retry.retryOlderThan(Duration.ZERO);
        awaitMailed(refused, link);
        assertThat(mailsTo(refused)).hasSize(1);
        assertThat(mailsTo(accepted)).as("the retry is for the refused recipient only").hasSize(1);
    }

    // --- helpers ----------------------------------------------------------------------------

    private long approvedBooking(Account booker, int daysAhead) {
        String extId = fixtures.openFacility(owner, true, false);
        fixtures.managers(extId, manager);
        BookingView booking = fixtures.as(booker, () -> bookings.request(extId,
                FacilityFixtures.request(FacilityFixtures.hoursAhead(daysAhead, 9), Duration.ofHours(1), null)));
        fixtures.as(manager, () -> bookings.approve(booking.id()));
        return booking.id();
    }

    /** Waits until the user's notice with this link was e-mailed (the row is written first, then the e-mail goes). */
    private void awaitMailed(Account user, String link) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() ->
                fixtures.count("select count(*) from notification where user_id = ? and link = ? and mailed_at is not null",
                        user.id(), link) == 1);
    }

    /** Waits until the mailer has handled the notice with this link: its publication is complete. */
    private void awaitMailHandled(String link) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            List<UUID> notices = fixtures.jdbc().sql("select distinct notice_id from notification where link = :link")
                    .param("link", link).query(UUID.class).list();
            return notices.size() == 1 && fixtures.count("""
                    select count(*) from event_publication where event_type like '%NoticeStored' and completion_date is not null
                    and serialized_event like ?""", "%" + notices.getFirst() + "%") == 1;
        });
    }

    private int mailAttempts(Account user, String link) {
        return fixtures.jdbc().sql("select coalesce(max(mail_attempts), 0) from notification where user_id = :u and link = :l")
                .param("u", user.id()).param("l", link).query(Integer.class).single();
    }

    private static List<MimeMessage> mailsTo(Account user) {
        return mailsTo(user.email());
    }

    private static List<MimeMessage> mailsTo(String email) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(message -> {
            try {
                return Arrays.stream(message.getAllRecipients()).anyMatch(a -> ((InternetAddress) a).getAddress().equals(email));
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private String inboxMessage(Account user, String link, String lang) {
        HelixClient.Response response = HelixClient.basic(port, user.email(), AccessFixtures.PASSWORD)
                .get("/api/v1/notifications?size=100&lang=" + lang);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        for (JsonNode item : JSON.readTree(response.body()).get("items")) {
            if (item.get("link").asString().equals(link)) {
                return item.get("message").asString();
            }
        }
        throw new AssertionError("no notice linking to " + link + " in " + response.body());
    }

    private HelixClient signedIn(Account account) {
        return HelixClient.signedIn(port, account);
    }

    private static ChallengeDraft draft() {
        return new ChallengeDraft("邮件通知测试榜单", "Mail notice challenge", "测试", "A test", "kct-01", null,
                new java.math.BigDecimal("1000000"), 12, "any", "成果归揭榜方所有", java.time.Instant.now().plus(Duration.ofDays(30)),
                List.of(new Target(null, 1, "速率", "Gb/s", new java.math.BigDecimal("100"), true)), null);
    }

    private static GreenMail startSmtp() {
        GreenMail server = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                .withConfiguration(GreenMailConfiguration.aConfig().withUser(SMTP_USER, SMTP_PASSWORD));
        server.start();
        return server;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Wraps the platform's own mail sender (Spring Boot's, on GreenMail) so that a test can make the server refuse one address. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Refusals {

        @Bean
        static BeanPostProcessor refusingMailSender() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    return bean instanceof JavaMailSender sender && !(bean instanceof RefusingMailSender) ? new RefusingMailSender(sender) : bean;
                }
            };
        }
    }

    /**
     * The real sender, except that a message to the refused address fails the way a server's
     * {@code 550} for one recipient fails in {@link org.springframework.mail.javamail.JavaMailSenderImpl}:
     * the others go out and a {@link MailSendException} names the failed message.
     */
    static final class RefusingMailSender implements JavaMailSender {

        private final JavaMailSender delegate;
        private final Set<String> refused = ConcurrentHashMap.newKeySet();

        RefusingMailSender(JavaMailSender delegate) {
            this.delegate = delegate;
        }

        void refuse(String address) {
            refused.clear();
            if (address != null) {
                refused.add(address);
            }
        }

        @Override
        public void send(MimeMessage... messages) throws MailException {
            Map<Object, Exception> failed = new LinkedHashMap<>();
            List<MimeMessage> passed = new java.util.ArrayList<>();
            for (MimeMessage message : messages) {
                try {
                    Address[] to = message.getAllRecipients();
                    if (Arrays.stream(to).anyMatch(a -> refused.contains(((InternetAddress) a).getAddress()))) {
                        failed.put(message, new SendFailedException("550 5.1.1 mailbox unavailable"));
                    } else {
                        passed.add(message);
                    }
                } catch (MessagingException e) {
                    failed.put(message, e);
                }
            }
            if (!passed.isEmpty()) {
                delegate.send(passed.toArray(MimeMessage[]::new));
            }
            if (!failed.isEmpty()) {
                throw new MailSendException(failed);
            }
        }

        @Override
        public MimeMessage createMimeMessage() {
            return delegate.createMimeMessage();
        }

        @Override
        public MimeMessage createMimeMessage(InputStream contentStream) throws MailException {
            return delegate.createMimeMessage(contentStream);
        }

        @Override
        public void send(MimeMessage message) throws MailException {
            send(new MimeMessage[] {message});
        }

        @Override
        public void send(MimeMessagePreparator... preparators) throws MailException {
            delegate.send(preparators);
        }

        @Override
        public void send(SimpleMailMessage... messages) throws MailException {
            delegate.send(messages);
        }
    }
}

package org.triplehelix.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.triplehelix.shared.Text;

/**
 * A notice as an e-mail, on the shipped bundles: Chinese then English, the absolute link, the way to
 * turn the e-mails off; a subject that no user's text can break into a second header; and the
 * settings checked at start.
 */
class NoticeMailTextTests {

    private final NoticeMailText text = new NoticeMailText(bundles(), "https://helix.example.org");

    @Test
    void aNoticeReadsInChineseThenEnglishWithItsAbsoluteLinkAndTheWayToStopTheMails() {
        NoticeMailText.Mail mail = text.compose("notification.booking.approved",
                List.of(new Text("核磁共振谱仪", "NMR spectrometer"), new Text(null, "2026-12-01 09:00")), "/bookings/42", null);

        assertThat(mail.subject()).isEqualTo("您预约的“核磁共振谱仪”（2026-12-01 09:00）已获批准 / Your booking of NMR spectrometer (2026-12-01 09:00) was approved");
        assertThat(mail.body()).isEqualTo("""
                您预约的“核磁共振谱仪”（2026-12-01 09:00）已获批准
                查看详情：https://helix.example.org/bookings/42

                Your booking of NMR spectrometer (2026-12-01 09:00) was approved
                Open: https://helix.example.org/bookings/42

                --\s
                这封邮件由三螺旋科技创新平台自动发送，请勿回复。不想再收到消息邮件？登录后在账号页面关闭“邮件通知”：https://helix.example.org/account/password#notice-mail（消息中心仍保留全部消息）。
                This e-mail was sent automatically by the Triple Helix platform; please do not reply. To stop these e-mails, sign in and turn off "Notices by e-mail" on your account page: https://helix.example.org/account/password#notice-mail (your inbox keeps every notice).
                """);
    }

    @Test
    void aRecipientWhoseLanguageIsKnownReadsTheNoticeInItAlone() {
        List<Text> args = List.of(new Text("核磁共振谱仪", "NMR spectrometer"), new Text(null, "2026-12-01 09:00"));
        NoticeMailText.Mail english = text.compose("notification.booking.approved", args, "/bookings/42", Locale.ENGLISH);
        assertThat(english.subject()).isEqualTo("Your booking of NMR spectrometer (2026-12-01 09:00) was approved");
        assertThat(english.body()).startsWith("Your booking of NMR spectrometer").contains("Open: https://helix.example.org/bookings/42")
                .contains("turn off \"Notices by e-mail\"").doesNotContain("核磁共振谱仪").doesNotContain("查看详情").doesNotContain("邮件通知");

        NoticeMailText.Mail chinese = text.compose("notification.booking.approved", args, "/bookings/42", Locale.SIMPLIFIED_CHINESE);
        assertThat(chinese.subject()).isEqualTo("您预约的“核磁共振谱仪”（2026-12-01 09:00）已获批准");
        assertThat(chinese.body()).contains("查看详情：").contains("关闭“邮件通知”").doesNotContain("NMR").doesNotContain("Open:");
    }

    @Test
    void aTurnDownIsWrittenInTheRegistrantsLanguageOrInBothWhenItIsNotKnown() {
        NoticeMailText.Mail english = text.rejection("Li Lei", "no licence", Locale.ENGLISH);
        assertThat(english.subject()).isEqualTo("Your registration on the Triple Helix platform was not approved");
        assertThat(english.body()).startsWith("Dear Li Lei, your registration").contains("Reason: no licence\n").doesNotContain("理由")
                .doesNotContain("您好");

        NoticeMailText.Mail chinese = text.rejection("李雷", "营业执照不符", Locale.SIMPLIFIED_CHINESE);
        assertThat(chinese.subject()).isEqualTo("您在三螺旋科技创新平台的注册申请未获通过");
        assertThat(chinese.body()).startsWith("李雷，您好").contains("理由：营业执照不符\n").doesNotContain("Reason").doesNotContain("Dear");

        NoticeMailText.Mail both = text.rejection("Li Lei", null, null);
        assertThat(both.subject()).isEqualTo("您在三螺旋科技创新平台的注册申请未获通过 / Your registration on the Triple Helix platform was not approved");
        assertThat(both.body().indexOf("您好")).as("Chinese first, then English").isBetween(0, both.body().indexOf("Dear") - 1);
    }

    @Test
    void lineBreaksInAUsersTitleNeverReachTheSubjectAsHeaders() throws Exception {
        String title = "Optical chips\r\nBcc: victim@example.org\r\n\r\n<b>body</b>\u2028X-Evil: 1";
        NoticeMailText.Mail mail = text.compose("notification.challenge.won", List.of(new Text("光芯片\n可靠性", title)), "/challenges/c-1", null);

        assertThat(mail.subject()).doesNotContain("\r", "\n", "\u2028")
                .endsWith("Your application won the challenge \"Optical chips Bcc: victim@example.org <b>body</b> X-Evil: 1\"")
                .startsWith("您申报的榜单“光芯片 可靠性”已揭榜");
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
        MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
        helper.setFrom(new InternetAddress("noreply@helix.example.org"));
        helper.setTo(new InternetAddress("user@example.org"));
        helper.setSubject(mail.subject());
        helper.setText(mail.body(), false);
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        message.writeTo(raw);
        String headers = raw.toString(StandardCharsets.US_ASCII).split("\r\n\r\n", 2)[0];
        assertThat(headers.lines().map(line -> line.split(":", 2)[0]))
                .as("the header names of the written message").noneMatch(name -> name.equalsIgnoreCase("Bcc") || name.equalsIgnoreCase("X-Evil"));
        assertThat(message.getRecipients(MimeMessage.RecipientType.BCC)).isNull();
        assertThat(message.getSubject()).isEqualTo(mail.subject());
        assertThat(mail.body()).as("the body is plain text: the title as typed, never markup").contains("<b>body</b>");
    }

    @Test
    void aLongSubjectIsCutWithAnEllipsis() {
        String longTitle = "很长的标题".repeat(60);
        NoticeMailText.Mail mail = text.compose("notification.challenge.accepted", List.of(new Text(longTitle, "A long title")), "/c", null);
        assertThat(mail.subject().codePointCount(0, mail.subject().length())).isEqualTo(180);
        assertThat(mail.subject()).endsWith("…");
        assertThat(mail.body()).contains(longTitle).contains("A long title");
    }

    @Test
    void theSettingsNeedASenderAndAnAbsoluteBaseAddress() {
        NoticeMailProperties good = new NoticeMailProperties("三螺旋平台 <noreply@helix.example.org>", "https://helix.example.org/", 5,
                Duration.ofMinutes(5));
        assertThat(good.baseUrl()).isEqualTo("https://helix.example.org");
        assertThat(new NoticeMailProperties("a@b.org", "http://10.0.0.5:8080/helix/", 1, Duration.ofSeconds(1)).baseUrl())
                .isEqualTo("http://10.0.0.5:8080/helix");
        assertThatThrownBy(() -> new NoticeMailProperties(null, "https://h.example.org", 5, Duration.ofMinutes(5)))
                .hasMessageContaining("helix.mail.from");
        assertThatThrownBy(() -> new NoticeMailProperties("not an address", "https://h.example.org", 5, Duration.ofMinutes(5)))
                .hasMessageContaining("helix.mail.from");
        for (String bad : new String[] {null, " ", "helix.example.org", "javascript:alert(1)", "ftp://h.example.org",
                "https://h.example.org/?a=1", "https://user:pw@h.example.org"}) {
            assertThatThrownBy(() -> new NoticeMailProperties("a@b.org", bad, 5, Duration.ofMinutes(5))).as(bad)
                    .hasMessageContaining("helix.mail.base-url");
        }
        assertThatThrownBy(() -> new NoticeMailProperties("a@b.org", "https://h.example.org", 0, Duration.ofMinutes(5)))
                .hasMessageContaining("max-attempts");
    }

    @Test
    void theSettingsBindFromTheEnvironmentAndAMissingOneStopsTheStartNamingIt() {
        Map<String, Object> environment = Map.of("HELIX_MAIL_FROM", "三螺旋平台 <noreply@example.org>",
                "HELIX_MAIL_BASE_URL", "https://helix.example.org/", "SPRING_MAIL_PROPERTIES_MAIL_SMTP_STARTTLS_REQUIRED", "true");
        Binder binder = new Binder(ConfigurationPropertySources.from(new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environment)));
        NoticeMailProperties bound = binder.bindOrCreate("helix.mail", NoticeMailProperties.class);
        assertThat(bound.from()).isEqualTo("三螺旋平台 <noreply@example.org>");
        assertThat(bound.baseUrl()).isEqualTo("https://helix.example.org");
        assertThat(bound.maxAttempts()).isEqualTo(5);
        assertThat(bound.retryEvery()).isEqualTo(Duration.ofMinutes(5));
        assertThat(binder.bind("spring.mail.properties", Bindable.mapOf(String.class, String.class)).get())
                .containsEntry("mail.smtp.starttls.required", "true");

        Binder hostOnly = new Binder(ConfigurationPropertySources.from(new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                Map.<String, Object>of("SPRING_MAIL_HOST", "smtp.example.org"))));
        assertThatThrownBy(() -> hostOnly.bindOrCreate("helix.mail", NoticeMailProperties.class))
                .rootCause().hasMessageContaining("helix.mail.from");
    }

    private static ResourceBundleMessageSource bundles() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasenames("messages/notification");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        source.setDefaultLocale(Locale.SIMPLIFIED_CHINESE);
        return source;
    }
}

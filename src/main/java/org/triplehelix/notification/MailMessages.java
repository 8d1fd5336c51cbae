package org.triplehelix.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/** What every e-mail of the platform is made of, and how a failure to send one is told without the server's password. */
final class MailMessages {

    private MailMessages() {
    }

    /** Plain text in UTF-8 from the platform's sender, marked automatic (RFC 3834: no vacation replies to the platform). */
    static MimeMessage compose(JavaMailSender sender, String from, String to, NoticeMailText.Mail mail) throws MessagingException {
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
        helper.setFrom(new InternetAddress(from, true));
        helper.setTo(new InternetAddress(to, true));
        helper.setSubject(mail.subject());
        helper.setText(mail.body(), false);
        message.setHeader("Auto-Submitted", "auto-generated");
        return message;
    }

    /** The innermost cause's type and message, the password masked should a server ever echo it. */
    static String describe(Throwable e, String password) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage().strip());
        return password.isEmpty() ? message : message.replace(password, "******");
    }
}

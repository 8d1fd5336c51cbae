package org.triplehelix.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.MessageSource;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.triplehelix.access.NoticeMailAddresses;
import org.triplehelix.access.NoticeMailAddresses.Recipient;
import org.triplehelix.shared.RetriedLater;

/**
 * E-mails each stored notice to its recipients, when the platform has a mail server
 * ({@code spring.mail.host}; without one this bean does not exist and nothing is sent or said).
 *
 * <p>It listens to {@link NoticeStored}, so it runs after the inbox rows are committed, on the
 * listeners' pool, and nothing it does can undo or delay them or the action that caused the notice.
 * Only the recipients who can be told by e-mail are ({@link NoticeMailAddresses}: active, not locked,
 * e-mail of notices not turned off); the others have their inbox row alone.
 *
 * <p>Each row records its own e-mail ({@code mailed_at}, {@code mail_attempts}), and this listener
 * runs outside a transaction so that what went out is recorded even when some did not: a notice for
 * many recipients whose server refused one address, or went down half-way, is retried for those not
 * mailed only, never sent twice to the others. Failing, the listener throws; the event publication
 * registry keeps the publication, which {@link NoticeMailRetry} resubmits in the web platform and every
 * start republishes. A recipient whose e-mail failed {@code helix.mail.max-attempts} times, or whose
 * address the mail library cannot even write, is given up on (logged; the inbox still has the notice).
 * The server's password is never logged.
 */
@Component
@ConditionalOnProperty(prefix = "spring.mail", name = "host")
@EnableConfigurationProperties(NoticeMailProperties.class)
class NoticeMailer {

    private static final Logger log = LoggerFactory.getLogger(NoticeMailer.class);

    private final NoticeRepository repository;
    private final NoticeMailAddresses addresses;
    private final JavaMailSender sender;
    private final NoticeMailProperties properties;
    private final NoticeMailText text;
    private final String password;

    NoticeMailer(NoticeRepository repository, NoticeMailAddresses addresses, JavaMailSender sender, NoticeMailProperties properties,
                 MessageSource messages, @Value("${spring.mail.password:}") String password) {
        this.repository = repository;
        this.addresses = addresses;
        this.sender = sender;
        this.properties = properties;
        this.text = new NoticeMailText(messages, properties.baseUrl());
        this.password = password;
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(NoticeStored stored) {
        List<NoticeRepository.Unmailed> rows = repository.unmailed(stored.noticeId(), properties.maxAttempts());
        if (rows.isEmpty()) {
            return;
        }
        Map<Long, Recipient> recipients = addresses.accepting(rows.stream().map(NoticeRepository.Unmailed::userId).toList()).stream()
                .collect(Collectors.toMap(Recipient::userId, Function.identity()));
        Map<MimeMessage, NoticeRepository.Unmailed> messages = new LinkedHashMap<>();
        for (NoticeRepository.Unmailed row : rows) {
            Recipient recipient = recipients.get(row.userId());
            if (recipient == null) {
                continue; // turned off, disabled or locked: the inbox row alone
            }
            try {
                messages.put(message(row, recipient), row);
            } catch (MessagingException | RuntimeException e) {
                repository.giveUpMail(List.of(row.id()), properties.maxAttempts());
                log.warn("Notice {}: no e-mail can be written to user {} ({}); it stays in their inbox", stored.noticeId(), row.userId(),
                        describe(e));
            }
        }
        if (!messages.isEmpty()) {
            send(stored, messages);
        }
    }

    private void send(NoticeStored stored, Map<MimeMessage, NoticeRepository.Unmailed> messages) {
        Map<Object, Exception> failures = failures(messages);
        List<Long> sent = new ArrayList<>();
        List<Long> failed = new ArrayList<>();
        messages.forEach((message, row) -> (failures.containsKey(message) ? failed : sent).add(row.id()));
        if (!sent.isEmpty()) {
            repository.markMailed(sent);
        }
        if (failed.isEmpty()) {
            log.debug("Notice {} e-mailed to {} users", stored.noticeId(), sent.size());
            return;
        }
        int attempts = repository.countMailFailure(failed);
        String reason = describe(failures.values().iterator().next());
        if (attempts >= properties.maxAttempts()) {
            log.warn("Notice {}: e-mail to {} of {} users failed {} times, given up ({}); the notices stay in their inboxes",
                    stored.noticeId(), failed.size(), messages.size(), attempts, reason);
            return;
        }
        log.warn("Notice {}: e-mail to {} of {} users failed ({}), attempt {} of {}; tried again later", stored.noticeId(),
                failed.size(), messages.size(), reason, attempts, properties.maxAttempts());
        throw new MailNotSent("notice " + stored.noticeId() + ": e-mail to " + failed.size() + " users not sent yet (" + reason + ")");
    }

    /** Sends all on one connection; the messages that failed, with why (all of them when the server could not be used). */
    private Map<Object, Exception> failures(Map<MimeMessage, NoticeRepository.Unmailed> messages) {
        try {
            sender.send(messages.keySet().toArray(MimeMessage[]::new));
            return Map.of();
        } catch (MailSendException e) {
            if (!e.getFailedMessages().isEmpty()) {
                return e.getFailedMessages();
            }
            return all(messages, e);
        } catch (MailException e) {
            return all(messages, e);
        }
    }

    private static Map<Object, Exception> all(Map<MimeMessage, NoticeRepository.Unmailed> messages, Exception e) {
        Map<Object, Exception> all = new LinkedHashMap<>();
        messages.keySet().forEach(message -> all.put(message, e));
        return all;
    }

    private MimeMessage message(NoticeRepository.Unmailed row, Recipient recipient) throws MessagingException {
        return MailMessages.compose(sender, properties.from(), recipient.email(), text.compose(row.messageKey(), row.args(), row.link(), recipient.language()));
    }

    private String describe(Throwable e) {
        return MailMessages.describe(e, password);
    }

    /**
     * Some recipients' e-mail did not go out: leaves the publication incomplete, to be retried. Already logged
     * here as one WARN line, so the asynchronous methods' handler keeps it at DEBUG ({@link RetriedLater}).
     */
    static final class MailNotSent extends RetriedLater {
        MailNotSent(String message) {
            super(message);
        }
    }
}

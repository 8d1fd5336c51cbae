package org.triplehelix.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.MessageSource;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.triplehelix.access.NoticeMailAddresses;
import org.triplehelix.access.NoticeMailAddresses.Recipient;
import org.triplehelix.access.RegistrationRejected;

/**
 * E-mails a registrant that their registration was turned down, with the reason when one was given, when the
 * platform has a mail server (without one this bean does not exist, and the administrator's page says the
 * registrant could not be told). A turned-down registrant has no active account, so no inbox notice could reach
 * them ({@link NoticeMailer} mails only what is in an inbox): this e-mail is their only answer.
 *
 * <p>Like {@link NoticeMailer} it runs after the commit, outside a transaction, and nothing it does can undo the
 * decision. A server that fails is logged once as a WARN line (never its password) and the listener throws, so
 * the event publication registry keeps the publication: {@link NoticeMailRetry} tries again (at most
 * {@code helix.mail.max-attempts} times) and every start republishes it. The mail is in the language of the
 * page the registrant registered from, or in Chinese then English for a registration older than that record.
 */
@Component
@ConditionalOnProperty(prefix = "spring.mail", name = "host")
class RejectionMailer {

    private static final Logger log = LoggerFactory.getLogger(RejectionMailer.class);

    private final NoticeMailAddresses addresses;
    private final JavaMailSender sender;
    private final NoticeMailProperties properties;
    private final NoticeMailText text;
    private final String password;

    RejectionMailer(NoticeMailAddresses addresses, JavaMailSender sender, NoticeMailProperties properties, MessageSource messages,
                    @Value("${spring.mail.password:}") String password) {
        this.addresses = addresses;
        this.sender = sender;
        this.properties = properties;
        this.text = new NoticeMailText(messages, properties.baseUrl());
        this.password = password;
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(RegistrationRejected rejected) {
        Optional<Recipient> registrant = addresses.turnedDown(rejected.userId());
        if (registrant.isEmpty()) {
            log.info("Registration {} turned down, but the account was enabled or removed since: no e-mail", rejected.userId());
            return;
        }
        MimeMessage message;
        try {
            message = message(registrant.get(), rejected.reason());
        } catch (MessagingException | RuntimeException e) {
            log.warn("Registration {} turned down: no e-mail can be written to its address ({})", rejected.userId(), describe(e));
            return;
        }
        try {
            sender.send(message);
            log.debug("Registration {} turned down: the registrant was e-mailed", rejected.userId());
        } catch (MailException e) {
            log.warn("Registration {} turned down: the e-mail to the registrant failed ({}); tried again later", rejected.userId(), describe(e));
            throw new NoticeMailer.MailNotSent("registration " + rejected.userId() + ": the rejection was not e-mailed yet (" + describe(e) + ")");
        }
    }

    private MimeMessage message(Recipient registrant, String reason) throws MessagingException {
        return MailMessages.compose(sender, properties.from(), registrant.email(), text.rejection(registrant.name(), reason, registrant.language()));
    }

    private String describe(Throwable e) {
        return MailMessages.describe(e, password);
    }
}

package org.triplehelix.notification;

import java.time.Duration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.triplehelix.access.RegistrationRejected;

/**
 * In the web platform with a mail server: every {@code helix.mail.retry-every}, the notices whose
 * e-mail failed at least that long ago are tried again (their publications, failed in the event
 * publication registry, resubmitted to {@link NoticeMailer}, which sends only to the recipients not
 * mailed yet and gives each up after {@code helix.mail.max-attempts}), and so are the e-mails of turned-down
 * registrations ({@link RejectionMailer}) tried fewer than {@code helix.mail.max-attempts} times. A command's short run has no
 * such timer: the next start republishes what is left.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@ConditionalOnProperty(prefix = "spring.mail", name = "host")
@EnableScheduling
class NoticeMailRetry {

    private final FailedEventPublications failed;
    private final NoticeMailProperties properties;

    NoticeMailRetry(FailedEventPublications failed, NoticeMailProperties properties) {
        this.failed = failed;
        this.properties = properties;
    }

    @Scheduled(fixedDelayString = "${helix.mail.retry-every:PT5M}", initialDelayString = "${helix.mail.retry-every:PT5M}")
    void retry() {
        retryOlderThan(properties.retryEvery());
    }

    void retryOlderThan(Duration age) {
        failed.resubmit(ResubmissionOptions.defaults().withMinAge(age).withFilter(publication -> publication.getEvent() instanceof NoticeStored
                // a rejection's e-mail counts its tries on the publication (it has no inbox row to count them)
                || publication.getEvent() instanceof RegistrationRejected && publication.getCompletionAttempts() < properties.maxAttempts()));
    }
}

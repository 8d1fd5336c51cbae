package org.triplehelix.notification;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Once a day in the web platform (and two minutes after it starts, so a platform restarted daily
 * still gets it): the notices read more than {@code helix.notifications.keep-read} ago (180 days) are
 * deleted, so the inbox table does not grow without bound. Unread notices stay whatever their age, and
 * so does a notice whose e-mail failed and is still to be retried ({@code helix.mail.max-attempts}).
 * Deleted in batches of {@value #BATCH} rows, one statement each, so no statement locks a large table long.
 * A command's short run has no such timer.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@EnableScheduling
class InboxRetention {

    static final int BATCH = 10_000;
    private static final Logger log = LoggerFactory.getLogger(InboxRetention.class);

    private final NoticeRepository repository;
    private final Duration keepRead;
    private final int maxMailAttempts;

    InboxRetention(NoticeRepository repository, @Value("${helix.notifications.keep-read:180d}") Duration keepRead,
                   @Value("${helix.mail.max-attempts:5}") int maxMailAttempts) {
        if (keepRead.isNegative() || keepRead.isZero()) {
            throw new IllegalArgumentException("helix.notifications.keep-read is a positive duration, e.g. 180d");
        }
        this.repository = repository;
        this.keepRead = keepRead;
        this.maxMailAttempts = maxMailAttempts;
    }

    @Scheduled(fixedDelayString = "P1D", initialDelayString = "PT2M")
    void removeOldRead() {
        try {
            int removed = removeReadOlderThan(keepRead, BATCH);
            if (removed > 0) {
                log.info("Inbox: {} notices read more than {} ago removed", removed, keepRead);
            }
        } catch (RuntimeException e) {
            log.warn("Inbox retention failed: {}", e.getMessage());
        }
    }

    /** Deletes batch after batch, each its own statement and transaction, until one comes back short; how many in all. */
    int removeReadOlderThan(Duration age, int batch) {
        int removed = 0;
        int last;
        do {
            last = repository.removeRead(age, maxMailAttempts, batch);
            removed += last;
        } while (last == batch);
        return removed;
    }
}

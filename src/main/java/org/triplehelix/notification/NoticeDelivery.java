package org.triplehelix.notification;

import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.triplehelix.access.OrganizationMembers;
import org.triplehelix.shared.UserNotice;

/**
 * Puts a published notice in its recipients' inboxes once the publishing transaction committed
 * (asynchronously, in a transaction of its own). The publication is persisted by the event
 * publication registry: a notice whose delivery failed or was cut off is delivered on the next start,
 * and the row's unique (notice, user) keeps a repeated delivery from doubling it.
 *
 * <p>Rows written announce themselves ({@link NoticeStored}, in the same transaction), so the
 * e-mail of the notice ({@link NoticeMailer}, when the platform has a mail server) starts only once
 * the inbox rows are committed, and can fail without touching them.
 */
@Component
class NoticeDelivery {

    private static final Logger log = LoggerFactory.getLogger(NoticeDelivery.class);

    private final NoticeRepository repository;
    private final OrganizationMembers members;
    private final ApplicationEventPublisher events;

    NoticeDelivery(NoticeRepository repository, OrganizationMembers members, ApplicationEventPublisher events) {
        this.repository = repository;
        this.members = members;
        this.events = events;
    }

    @ApplicationModuleListener
    void on(UserNotice notice) {
        Set<Long> recipients = new TreeSet<>(notice.userIds());
        recipients.addAll(members.activeUserIds(notice.organizationExtIds()));
        if (notice.actorUserId() != null) {
            recipients.remove(notice.actorUserId()); // nobody is told of their own action
        }
        if (!recipients.isEmpty()) {
            int delivered = repository.deliver(notice, recipients);
            log.debug("notice {} ({}) delivered to {} users", notice.id(), notice.messageKey(), delivered);
            if (delivered > 0) {
                events.publishEvent(new NoticeStored(notice.id()));
            }
        }
    }
}

package org.triplehelix.notification;

import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.triplehelix.access.OrganizationMembers;
import org.triplehelix.shared.UserNotice;

/**
 * Puts a published notice in its recipients' inboxes once the publishing transaction committed
 * (asynchronously, in a transaction of its own). The publication is persisted by the event
 * publication registry: a notice whose delivery failed or was cut off is delivered on the next start,
 * and the row's unique (notice, user) keeps a repeated delivery from doubling it.
 */
@Component
class NoticeDelivery {

    private static final Logger log = LoggerFactory.getLogger(NoticeDelivery.class);

    private final NoticeRepository repository;
    private final OrganizationMembers members;

    NoticeDelivery(NoticeRepository repository, OrganizationMembers members) {
        this.repository = repository;
        this.members = members;
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
        }
    }
}

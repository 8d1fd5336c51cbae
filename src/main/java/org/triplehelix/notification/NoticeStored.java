package org.triplehelix.notification;

import java.util.UUID;

/**
 * A notice's inbox rows were written (published by {@link NoticeDelivery} in the transaction that
 * wrote them): once that commits, {@link NoticeMailer} e-mails them. Inside this module only; persisted
 * by the event publication registry like every listener's event, so a mail not sent is retried.
 *
 * @param noticeId the {@link org.triplehelix.shared.UserNotice}'s id, which its inbox rows carry
 */
record NoticeStored(UUID noticeId) {
}

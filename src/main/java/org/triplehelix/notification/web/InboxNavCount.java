package org.triplehelix.notification.web;

import org.springframework.stereotype.Component;
import org.triplehelix.notification.Notifications;
import org.triplehelix.shared.web.NavCount;

/** The signed-in user's unread notices, on the inbox link in the header of every page. */
@Component
class InboxNavCount extends NavCount.Fixed {

    InboxNavCount(Notifications notifications) {
        super("/notifications", "notification.navCount", notifications::unreadCount);
    }
}

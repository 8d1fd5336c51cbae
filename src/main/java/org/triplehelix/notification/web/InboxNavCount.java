package org.triplehelix.notification.web;

import org.springframework.stereotype.Component;
import org.triplehelix.notification.Notifications;
import org.triplehelix.shared.web.NavCount;

/** The signed-in user's unread notices, on the inbox link in the header of every page. */
@Component
class InboxNavCount implements NavCount {

    private final Notifications notifications;

    InboxNavCount(Notifications notifications) {
        this.notifications = notifications;
    }

    @Override
    public String path() {
        return "/notifications";
    }

    @Override
    public long count() {
        return notifications.unreadCount();
    }

    @Override
    public String labelKey() {
        return "notification.navCount";
    }
}

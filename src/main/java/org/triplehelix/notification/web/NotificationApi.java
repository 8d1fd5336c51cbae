package org.triplehelix.notification.web;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.context.MessageSource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.triplehelix.notification.Notice;
import org.triplehelix.notification.Notifications;
import org.triplehelix.shared.Page;
import org.triplehelix.shared.Text;
import org.triplehelix.shared.web.Paging;

/**
 * The signed-in user's inbox as JSON (401 for a visitor). Each notice carries its message in the
 * request's language ({@code ?lang=}, the cookie, Accept-Language), and its key and bilingual
 * arguments for a client that renders it itself.
 */
@RestController
@RequestMapping("/api/v1/notifications")
class NotificationApi {

    private final Notifications notifications;
    private final MessageSource messages;

    NotificationApi(Notifications notifications, MessageSource messages) {
        this.notifications = notifications;
        this.messages = messages;
    }

    record NoticeJson(long id, String message, String key, List<Text> args, String link, boolean read, Instant createdAt,
                      Instant readAt) {
    }

    @GetMapping
    Page<NoticeJson> list(@RequestParam(defaultValue = "false") boolean unread, @ParameterObject Paging paging,
                          Locale locale) {
        return notifications.mine(unread, paging.number(), paging.pageSize()).map(notice -> json(notice, locale));
    }

    /** Marks one of the caller's notices read; 404 for one that is not theirs. */
    @PostMapping("/{id}/read")
    NoticeJson read(@PathVariable long id, Locale locale) {
        return json(notifications.markRead(id), locale);
    }

    /** Marks all the caller's notices read. */
    @PostMapping("/read")
    Map<String, Object> readAll() {
        return Map.of("marked", notifications.markAllRead(), "unread", notifications.unreadCount());
    }

    private NoticeJson json(Notice notice, Locale locale) {
        String message = messages.getMessage(notice.messageKey(), notice.argsIn(locale), notice.messageKey(), locale);
        return new NoticeJson(notice.id(), message, notice.messageKey(), notice.args(), notice.link(), notice.read(),
                notice.createdAt(), notice.readAt());
    }
}

package org.triplehelix.notification;

import java.util.List;
import org.springframework.stereotype.Service;
import org.triplehelix.access.CurrentUser;
import org.triplehelix.access.DataScope;
import org.triplehelix.shared.NotFoundException;
import org.triplehelix.shared.Page;

/**
 * The signed-in user's inbox: their notices newest first, the unread count, marking read. Every
 * query is bound to the caller's id, so nobody sees or marks another's notice (404, as for one that
 * does not exist). Reading is the user's own view of their inbox, not business data: it is not
 * written to the audit trail.
 */
@Service
public class Notifications {

    private static final int MAX_PAGE_SIZE = 100;

    private final NoticeRepository repository;
    private final DataScope scope;

    Notifications(NoticeRepository repository, DataScope scope) {
        this.repository = repository;
        this.scope = scope;
    }

    /** The caller's notices, newest first; only the unread ones when asked (403 for a visitor, 401 on the API). */
    public Page<Notice> mine(boolean unreadOnly, int page, int size) {
        CurrentUser user = scope.requireSignedIn();
        int pageNumber = Math.max(page, 0);
        int pageSize = Math.clamp(size, 1, MAX_PAGE_SIZE);
        long total = repository.count(user.id(), unreadOnly);
        List<Notice> items = total == 0 ? List.of()
                : repository.page(user.id(), unreadOnly, (long) pageNumber * pageSize, pageSize);
        return new Page<>(items, pageNumber, pageSize, total);
    }

    /** How many of the caller's notices are unread: one count query, 0 for a visitor. */
    public long unreadCount() {
        return scope.currentUser().map(user -> repository.count(user.id(), true)).orElse(0L);
    }

    /** Marks one of the caller's notices read (again is harmless); 404 for a notice that is not theirs. */
    public Notice markRead(long id) {
        CurrentUser user = scope.requireSignedIn();
        return repository.markRead(id, user.id()).orElseThrow(() -> new NotFoundException("notification", id));
    }

    /** Marks all the caller's notices read; how many were unread. */
    public int markAllRead() {
        return repository.markAllRead(scope.requireSignedIn().id());
    }
}

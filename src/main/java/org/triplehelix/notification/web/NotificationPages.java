package org.triplehelix.notification.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.triplehelix.notification.Notice;
import org.triplehelix.notification.Notifications;
import org.triplehelix.shared.Page;
import org.triplehelix.shared.UserNotice;

/**
 * The inbox page: the signed-in user's notices newest first, unread ones marked, optionally only
 * those; opening a notice (a POST, so that reading is never triggered by a prefetch or a crafted
 * image link) marks it read and goes to its link; marking all read.
 */
@Controller
class NotificationPages {

    static final int PAGE_SIZE = 20;

    private final Notifications notifications;

    NotificationPages(Notifications notifications) {
        this.notifications = notifications;
    }

    /** The inbox; a page past the end shows the last, a page number that is none the first. */
    @GetMapping("/notifications")
    String inbox(@RequestParam(defaultValue = "false") boolean unread, @RequestParam(required = false) String page, Model model) {
        Page<Notice> notices = notifications.mine(unread, Page.number(page), PAGE_SIZE);
        if (notices.pastTheEnd()) {
            notices = notifications.mine(unread, notices.lastPage(), PAGE_SIZE);
        }
        model.addAttribute("notices", notices);
        model.addAttribute("unreadOnly", unread);
        return "notification/inbox";
    }

    /** Marks the notice read and opens its link, a path inside the platform (the inbox if a stored link ever were not). */
    @PostMapping("/notifications/{id:\\d+}/open")
    String open(@PathVariable long id) {
        Notice notice = notifications.markRead(id);
        return "redirect:" + (UserNotice.isInternalLink(notice.link()) ? notice.link() : "/notifications");
    }

    @PostMapping("/notifications/read")
    String readAll(@RequestParam(defaultValue = "false") boolean unread, RedirectAttributes redirect) {
        int marked = notifications.markAllRead();
        redirect.addFlashAttribute("marked", marked);
        return unread ? "redirect:/notifications?unread=true" : "redirect:/notifications";
    }
}

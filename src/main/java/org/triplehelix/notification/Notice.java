package org.triplehelix.notification;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.triplehelix.shared.Text;

/**
 * One notice in a user's inbox: the message as its key (in {@code messages/notification_*}) and
 * bilingual arguments, the path it opens, when it came and when it was read (null: unread).
 */
public record Notice(long id, String messageKey, List<Text> args, String link, Instant createdAt, Instant readAt) {

    public Notice {
        args = List.copyOf(args);
    }

    public boolean read() {
        return readAt != null;
    }

    /** The arguments in the reader's language, for the message's {@code {0}}, {@code {1}}, …. */
    public Object[] argsIn(Locale locale) {
        return args.stream().map(arg -> arg.in(locale)).toArray();
    }
}

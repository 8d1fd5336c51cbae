package org.triplehelix.notification.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** How the inbox page writes a notice's time: in the platform's zone, to the minute. */
public final class InboxFormat {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"));

    private InboxFormat() {
    }

    public static String time(Instant instant) {
        return instant == null ? "" : MINUTE.format(instant);
    }
}

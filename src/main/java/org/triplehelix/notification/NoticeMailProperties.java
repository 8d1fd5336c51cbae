package org.triplehelix.notification;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code helix.mail.*}: what the e-mail of notices needs beside the mail server ({@code spring.mail.*},
 * whose {@code host} switches the e-mail on). Read only when a host is set, and then checked at start,
 * so a half-configured server fails at once with the setting to add, not on the first notice.
 *
 * @param from        the sender, e.g. {@code 三螺旋平台 <noreply@example.org>}
 * @param baseUrl     the platform's address as users open it ({@code https://helix.example.org}), for absolute links
 * @param maxAttempts how often one recipient's e-mail may fail before it is given up (the inbox keeps the notice)
 * @param retryEvery  how long after a failure the web platform tries again (a restart tries at once)
 */
@ConfigurationProperties("helix.mail")
record NoticeMailProperties(String from, String baseUrl, @DefaultValue("5") int maxAttempts, @DefaultValue("PT5M") Duration retryEvery) {

    NoticeMailProperties {
        if (from == null || from.isBlank()) {
            throw new IllegalArgumentException("helix.mail.from (the sender's address) is required when spring.mail.host is set");
        }
        try {
            new InternetAddress(from.strip(), true);
        } catch (AddressException e) {
            throw new IllegalArgumentException("helix.mail.from is not an e-mail address: " + from);
        }
        from = from.strip();
        baseUrl = baseUrl(baseUrl);
        if (maxAttempts < 1 || maxAttempts > 100) {
            throw new IllegalArgumentException("helix.mail.max-attempts is 1 to 100");
        }
        if (retryEvery == null || retryEvery.isNegative() || retryEvery.isZero()) {
            throw new IllegalArgumentException("helix.mail.retry-every is a positive duration");
        }
    }

    /** {@code https://helix.example.org/} → {@code https://helix.example.org}: an http(s) address with a host, no query. */
    private static String baseUrl(String value) {
        String message = "helix.mail.base-url (the platform's address for links, e.g. https://helix.example.org) is required "
                + "when spring.mail.host is set: ";
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(message + "it is missing");
        }
        String stripped = value.strip().replaceAll("/+$", "");
        try {
            URI uri = new URI(stripped);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getRawQuery() != null
                    || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
                throw new IllegalArgumentException(message + "not an http(s) address without query: " + value);
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(message + "not an address: " + value);
        }
        return stripped;
    }
}

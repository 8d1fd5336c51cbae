package org.triplehelix.shared;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Tells users that something happened to them or waits for them: published by any module inside
 * its writing transaction, delivered after the commit to each recipient's inbox by the
 * notification module (one row per user, persisted by the event publication registry, so a notice
 * survives a crash between commit and delivery).
 *
 * <p>Recipients are users by id and/or organizations by external id, meaning the users who act for
 * that organization (its own users and the organization administrators whose subtree holds it). The
 * actor — the user whose action this is — never gets the notice, even when they are a recipient.
 *
 * <p>The message key lives in the notification module's bundles ({@code messages/notification_*}),
 * so a publishing module does not edit its own; the arguments are bilingual {@link Text}s, so a
 * challenge's title shows in the reader's language. The link is a path inside the platform.
 *
 * @param id             unique per notice, so a delivery repeated after a restart adds nothing
 * @param actorUserId    who did it, or null for the system and the command line
 */
public record UserNotice(UUID id, Long actorUserId, List<Long> userIds, List<String> organizationExtIds, String messageKey,
                         List<Text> args, String link) {

    public UserNotice {
        id = id == null ? UUID.randomUUID() : id;
        userIds = userIds == null ? List.of() : List.copyOf(userIds);
        organizationExtIds = organizationExtIds == null ? List.of() : List.copyOf(organizationExtIds);
        args = args == null ? List.of() : List.copyOf(args);
        if (messageKey == null || !messageKey.startsWith("notification.")) {
            throw new IllegalArgumentException("a notice's message key is one of the notification module's: " + messageKey);
        }
        if (!isInternalLink(link)) {
            throw new IllegalArgumentException("a notice links to a path inside the platform: " + link);
        }
    }

    /** A notice to users by id. */
    public static UserNotice toUsers(Long actorUserId, Collection<Long> userIds, String messageKey, String link, Text... args) {
        return new UserNotice(null, actorUserId, List.copyOf(userIds), List.of(), messageKey, List.of(args), link);
    }

    /** A notice to the users of organizations, by the organizations' external ids. */
    public static UserNotice toOrganizations(Long actorUserId, Collection<String> organizationExtIds, String messageKey, String link,
                                             Text... args) {
        return new UserNotice(null, actorUserId, List.of(), List.copyOf(organizationExtIds), messageKey, List.of(args), link);
    }

    /**
     * A relative path inside the platform: one leading slash, no scheme, no host ({@code //evil.example}
     * and {@code /\evil.example} are other hosts to a browser), no control characters.
     */
    public static boolean isInternalLink(String link) {
        return link != null && link.length() <= 500 && link.startsWith("/") && !link.startsWith("//") && !link.startsWith("/\\")
                && link.chars().noneMatch(c -> c < 0x20 || c == 0x7f || c == '\\');
    }
}

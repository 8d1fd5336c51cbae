package org.triplehelix.access;

/**
 * A pending self-registration was turned down (published inside the writing transaction). The
 * registrant has no active account, so no inbox notice can reach them: the notification module
 * e-mails them instead when the platform has a mail server, and nothing else tells them.
 *
 * <p>It carries the account's id, not its address, so the event publication registry keeps no
 * e-mail address; the mailer looks it up through {@link NoticeMailAddresses#turnedDown}.
 *
 * @param userId the turned-down account (disabled, never approved)
 * @param reason why, as the administrator wrote it for the registrant; null when none was given
 */
public record RegistrationRejected(long userId, String reason) {
}

/**
 * Notifications: the signed-in user's inbox (消息中心) of what happened to them or waits for them —
 * a booking decided, a waitlist offer, an invitation to a challenge, an application's outcome,
 * practice hours decided, a technology demand that fits them.
 *
 * <p>Modules publish {@link org.triplehelix.shared.UserNotice} inside their writing transaction;
 * this module's listener ({@code @ApplicationModuleListener}: after the commit, persisted by the event
 * publication registry) resolves organizations to their users through
 * {@link org.triplehelix.access.OrganizationMembers}, drops the actor, and stores one row per
 * recipient. The message keys live in this module's bundles ({@code messages/notification_*}).
 *
 * <p>When the platform has a mail server ({@code spring.mail.host}, {@code helix.mail.*}), the stored
 * notices are also e-mailed ({@code NoticeMailer}, after the inbox rows commit) to the recipients whose
 * accounts accept it ({@link org.triplehelix.access.NoticeMailAddresses}); without one, nothing is sent.
 * A turned-down registration ({@link org.triplehelix.access.RegistrationRejected}) has no inbox to go to:
 * its registrant is e-mailed the answer and the reason directly ({@code RejectionMailer}).
 *
 * <p>Notices read more than {@code helix.notifications.keep-read} (180 days) ago are deleted once a day
 * in the web platform ({@code InboxRetention}); unread ones and those whose e-mail is still to be retried stay.
 *
 * <p>{@link org.triplehelix.notification.Notifications} is the inbox of the signed-in user only: a
 * notice of someone else's is a 404. URLs: {@code /notifications}; API
 * {@code GET /api/v1/notifications}, {@code POST /api/v1/notifications/{id}/read},
 * {@code POST /api/v1/notifications/read}.
 */
@org.springframework.modulith.ApplicationModule
package org.triplehelix.notification;

package org.triplehelix.access;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Where to e-mail users their notices (the notification module's mailer): the address of each user
 * who can be told by e-mail — an active account, not locked after failed sign-ins, and not having
 * turned the e-mail of notices off on their account page. Like {@link OrganizationMembers} it serves
 * code in the platform, never a caller over HTTP, and checks no caller's scope.
 */
@Service
public class NoticeMailAddresses {

    private final JdbcClient jdbc;

    NoticeMailAddresses(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A user to e-mail: their id, address and name. */
    public record Recipient(long userId, String email, String name) {
    }

    /** The users among these ids who receive notices by e-mail, in id order; the others are left out. */
    public List<Recipient> accepting(Collection<Long> userIds) {
        if (userIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select id, email, name from app_user
                        where id = any(:ids) and status = 'active' and notice_mail
                          and (locked_until is null or locked_until <= now())
                        order by id
                        """)
                .param("ids", userIds.toArray(Long[]::new))
                .query((rs, row) -> new Recipient(rs.getLong("id"), rs.getString("email"), rs.getString("name")))
                .list();
    }

    /**
     * The address of a turned-down registration ({@link RegistrationRejected}): an account disabled without ever
     * having been approved. Its owner has no inbox and asked for nothing but this answer, so the e-mail of notices
     * being on or off does not apply. Empty when the account is gone or has been enabled meanwhile.
     */
    public Optional<Recipient> turnedDown(long userId) {
        return jdbc.sql("select id, email, name from app_user where id = :id and status = 'disabled' and approved_at is null")
                .param("id", userId)
                .query((rs, row) -> new Recipient(rs.getLong("id"), rs.getString("email"), rs.getString("name")))
                .optional();
    }
}

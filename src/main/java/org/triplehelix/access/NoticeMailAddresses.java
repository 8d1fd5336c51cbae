package org.triplehelix.access;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
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

    /**
     * A user to e-mail: their id, address, name and the language to write in (the one they registered in), null when
     * it is not known (an account made on the command line or by an administrator, or registered before it was kept).
     */
    public record Recipient(long userId, String email, String name, Locale language) {
    }

    private static Recipient recipient(ResultSet rs) throws SQLException {
        String language = rs.getString("language");
        return new Recipient(rs.getLong("id"), rs.getString("email"), rs.getString("name"),
                language == null ? null : "en".equals(language) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE);
    }

    /** The users among these ids who receive notices by e-mail, in id order; the others are left out. */
    public List<Recipient> accepting(Collection<Long> userIds) {
        if (userIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select id, email, name, language from app_user
                        where id = any(:ids) and status = 'active' and notice_mail
                          and (locked_until is null or locked_until <= now())
                        order by id
                        """)
                .param("ids", userIds.toArray(Long[]::new))
                .query((rs, row) -> recipient(rs))
                .list();
    }

    /**
     * The address of a turned-down registration ({@link RegistrationRejected}): an account disabled without ever
     * having been approved. Its owner has no inbox and asked for nothing but this answer, so the e-mail of notices
     * being on or off does not apply. Empty when the account is gone or has been enabled meanwhile.
     */
    public Optional<Recipient> turnedDown(long userId) {
        return jdbc.sql("select id, email, name, language from app_user where id = :id and status = 'disabled' and approved_at is null")
                .param("id", userId)
                .query((rs, row) -> recipient(rs))
                .optional();
    }
}

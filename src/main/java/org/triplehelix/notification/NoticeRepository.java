package org.triplehelix.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.triplehelix.shared.Text;
import org.triplehelix.shared.UserNotice;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The {@code notification} table; every read and write is bound to one user's id. */
@Repository
class NoticeRepository {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<Text>> ARGS = new TypeReference<>() { };
    private static final String SELECT = "select id, message_key, args::text as args, link, created_at, read_at from notification";

    private final JdbcClient jdbc;

    NoticeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One row per existing user among the recipients; a notice delivered before (a republished event) adds nothing. */
    int deliver(UserNotice notice, Collection<Long> userIds) {
        return jdbc.sql("""
                        insert into notification (notice_id, user_id, message_key, args, link)
                        select :notice, u.id, :key, cast(:args as jsonb), :link from app_user u where u.id = any(:users)
                        on conflict (notice_id, user_id) do nothing
                        """)
                .param("notice", notice.id()).param("key", notice.messageKey()).param("args", JSON.writeValueAsString(notice.args()))
                .param("link", notice.link()).param("users", userIds.toArray(Long[]::new))
                .update();
    }

    /** An inbox row whose e-mail has not gone out yet. */
    record Unmailed(long id, long userId, String messageKey, List<Text> args, String link) {
    }

    /** The notice's rows not mailed yet and not given up on (fewer than {@code maxAttempts} failures), by user. */
    List<Unmailed> unmailed(UUID noticeId, int maxAttempts) {
        return jdbc.sql("""
                        select id, user_id, message_key, args::text as args, link from notification
                        where notice_id = :notice and mailed_at is null and mail_attempts < :max order by user_id
                        """)
                .param("notice", noticeId).param("max", maxAttempts)
                .query((rs, n) -> new Unmailed(rs.getLong("id"), rs.getLong("user_id"), rs.getString("message_key"),
                        JSON.readValue(rs.getString("args"), ARGS), rs.getString("link")))
                .list();
    }

    void markMailed(Collection<Long> ids) {
        jdbc.sql("update notification set mailed_at = now() where id = any(:ids)").param("ids", ids.toArray(Long[]::new)).update();
    }

    /** Counts one more failed sending of these rows; the fewest failures any of them has now. */
    int countMailFailure(Collection<Long> ids) {
        return jdbc.sql("update notification set mail_attempts = mail_attempts + 1 where id = any(:ids) returning mail_attempts")
                .param("ids", ids.toArray(Long[]::new)).query(Integer.class).list().stream().mapToInt(Integer::intValue).min().orElse(0);
    }

    /** No e-mail can ever be written for these rows (an address the mail library refuses): never tried again. */
    void giveUpMail(Collection<Long> ids, int maxAttempts) {
        jdbc.sql("update notification set mail_attempts = greatest(mail_attempts, :max) where id = any(:ids)")
                .param("max", maxAttempts).param("ids", ids.toArray(Long[]::new)).update();
    }

    /**
     * Deletes at most {@code batch} notices read more than {@code keepRead} ago (by the database's clock), except those whose
     * e-mail failed and is still to be tried again (fewer than {@code maxAttempts} failures); how many. Unread ones are never
     * deleted. The batch bounds how long one statement holds its locks.
     */
    int removeRead(Duration keepRead, int maxAttempts, int batch) {
        return jdbc.sql("""
                        delete from notification where id in (
                            select id from notification where read_at < now() - make_interval(secs => :keep)
                            and not (mailed_at is null and mail_attempts > 0 and mail_attempts < :max)
                            limit :batch)
                        """)
                .param("keep", (double) keepRead.toSeconds()).param("max", maxAttempts).param("batch", batch).update();
    }

    List<Notice> page(long userId, boolean unreadOnly, long offset, int limit) {
        return jdbc.sql(SELECT + " where user_id = :u and (not :unread or read_at is null) order by created_at desc, id desc limit :limit offset :offset")
                .param("u", userId).param("unread", unreadOnly).param("limit", limit).param("offset", offset)
                .query((rs, n) -> notice(rs)).list();
    }

    long count(long userId, boolean unreadOnly) {
        return jdbc.sql("select count(*) from notification where user_id = :u and (not :unread or read_at is null)")
                .param("u", userId).param("unread", unreadOnly).query(Long.class).single();
    }

    /** Marks the user's notice read (keeping the first reading's time); empty when the user has no such notice. */
    Optional<Notice> markRead(long id, long userId) {
        return jdbc.sql("""
                        update notification set read_at = coalesce(read_at, now()) where id = :id and user_id = :u
                        returning id, message_key, args::text as args, link, created_at, read_at
                        """)
                .param("id", id).param("u", userId).query((rs, n) -> notice(rs)).optional();
    }

    int markAllRead(long userId) {
        return jdbc.sql("update notification set read_at = now() where user_id = :u and read_at is null").param("u", userId).update();
    }

    private static Notice notice(ResultSet rs) throws SQLException {
        return new Notice(rs.getLong("id"), rs.getString("message_key"), JSON.readValue(rs.getString("args"), ARGS),
                rs.getString("link"), instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("read_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}

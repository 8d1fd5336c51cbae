package org.triplehelix.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import org.triplehelix.access.Account;
import org.triplehelix.access.Role;
import org.triplehelix.facility.FacilityFixtures;

/**
 * The inbox retention on the real database: of one user's notices, those read longer ago than the
 * limit go (in batches, here of one row, so the loop runs), while a recently read one, an unread one of
 * any age and an old read one whose e-mail is still to be retried stay. The times are set by SQL.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class InboxRetentionIntegrationTests {

    @Autowired
    ApplicationContext context;
    @Autowired
    InboxRetention retention;

    @Test
    void noticesReadLongAgoAreRemovedAndUnreadRecentOrMailPendingOnesKept() {
        FacilityFixtures fixtures = FacilityFixtures.of(context);
        Account user = fixtures.access().user(fixtures.access().organization("Retention Institute", null), Role.RESEARCHER);
        long oldRead1 = notice(fixtures, user, 200, 190, null, 0);
        long oldRead2 = notice(fixtures, user, 400, 181, 399, 0);
        long oldReadGivenUp = notice(fixtures, user, 300, 250, null, 5);
        long recentRead = notice(fixtures, user, 200, 179, null, 0);
        long oldUnread = notice(fixtures, user, 900, null, null, 0);
        long oldReadMailPending = notice(fixtures, user, 200, 190, null, 2);

        // the count it returns is not checked: the scheduled run (two minutes after the shared context started) may remove
        // some of these rows first; which rows are left is what the rule decides
        retention.removeReadOlderThan(Duration.ofDays(180), 1);

        assertThat(exists(fixtures, oldRead1)).isFalse();
        assertThat(exists(fixtures, oldRead2)).isFalse();
        assertThat(exists(fixtures, oldReadGivenUp)).as("its e-mail was given up on: nothing to wait for").isFalse();
        assertThat(exists(fixtures, recentRead)).isTrue();
        assertThat(exists(fixtures, oldUnread)).as("unread: kept whatever its age").isTrue();
        assertThat(exists(fixtures, oldReadMailPending)).as("its e-mail is still to be retried").isTrue();
        assertThat(fixtures.count("select count(*) from notification where user_id = ?", user.id())).isEqualTo(3);
    }

    /** One notice of the user's, created, read and mailed so many days ago (null: not read, not mailed). */
    private static long notice(FacilityFixtures fixtures, Account user, int createdDaysAgo, Integer readDaysAgo, Integer mailedDaysAgo,
                              int attempts) {
        return fixtures.jdbc().sql("""
                        insert into notification (notice_id, user_id, message_key, link, created_at, read_at, mailed_at, mail_attempts)
                        values (:notice, :user, 'notification.booking.approved', '/bookings/1', now() - make_interval(days => :created),
                                now() - make_interval(days => cast(:read as int)), now() - make_interval(days => cast(:mailed as int)), :attempts)
                        returning id""")
                .param("notice", UUID.randomUUID()).param("user", user.id()).param("created", createdDaysAgo).param("read", readDaysAgo)
                .param("mailed", mailedDaysAgo).param("attempts", attempts).query(Long.class).single();
    }

    private static boolean exists(FacilityFixtures fixtures, long id) {
        return fixtures.count("select count(*) from notification where id = ?", id) == 1;
    }
}

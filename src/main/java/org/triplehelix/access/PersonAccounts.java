package org.triplehelix.access;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The accounts behind registry people and behind an author's email, for telling them something
 * (the matching module's demand alerts). Like {@link OrganizationMembers} it reveals ids only, to
 * code in the platform, never to a caller over HTTP, and it checks no caller's scope: the caller is
 * a listener of the platform's own events, not a user.
 */
@Service
public class PersonAccounts {

    private final JdbcClient jdbc;

    PersonAccounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An account's id and the external id of its organization (null when it has none). */
    public record Holder(long userId, String organizationExtId) {
    }

    /**
     * The ids of the active users linked to these people ({@code app_user.person_id}, the researcher's
     * own profile), by the people's external ids, in id order; people without an account are skipped.
     */
    public List<Long> activeUserIds(Collection<String> personExtIds) {
        if (personExtIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select u.id from app_user u join person p on p.id = u.person_id
                        where p.ext_id = any(:extIds) and u.status = 'active'
                        order by u.id
                        """)
                .param("extIds", personExtIds.toArray(String[]::new))
                .query(Long.class).list();
    }

    /** The account with this email, whatever its status (empty for the command line's "cli" or an import's "import"). */
    public Optional<Holder> byEmail(String email) {
        if (email == null || email.isBlank()) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        select u.id, o.ext_id from app_user u left join organization o on o.id = u.organization_id
                        where u.email = lower(:email)
                        """)
                .param("email", email.strip())
                .query((rs, row) -> new Holder(rs.getLong(1), rs.getString(2))).optional();
    }
}

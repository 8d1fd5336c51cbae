package org.triplehelix.access;

import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The users who act for an organization, the way the challenge invitations count them: the active
 * users linked to the organization, and the active organization administrators whose subtree holds
 * it (an ORG_ADMIN of a university acts for its laboratories). For telling them something (the
 * notification module); it reveals ids only, to code in the platform, never to a caller over HTTP.
 */
@Service
public class OrganizationMembers {

    private final JdbcClient jdbc;

    OrganizationMembers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The ids of the active users acting for any of the organizations (by external id), in id order; unknown ids are skipped. */
    public List<Long> activeUserIds(Collection<String> organizationExtIds) {
        if (organizationExtIds.isEmpty()) {
            return List.of();
        }
        // up: every organization and its ancestors (UNION ends the walk even if parent links ever form a cycle)
        return jdbc.sql("""
                        with recursive up(id, target) as (
                            select o.id, o.id from organization o where o.ext_id = any(:extIds)
                            union
                            select p.parent_id, up.target from organization p join up on p.id = up.id where p.parent_id is not null
                        )
                        select u.id from app_user u
                        where u.status = 'active'
                          and (u.organization_id in (select target from up)
                               or u.organization_id in (select id from up)
                                  and exists (select 1 from user_role r where r.user_id = u.id and r.role = 'ORG_ADMIN'))
                        order by u.id
                        """)
                .param("extIds", organizationExtIds.toArray(String[]::new))
                .query(Long.class).list();
    }
}

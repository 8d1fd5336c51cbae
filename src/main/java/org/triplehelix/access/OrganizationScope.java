package org.triplehelix.access;

import java.util.List;

/**
 * A set of organizations as SQL parameters: {@code all} (no restriction) or the ids. Bind both
 * and write the condition once, with no string splicing:
 *
 * <pre>{@code
 * OrganizationScope scope = dataScope.privateReadableOrganizations();
 * jdbc.sql("select … from demand d where (:allOrgs or d.organization_id = any(:orgIds))")
 *     .param("allOrgs", scope.all())
 *     .param("orgIds", scope.ids())
 *     …
 * }</pre>
 */
public record OrganizationScope(boolean all, List<Long> organizationIds) {

    static final OrganizationScope ALL = new OrganizationScope(true, List.of());
    static final OrganizationScope NONE = new OrganizationScope(false, List.of());

    public OrganizationScope {
        organizationIds = List.copyOf(organizationIds);
    }

    /** The ids as an array, bound as a PostgreSQL {@code bigint[]} (use with {@code = any(:ids)}). */
    public Long[] ids() {
        return organizationIds.toArray(Long[]::new);
    }

    /** True when the scope holds no organization at all. */
    public boolean none() {
        return !all && organizationIds.isEmpty();
    }

    public boolean includes(Long organizationId) {
        return all || organizationId != null && organizationIds.contains(organizationId);
    }
}

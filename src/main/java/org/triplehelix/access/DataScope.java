package org.triplehelix.access;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Who the caller is and what they may see and change: the one place every module asks, in its
 * <b>service layer</b> (a page or a controller hiding a button is never the check).
 *
 * <h2>The rules</h2>
 * A user's roles combine by union: a check passes when one of the user's roles allows it on its
 * own. No role widens another's scope (an ORG_ADMIN who is also a RESEARCHER edits their
 * organization's subtree and their own profile, nothing more).
 * <table>
 * <caption>What each role may do</caption>
 * <tr><th>role</th><th>edit an organization (and its facilities)</th><th>edit a person</th>
 *     <th>edit an output</th><th>see an organization's private data</th></tr>
 * <tr><td>ADMIN</td><td>all</td><td>all</td><td>all</td><td>all</td></tr>
 * <tr><td>ORG_ADMIN</td><td>their organization's subtree</td><td>people in the subtree</td>
 *     <td>outputs with an author or an organization in the subtree</td><td>the subtree</td></tr>
 * <tr><td>RESEARCHER</td><td>–</td><td>their own profile (the person linked to the account)</td>
 *     <td>outputs they are an author of</td><td>–</td></tr>
 * <tr><td>ENTERPRISE</td><td>–</td><td>–</td><td>–</td><td>their own organization</td></tr>
 * <tr><td>REVIEWER, STUDENT</td><td>–</td><td>–</td><td>–</td><td>–</td></tr>
 * <tr><td>anonymous</td><td>–</td><td>–</td><td>–</td><td>–</td></tr>
 * </table>
 * Rights that depend on a module's own records (a reviewer's assignments, a consortium's
 * members, a demand's author) are checked by that module with {@link #currentUser()}'s id as a
 * SQL parameter, e.g. {@code where a.id = :id and exists (select 1 from review_assignment r
 * where r.application_id = a.id and r.reviewer_user_id = :userId)}.
 *
 * <p>The command line ({@code ./helix …} runs on the server, by its operator) and work the
 * platform does by itself ({@link #asSystem}) pass every check, and are audited as {@code cli}
 * or {@code system}.
 *
 * <h2>Using it in your service</h2>
 * <pre>{@code
 * @Service
 * class OrganizationService {
 *     private final DataScope scope; …
 *
 *     @Transactional
 *     Organization update(long id, OrganizationChange change) {
 *         Organization before = repository.find(id).orElseThrow(() -> new NotFoundException("organization", id));
 *         scope.requireCanEditOrganization(id);                       // 403 outside the scope
 *         Organization after = repository.update(id, change);
 *         events.publishEvent(AuditableChange.updated("organization", before.extId(), before, after));
 *         return after;
 *     }
 *
 *     Page<Demand> privateDemands(int page, int size) {                 // lists: scope as SQL parameters
 *         OrganizationScope visible = scope.privateReadableOrganizations();
 *         return jdbc.sql("… where (:allOrgs or d.organization_id = any(:orgIds)) …")
 *                 .param("allOrgs", visible.all()).param("orgIds", visible.ids()) …;
 *     }
 *
 *     Demand privateDemand(long id) {                                   // 404 where existence is confidential
 *         Demand demand = repository.find(id).orElseThrow(() -> new NotFoundException("demand", id));
 *         if (!scope.canSeeOrganizationPrivate(demand.organizationId())) {
 *             throw new NotFoundException("demand", id);
 *         }
 *         return demand;
 *     }
 * }
 * }</pre>
 * A denied check throws Spring Security's {@link AccessDeniedException}: {@code ApiErrors} turns
 * it into a 403 problem detail for the JSON API, Spring Security into a 403 page (or the sign-in
 * page for an anonymous visitor). In SQL, a subtree is also available as a function:
 * {@code organization_id in (select id from organization_subtree(:root))}.
 *
 * <p>Background work in the web application (an {@code @ApplicationModuleListener}, a loader at
 * start-up) has no user: wrap writes that check the scope in {@link #asSystem(Supplier)}.
 * {@code @PreAuthorize("hasRole('ADMIN')")} works on controllers as well (method security is on).
 */
@Service
public class DataScope {

    private final JdbcClient jdbc;
    private final boolean commandLine;

    DataScope(JdbcClient jdbc, ApplicationContext context) {
        this.jdbc = jdbc;
        this.commandLine = !(context instanceof WebApplicationContext);
    }

    // --- who is calling ---------------------------------------------------------------------

    /** The signed-in user, or empty for an anonymous visitor, the command line and the system. */
    public Optional<CurrentUser> currentUser() {
        return Optional.ofNullable(authentication())
                .filter(a -> a.getPrincipal() instanceof AccountPrincipal)
                .map(a -> ((AccountPrincipal) a.getPrincipal()).user());
    }

    /** The signed-in user; 403 for anyone else (including the command line, which is no user). */
    public CurrentUser requireSignedIn() {
        return currentUser().orElseThrow(() -> new AccessDeniedException("sign in first"));
    }

    /** True for the command line run by the server's operator and for {@link #asSystem} work. */
    public boolean isOperator() {
        Authentication authentication = authentication();
        return authentication instanceof SystemAuthentication || authentication == null && commandLine;
    }

    /**
     * The actor's name for the audit trail: the user's email; {@code cli} on the command line;
     * {@code system} for platform work; {@code anonymous} for a visitor's request (registration).
     */
    String actorName() {
        Authentication authentication = authentication();
        if (authentication != null && authentication.getPrincipal() instanceof AccountPrincipal principal) {
            return principal.user().email();
        }
        if (authentication instanceof SystemAuthentication) {
            return SystemAuthentication.NAME;
        }
        if (commandLine) {
            return "cli";
        }
        return RequestContextHolder.getRequestAttributes() != null ? "anonymous" : SystemAuthentication.NAME;
    }

    /** Runs platform work (no user) with every right, audited as {@code system}. */
    public <T> T asSystem(Supplier<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext system = SecurityContextHolder.createEmptyContext();
        system.setAuthentication(new SystemAuthentication());
        SecurityContextHolder.setContext(system);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    public void asSystem(Runnable work) {
        asSystem(() -> {
            work.run();
            return null;
        });
    }

    // --- roles ------------------------------------------------------------------------------

    /** The user holds the role itself (no implication: an ADMIN is not thereby a REVIEWER). */
    public boolean hasRole(Role role) {
        return currentUser().map(user -> user.hasRole(role)).orElse(false);
    }

    /** ADMIN, the command line or the system. */
    public boolean isAdmin() {
        return isOperator() || hasRole(Role.ADMIN);
    }

    public void requireAdmin() {
        require(isAdmin(), "only an administrator may do this");
    }

    /** Passes for an administrator or a user holding one of the roles. */
    public void requireAnyRole(Role... anyOf) {
        require(isAdmin() || currentUser().map(user -> user.hasAnyRole(anyOf)).orElse(false),
                "your roles do not allow this");
    }

    // --- organizations ----------------------------------------------------------------------

    /** ADMIN, or an ORG_ADMIN whose organization's subtree holds the organization. */
    public boolean canEditOrganization(long organizationId) {
        return isAdmin() || orgAdminRoot().map(root -> withinSubtree(organizationId, root)).orElse(false);
    }

    /** Also for creating a unit under {@code organizationId}; creating a top-level organization is {@link #requireAdmin()}. */
    public void requireCanEditOrganization(long organizationId) {
        require(canEditOrganization(organizationId), "this organization is outside your scope");
    }

    /** A facility is edited by whoever edits its organization; one without an organization by an admin. */
    public boolean canEditFacility(Long organizationId) {
        return organizationId == null ? isAdmin() : canEditOrganization(organizationId);
    }

    public void requireCanEditFacility(Long organizationId) {
        require(canEditFacility(organizationId), "this facility is outside your scope");
    }

    /** ADMIN; ORG_ADMIN when the organization is in their subtree; ENTERPRISE for their own organization. */
    public boolean canSeeOrganizationPrivate(Long organizationId) {
        return isAdmin() || privateReadableOrganizations().includes(organizationId);
    }

    public void requireCanSeeOrganizationPrivate(Long organizationId) {
        require(canSeeOrganizationPrivate(organizationId), "this organization's private data is outside your scope");
    }

    /** The organizations the caller may edit, as SQL parameters (see {@link OrganizationScope}). */
    public OrganizationScope editableOrganizations() {
        if (isAdmin()) {
            return OrganizationScope.ALL;
        }
        return orgAdminRoot().map(root -> new OrganizationScope(false, subtree(root))).orElse(OrganizationScope.NONE);
    }

    /** The organizations whose private data the caller may see, as SQL parameters. */
    public OrganizationScope privateReadableOrganizations() {
        if (isAdmin()) {
            return OrganizationScope.ALL;
        }
        Set<Long> ids = new LinkedHashSet<>(editableOrganizations().organizationIds());
        currentUser().filter(user -> user.hasRole(Role.ENTERPRISE) && user.organizationId() != null)
                .ifPresent(user -> ids.add(user.organizationId()));
        return new OrganizationScope(false, List.copyOf(ids));
    }

    /** The same as {@link #editableOrganizations()}: all for an ADMIN, the subtree for an ORG_ADMIN, else none. */
    public OrganizationScope organizationSubtree() {
        return editableOrganizations();
    }

    /** The ORG_ADMIN's subtree root as a single SQL parameter, for {@code organization_subtree(:root)}; empty otherwise. */
    public Optional<Long> organizationSubtreeRoot() {
        return orgAdminRoot();
    }

    // --- people and outputs -----------------------------------------------------------------

    /**
     * ADMIN; ORG_ADMIN when the person's organization is in their subtree; RESEARCHER for the
     * person linked to their own account.
     */
    public boolean canEditPerson(long personId, Long personOrganizationId) {
        if (isAdmin() || ownPerson(personId)) {
            return true;
        }
        return personOrganizationId != null && canEditOrganization(personOrganizationId);
    }

    public void requireCanEditPerson(long personId, Long personOrganizationId) {
        require(canEditPerson(personId, personOrganizationId), "this person is outside your scope");
    }

    /**
     * As {@link #canEditPerson(long, Long)}, for a registry that also keeps the account linked to
     * the person ({@code personUserId}, may be null): a RESEARCHER edits the person linked to them
     * either way.
     */
    public boolean canEditPerson(long personId, Long personOrganizationId, Long personUserId) {
        boolean linkedToMe = personUserId != null && currentUser()
                .filter(user -> user.hasRole(Role.RESEARCHER) && user.id() == personUserId).isPresent();
        return linkedToMe || canEditPerson(personId, personOrganizationId);
    }

    public void requireCanEditPerson(long personId, Long personOrganizationId, Long personUserId) {
        require(canEditPerson(personId, personOrganizationId, personUserId), "this person is outside your scope");
    }

    /**
     * ADMIN; ORG_ADMIN when one of the output's organizations (or its authors' organizations) is
     * in their subtree; RESEARCHER when they are one of its authors. For a new output, pass the
     * authors and organizations it will have.
     */
    public boolean canEditOutput(Collection<Long> personIds, Collection<Long> organizationIds) {
        if (isAdmin() || personIds.stream().anyMatch(this::ownPerson)) {
            return true;
        }
        OrganizationScope editable = editableOrganizations();
        return organizationIds.stream().anyMatch(editable::includes);
    }

    public void requireCanEditOutput(Collection<Long> personIds, Collection<Long> organizationIds) {
        require(canEditOutput(personIds, organizationIds), "this output is outside your scope");
    }

    // --- the user admin's own scope (used by the account pages) ------------------------------

    /** ADMIN for any user; ORG_ADMIN for users of their subtree who are not administrators. */
    boolean canManageUser(Long userOrganizationId, Set<Role> userRoles) {
        if (isAdmin()) {
            return true;
        }
        return !userRoles.contains(Role.ADMIN) && userOrganizationId != null
                && orgAdminRoot().map(root -> withinSubtree(userOrganizationId, root)).orElse(false);
    }

    // --- helpers ----------------------------------------------------------------------------

    private boolean ownPerson(long personId) {
        return currentUser().filter(user -> user.hasRole(Role.RESEARCHER))
                .map(user -> user.personId() != null && user.personId() == personId).orElse(false);
    }

    private Optional<Long> orgAdminRoot() {
        return currentUser().filter(user -> user.hasRole(Role.ORG_ADMIN)).map(CurrentUser::organizationId);
    }

    private boolean withinSubtree(long organizationId, long root) {
        return jdbc.sql("select exists (select 1 from organization_subtree(:root) s where s.id = :id)")
                .param("root", root).param("id", organizationId)
                .query(Boolean.class).single();
    }

    private List<Long> subtree(long root) {
        return jdbc.sql("select id from organization_subtree(:root) order by id")
                .param("root", root).query(Long.class).list();
    }

    private static Authentication authentication() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication instanceof AnonymousAuthenticationToken ? null : authentication;
    }

    private static void require(boolean permitted, String reason) {
        if (!permitted) {
            throw new AccessDeniedException(reason);
        }
    }
}

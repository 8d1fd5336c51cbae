package org.triplehelix.registry;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.triplehelix.access.DataScope;
import org.triplehelix.access.Role;

/**
 * Who may change the registry: the one place each write of {@link RegistryWriter} and
 * {@link RegistryImport} asks, following {@link DataScope}'s rules. A write is judged on the
 * record as stored (may the caller touch it?) and on the record as it will be (may the caller put
 * it there?): an organization admin cannot move a person or a sub-unit out of their subtree, nor
 * into someone else's. Bulk imports are for administrators and the server's operator.
 */
@Component
class WriteGuard {

    private final DataScope scope;
    private final JdbcClient jdbc;

    WriteGuard(DataScope scope, JdbcClient jdbc) {
        this.scope = scope;
        this.jdbc = jdbc;
    }

    void checkImport() {
        if (!canImport()) {
            scope.requireSignedIn();
            throw new AccessDeniedException("only administrators import files into the registry");
        }
    }

    boolean canImport() {
        return scope.isOperator() || scope.isAdmin();
    }

    /** May the caller change or delete the stored record? False for a record that does not exist. */
    boolean canEdit(RecordKind kind, String extId) {
        if (scope.isOperator()) {
            return true;
        }
        if (scope.currentUser().isEmpty()) {
            return false;
        }
        return switch (kind) {
            case ORGANIZATION -> id("organization", extId).map(scope::canEditOrganization).orElse(false);
            case PERSON -> id("person", extId).map(person -> scope.canEditPerson(person, personOrganization(person))).orElse(false);
            case OUTPUT -> id("output", extId).map(output -> scope.canEditOutput(outputPeople(output), outputOrganizations(output))).orElse(false);
            case FACILITY -> id("facility", extId).map(facility -> scope.canEditFacility(facilityOrganization(facility))).orElse(false);
        };
    }

    /**
     * May the caller create a record of this kind somewhere? Administrators anywhere, organization
     * admins in their subtree, researchers outputs they author; where it goes is checked on the write.
     */
    boolean canCreate(RecordKind kind) {
        if (scope.isAdmin()) {
            return true;
        }
        if (scope.organizationSubtreeRoot().isPresent()) {
            return true;
        }
        return kind == RecordKind.OUTPUT && scope.currentUser()
                .filter(user -> user.hasRole(Role.RESEARCHER) && user.personId() != null).isPresent();
    }

    /** Before a create or an update: the stored record (if any) and the new one must both be in scope. */
    void checkWrite(RegistryRecord record) {
        if (scope.isOperator()) {
            return;
        }
        scope.requireSignedIn();
        switch (record) {
            case OrganizationRecord organization -> checkOrganization(organization);
            case PersonRecord person -> checkPerson(person);
            case OutputRecord output -> checkOutput(output);
            case FacilityRecord facility -> checkFacility(facility);
        }
    }

    /**
     * Whether the caller may delete the record: who may edit it, except that an ORG_ADMIN does not
     * delete the organization their administration hangs from. Deleting it would cut their own
     * account, their users and their people loose from it and leave its units at the top level,
     * where only a platform administrator places organizations.
     */
    boolean canDelete(RecordKind kind, String extId) {
        return canEdit(kind, extId) && !(kind == RecordKind.ORGANIZATION && isOwnScopeRoot(extId));
    }

    /** Before a delete: the stored record must be in scope, and not the ORG_ADMIN's own root (above). */
    void checkDelete(RecordKind kind, String extId) {
        if (scope.isOperator()) {
            return;
        }
        scope.requireSignedIn();
        if (kind == RecordKind.ORGANIZATION && isOwnScopeRoot(extId)) {
            throw new AccessDeniedException("the organization your administration covers is deleted by a platform administrator only");
        }
        switch (kind) {
            case ORGANIZATION -> id("organization", extId).ifPresent(scope::requireCanEditOrganization);
            case PERSON -> id("person", extId).ifPresent(person -> scope.requireCanEditPerson(person, personOrganization(person)));
            case OUTPUT -> id("output", extId).ifPresent(output -> scope.requireCanEditOutput(outputPeople(output), outputOrganizations(output)));
            case FACILITY -> id("facility", extId).ifPresent(facility -> scope.requireCanEditFacility(facilityOrganization(facility)));
        }
    }

    /** True for an ORG_ADMIN (not an ADMIN) and the organization at the root of their subtree. */
    private boolean isOwnScopeRoot(String extId) {
        if (scope.isAdmin()) {
            return false;
        }
        Optional<Long> root = scope.organizationSubtreeRoot();
        return root.isPresent() && id("organization", extId).equals(root);
    }

    private void checkOrganization(OrganizationRecord record) {
        Optional<Long> existing = id("organization", record.id());
        existing.ifPresent(scope::requireCanEditOrganization);
        Long parent = record.parent() == null ? null : id("organization", record.parent()).orElse(null);
        Long storedParent = existing.map(this::organizationParent).orElse(null);
        if (existing.isEmpty() || !Objects.equals(parent, storedParent)) {
            // a new organization, or one moved: its new place must be the caller's to give
            if (parent == null) {
                scope.requireAdmin();
            } else {
                scope.requireCanEditOrganization(parent);
            }
        }
    }

    private void checkPerson(PersonRecord record) {
        Long organization = record.organization() == null ? null : id("organization", record.organization()).orElse(null);
        Optional<Long> existing = id("person", record.id());
        if (existing.isPresent()) {
            Long storedOrganization = personOrganization(existing.get());
            scope.requireCanEditPerson(existing.get(), storedOrganization);
            if (Objects.equals(organization, storedOrganization)) {
                return;
            }
        }
        if (organization == null) {
            scope.requireAdmin();
        } else {
            scope.requireCanEditOrganization(organization);
        }
    }

    private void checkOutput(OutputRecord record) {
        id("output", record.id()).ifPresent(output -> scope.requireCanEditOutput(outputPeople(output), outputOrganizations(output)));
        List<Long> people = ids("person", record.people());
        List<Long> organizations = new ArrayList<>(ids("organization", record.organizations()));
        organizations.addAll(organizationsOf(people)); // its authors' organizations count too
        scope.requireCanEditOutput(people, organizations);
    }

    private void checkFacility(FacilityRecord record) {
        id("facility", record.id()).ifPresent(facility -> scope.requireCanEditFacility(facilityOrganization(facility)));
        Long organization = record.organization() == null ? null : id("organization", record.organization()).orElse(null);
        scope.requireCanEditFacility(organization);
    }

    // --- lookups (table names are constants of this class, never input) ---------------------

    private Optional<Long> id(String table, String extId) {
        return jdbc.sql("select id from " + table + " where ext_id = :extId").param("extId", extId).query(Long.class).optional();
    }

    private List<Long> ids(String table, Collection<String> extIds) {
        if (extIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select id from " + table + " where ext_id = any(:extIds)")
                .param("extIds", extIds.toArray(String[]::new)).query(Long.class).list();
    }

    private List<Long> organizationsOf(List<Long> people) {
        if (people.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select distinct organization_id from person where id = any(:ids) and organization_id is not null")
                .param("ids", people.toArray(Long[]::new)).query(Long.class).list();
    }

    private Long organizationParent(long organization) {
        return jdbc.sql("select parent_id from organization where id = :id").param("id", organization)
                .query((rs, n) -> (Long) rs.getObject(1)).optional().orElse(null);
    }

    private Long personOrganization(long person) {
        return jdbc.sql("select organization_id from person where id = :id").param("id", person)
                .query((rs, n) -> (Long) rs.getObject(1)).optional().orElse(null);
    }

    private Long facilityOrganization(long facility) {
        return jdbc.sql("select organization_id from facility where id = :id").param("id", facility)
                .query((rs, n) -> (Long) rs.getObject(1)).optional().orElse(null);
    }

    private List<Long> outputPeople(long output) {
        return jdbc.sql("select person_id from output_person where output_id = :id").param("id", output).query(Long.class).list();
    }

    private List<Long> outputOrganizations(long output) {
        return new ArrayList<>(jdbc.sql("""
                select organization_id from output_organization where output_id = :id
                union select p.organization_id from output_person op join person p on p.id = op.person_id
                 where op.output_id = :id and p.organization_id is not null""")
                .param("id", output).query(Long.class).list());
    }
}

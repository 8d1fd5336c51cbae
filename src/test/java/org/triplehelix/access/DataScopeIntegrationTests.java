package org.triplehelix.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;

/**
 * The data scope as services see it (no page involved): each role's reach, their union without
 * widening, and the scope as SQL parameters.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class DataScopeIntegrationTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    DataScope scope;

    @Autowired
    AccountDetailsService accountDetails;

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    AccessFixtures fixtures;
    long university;
    long laboratory;
    long group;
    long enterprise;
    long researcherPerson;
    long colleague;

    @BeforeEach
    void organizations() {
        fixtures = AccessFixtures.of(context);
        university = fixtures.organization("University", null);
        laboratory = fixtures.organization("Laboratory", university);
        group = fixtures.organization("Group", laboratory);
        enterprise = fixtures.organization("Enterprise", null);
        researcherPerson = fixtures.person("Researcher", laboratory);
        colleague = fixtures.person("Colleague", laboratory);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void anOrganizationAdministratorEditsTheirSubtreeOnly() {
        as(fixtures.user(university, Role.ORG_ADMIN));
        assertThat(scope.canEditOrganization(university)).isTrue();
        assertThat(scope.canEditOrganization(laboratory)).isTrue();
        assertThat(scope.canEditOrganization(group)).isTrue();
        assertThat(scope.canEditOrganization(enterprise)).isFalse();
        assertThatThrownBy(() -> scope.requireCanEditOrganization(enterprise)).isInstanceOf(AccessDeniedException.class);
        assertThat(scope.canEditPerson(colleague, laboratory)).isTrue();
        assertThat(scope.canEditFacility(group)).isTrue();
        assertThat(scope.canEditFacility(null)).isFalse();
        assertThat(scope.canSeeOrganizationPrivate(group)).isTrue();
        assertThat(scope.canSeeOrganizationPrivate(enterprise)).isFalse();
        assertThat(scope.isAdmin()).isFalse();
        assertThatThrownBy(scope::requireAdmin).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aUnitsAdministratorDoesNotReachUpwards() {
        as(fixtures.user(laboratory, Role.ORG_ADMIN));
        assertThat(scope.canEditOrganization(group)).isTrue();
        assertThat(scope.canEditOrganization(university)).isFalse();
    }

    @Test
    void aResearcherEditsTheirOwnProfileAndOutputs() {
        as(fixtures.user(laboratory, researcherPerson, Role.RESEARCHER));
        assertThat(scope.canEditPerson(researcherPerson, laboratory)).isTrue();
        assertThat(scope.canEditPerson(colleague, laboratory)).isFalse();
        assertThatThrownBy(() -> scope.requireCanEditPerson(colleague, laboratory)).isInstanceOf(AccessDeniedException.class);
        assertThat(scope.canEditOutput(List.of(colleague, researcherPerson), List.of(enterprise))).isTrue();
        assertThat(scope.canEditOutput(List.of(colleague), List.of(laboratory))).isFalse();
        assertThat(scope.canEditOrganization(laboratory)).isFalse();
        assertThat(scope.canSeeOrganizationPrivate(laboratory)).isFalse();
        long me = scope.requireSignedIn().id();
        assertThat(scope.canEditPerson(colleague, laboratory, me)).as("linked to me by the registry").isTrue();
        assertThat(scope.canEditPerson(colleague, laboratory, me + 1)).isFalse();
        assertThat(scope.canEditPerson(colleague, laboratory, null)).isFalse();
    }

    @Test
    void anEnterpriseUserSeesTheirOwnOrganizationsPrivateDataOnly() {
        as(fixtures.user(enterprise, Role.ENTERPRISE));
        assertThat(scope.canSeeOrganizationPrivate(enterprise)).isTrue();
        assertThat(scope.canSeeOrganizationPrivate(university)).isFalse();
        assertThatThrownBy(() -> scope.requireCanSeeOrganizationPrivate(university)).isInstanceOf(AccessDeniedException.class);
        assertThat(scope.canEditOrganization(enterprise)).isFalse();
    }

    @Test
    void rolesCombineByUnionWithoutWidening() {
        // an enterprise user who is also a researcher: their enterprise's private data and their own
        // profile, but not the right to edit the enterprise, nor to see the laboratory's private data
        as(fixtures.user(enterprise, researcherPerson, Role.ENTERPRISE, Role.RESEARCHER));
        assertThat(scope.canSeeOrganizationPrivate(enterprise)).isTrue();
        assertThat(scope.canEditPerson(researcherPerson, laboratory)).isTrue();
        assertThat(scope.canEditOrganization(enterprise)).isFalse();
        assertThat(scope.canSeeOrganizationPrivate(laboratory)).isFalse();
        assertThat(scope.canEditPerson(colleague, laboratory)).isFalse();

        // an organization administrator who is a researcher too does not edit people elsewhere
        SecurityContextHolder.clearContext();
        as(fixtures.user(enterprise, researcherPerson, Role.ORG_ADMIN, Role.RESEARCHER));
        assertThat(scope.canEditOrganization(enterprise)).isTrue();
        assertThat(scope.canEditPerson(researcherPerson, laboratory)).isTrue();
        assertThat(scope.canEditPerson(colleague, laboratory)).isFalse();
        assertThat(scope.canEditOrganization(laboratory)).isFalse();
    }

    @Test
    void reviewersAndStudentsHaveNoOrganizationScope() {
        for (Role role : List.of(Role.REVIEWER, Role.STUDENT)) {
            as(fixtures.user(university, role));
            assertThat(scope.canEditOrganization(university)).isFalse();
            assertThat(scope.canSeeOrganizationPrivate(university)).isFalse();
            assertThat(scope.editableOrganizations().none()).isTrue();
            assertThat(scope.privateReadableOrganizations().none()).isTrue();
            SecurityContextHolder.clearContext();
        }
    }

    @Test
    void anonymousVisitorsMayNothingAndTheSystemEverything() {
        assertThat(scope.currentUser()).isEmpty();
        assertThat(scope.isOperator()).isFalse(); // a web application: no user is not the operator
        assertThat(scope.canEditOrganization(university)).isFalse();
        assertThat(scope.canSeeOrganizationPrivate(enterprise)).isFalse();
        assertThatThrownBy(scope::requireSignedIn).isInstanceOf(AccessDeniedException.class);
        assertThat(scope.asSystem(() -> scope.canEditOrganization(university) && scope.isAdmin())).isTrue();
        assertThat(scope.isAdmin()).isFalse();
    }

    @Test
    void theScopeReachesSqlAsParameters() {
        as(fixtures.user(university, Role.ORG_ADMIN));
        OrganizationScope editable = scope.editableOrganizations();
        assertThat(editable.all()).isFalse();
        assertThat(editable.organizationIds()).containsExactlyInAnyOrder(university, laboratory, group);
        assertThat(countOrganizations(editable)).isEqualTo(3);
        assertThat(jdbc.sql("select count(*) from organization where id in (select id from organization_subtree(:root))")
                .param("root", scope.organizationSubtreeRoot().orElseThrow()).query(Long.class).single()).isEqualTo(3);

        SecurityContextHolder.clearContext();
        as(fixtures.user(enterprise, Role.ENTERPRISE));
        assertThat(countOrganizations(scope.editableOrganizations())).isZero();
        assertThat(countOrganizations(scope.privateReadableOrganizations())).isEqualTo(1);

        SecurityContextHolder.clearContext();
        long all = jdbc.sql("select count(*) from organization").query(Long.class).single();
        assertThat(scope.asSystem((Supplier<Long>) () -> countOrganizations(scope.editableOrganizations()))).isEqualTo(all);
    }

    @Test
    void anOrganizationAdministratorApprovingAnotherOrganizationsUserGets403() {
        Account orgAdmin = fixtures.user(university, Role.ORG_ADMIN);
        long applicantElsewhere = fixtures.pendingUser(enterprise, Role.ENTERPRISE);
        long applicantInLaboratory = fixtures.pendingUser(laboratory, Role.RESEARCHER);

        as(orgAdmin);
        assertThatThrownBy(() -> context.getBean(UserAccounts.class).approve(applicantElsewhere)).isInstanceOf(AccessDeniedException.class);
        assertThat(context.getBean(UserAccounts.class).approve(applicantInLaboratory).status()).isEqualTo(AccountStatus.ACTIVE);
        SecurityContextHolder.clearContext();

        HelixClient.Response response = HelixClient.basic(port, orgAdmin.email(), AccessFixtures.PASSWORD)
                .json("POST", "/api/v1/users/" + applicantElsewhere + "/approve", null);
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.body()).contains("\"status\":403").doesNotContain("Exception");
        assertThat(jdbc.sql("select status from app_user where id = :id").param("id", applicantElsewhere).query(String.class).single())
                .isEqualTo("pending");
    }

    /**
     * An organization's administrator manages the users of their subtree who are not administrators: an ADMIN of the
     * department linked to one of its units is neither opened (403) nor listed, on the page's service or the API.
     */
    @Test
    void anOrganizationAdministratorDoesNotListTheDepartmentsAdministrators() {
        Account orgAdmin = fixtures.user(university, Role.ORG_ADMIN);
        Account departmentAdmin = fixtures.user(laboratory, Role.ADMIN);
        Account researcher = fixtures.user(laboratory, Role.RESEARCHER);
        UserAccounts accounts = context.getBean(UserAccounts.class);

        as(orgAdmin);
        assertThatThrownBy(() -> accounts.find(departmentAdmin.id())).isInstanceOf(AccessDeniedException.class);
        List<Long> listed = accounts.search(new AccountFilter(null, null, null), 0, 200).items().stream().map(Account::id).toList();
        assertThat(listed).contains(researcher.id(), orgAdmin.id()).doesNotContain(departmentAdmin.id());
        assertThat(accounts.search(new AccountFilter(departmentAdmin.email(), null, null), 0, 20).total()).isZero();
        SecurityContextHolder.clearContext();

        HelixClient.Response response = HelixClient.basic(port, orgAdmin.email(), AccessFixtures.PASSWORD)
                .json("GET", "/api/v1/users?role=ADMIN&size=100", null);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).doesNotContain(departmentAdmin.email());
    }

    private long countOrganizations(OrganizationScope scope) {
        return jdbc.sql("select count(*) from organization where (:allOrgs or id = any(:orgIds))")
                .param("allOrgs", scope.all()).param("orgIds", scope.ids()).query(Long.class).single();
    }

    private void as(Account account) {
        var principal = accountDetails.loadUserByUsername(account.email());
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
        SecurityContextHolder.setContext(context);
    }
}

package org.triplehelix.access;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.triplehelix.shared.AuditableChange;
import org.triplehelix.shared.ConflictException;
import org.triplehelix.shared.NotFoundException;
import org.triplehelix.shared.Page;
import org.triplehelix.shared.Text;
import org.triplehelix.shared.UserNotice;

/**
 * Accounts: created on the command line, registered by visitors and approved, disabled and
 * enabled, given roles, their passwords changed, their notices' e-mail turned off or on. Every operation checks the caller's scope
 * ({@link DataScope}) and leaves one row in the audit trail (entity kind {@code user}).
 */
@Service
public class UserAccounts {

    static final String KIND = "user";
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final int MAX_PAGE_SIZE = 100;
    /** The longest reason for turning a registration down (it goes into an e-mail, so a paragraph, not a file). */
    static final int MAX_REASON = 1000;

    private final AccountRepository accounts;
    private final PasswordEncoder passwordEncoder;
    private final DataScope scope;
    /** The notice of an approved registration; its text is in the access bundles. */
    static final String APPROVED_NOTICE = "notification.access.approved";

    private final ApplicationEventPublisher events;

    UserAccounts(AccountRepository accounts, PasswordEncoder passwordEncoder, DataScope scope, ApplicationEventPublisher events) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.scope = scope;
        this.events = events;
    }

    /** An active account, made by an administrator or on the command line. */
    @Transactional
    public Account create(NewAccount account, String password) {
        scope.requireAdmin();
        String email = email(account.email());
        String name = name(account.name());
        Set<Role> roles = roles(account.roles());
        Long organizationId = blank(account.organizationExtId()) ? null : accounts.organizationByExtId(account.organizationExtId().strip())
                .orElseThrow(() -> new AccountInputException("organization", "access.error.organizationUnknown",
                        "no organization has the id " + account.organizationExtId()));
        Long personId = blank(account.personExtId()) ? null : accounts.personByExtId(account.personExtId().strip())
                .orElseThrow(() -> new AccountInputException("person", "access.error.personUnknown",
                        "no person has the id " + account.personExtId()));
        requireOrganizationForOrgAdmin(roles, organizationId);
        PasswordPolicy.check(password, email, name);
        if (accounts.emailTaken(email)) {
            throw new ConflictException("an account with the email " + email + " exists already", "access.conflict.emailTaken", email);
        }
        long id = accounts.insert(email, name, organizationId, personId, passwordEncoder.encode(password), AccountStatus.ACTIVE, null);
        accounts.setRoles(id, roles);
        Account created = get(id);
        events.publishEvent(AuditableChange.created(KIND, String.valueOf(id), created.snapshot()));
        return created;
    }

    /**
     * A visitor's registration, held pending. An email that has an account already is answered
     * exactly like a new one (and nothing is stored), so registering reveals no accounts.
     */
    @Transactional
    public void register(Registration registration) {
        List<AccountInputException> problems = registrationProblems(registration);
        if (!problems.isEmpty()) {
            throw problems.getFirst();
        }
        String email = email(registration.email());
        String name = name(registration.name());
        Long organizationId = blank(registration.organization()) ? null
                : accounts.organizationByExtIdOrName(registration.organization().strip()).orElseThrow();
        if (accounts.emailTaken(email)) {
            return;
        }
        long id = accounts.insert(email, name, organizationId, null, passwordEncoder.encode(registration.password()), AccountStatus.PENDING,
                languageCode(registration.language()));
        accounts.setRoles(id, Set.of(registration.role()));
        events.publishEvent(new AuditableChange("register", KIND, String.valueOf(id), null, get(id).snapshot()));
    }

    /**
     * Everything {@link #register} would refuse in a registration, field by field in the form's order
     * (role, email, name, organization, password; empty when it would be taken), so that a visitor
     * hears of every field to fix at once rather than one per attempt. A taken email is not a
     * problem here either: it reveals no accounts.
     */
    public List<AccountInputException> registrationProblems(Registration registration) {
        List<AccountInputException> problems = new java.util.ArrayList<>();
        if (registration.role() == null || !registration.role().selfRegistrable()) {
            problems.add(new AccountInputException("role", "access.error.roleNotSelfRegistrable", "choose enterprise user or researcher"));
        }
        String email = checked(problems, () -> email(registration.email()));
        String name = checked(problems, () -> name(registration.name()));
        if (!blank(registration.organization()) && accounts.organizationByExtIdOrName(registration.organization().strip()).isEmpty()) {
            problems.add(new AccountInputException("organization", "access.error.organizationUnknown", "no organization has this id or name"));
        }
        checked(problems, () -> {
            PasswordPolicy.check(registration.password(), email == null ? registration.email() : email,
                    name == null ? registration.name() : name);
            return null;
        });
        return List.copyOf(problems);
    }

    /** The value of a check, or null with its refusal added to {@code problems}. */
    private static <T> T checked(List<AccountInputException> problems, java.util.function.Supplier<T> check) {
        try {
            return check.get();
        } catch (AccountInputException e) {
            problems.add(e);
            return null;
        }
    }

    /** The users the caller manages: all for an ADMIN, their organization's subtree for an ORG_ADMIN. */
    public Page<Account> search(AccountFilter filter, int page, int size) {
        scope.requireAnyRole(Role.ORG_ADMIN);
        OrganizationScope visible = scope.editableOrganizations();
        return accounts.search(filter, visible, Math.max(page, 0), Math.clamp(size, 1, MAX_PAGE_SIZE));
    }

    /**
     * How many registrations wait for the caller's approval, those they would see on the users
     * page filtered to pending: all for an ADMIN, their subtree's for an ORG_ADMIN, 0 for anyone else
     * (without a query). For the count on the users link, so that a registration does not wait unseen.
     */
    public long pendingForMyApproval() {
        if (!scope.isAdmin() && !scope.hasRole(Role.ORG_ADMIN)) {
            return 0;
        }
        OrganizationScope visible = scope.editableOrganizations();
        return visible.none() ? 0 : accounts.countPending(visible);
    }

    /** One user the caller manages (403 outside their scope). */
    public Account find(long id) {
        scope.requireAnyRole(Role.ORG_ADMIN);
        Account account = get(id);
        requireManageable(account);
        return account;
    }

    @Transactional
    public Account approve(long id) {
        Account before = manageable(id);
        if (before.status() != AccountStatus.PENDING) {
            throw new ConflictException("only a pending account can be approved", "access.conflict.approve." + before.status().code());
        }
        Long approver = scope.currentUser().map(CurrentUser::id).orElse(null);
        accounts.approve(id, approver);
        // the registrant waits to hear: a notice in their inbox, e-mailed too when the platform sends e-mail
        events.publishEvent(UserNotice.toUsers(approver, List.of(id), APPROVED_NOTICE, "/"));
        return audited("approve", before);
    }

    /**
     * Turns a pending registration down (the account is disabled, never approved), with an optional reason for
     * the registrant. They have no active account and so no inbox: {@link RegistrationRejected} lets the
     * notification module e-mail them when the platform sends e-mail. The reason is kept in the audit trail.
     */
    @Transactional
    public Account reject(long id, String reason) {
        Account before = manageable(id);
        if (before.status() != AccountStatus.PENDING) {
            throw new ConflictException("only a pending registration can be turned down", "access.conflict.reject." + before.status().code());
        }
        String why = blank(reason) ? null : reason.strip();
        if (why != null && (why.length() > MAX_REASON || why.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t'))) {
            throw new AccountInputException("reason", "access.error.reasonInvalid", "the reason is at most " + MAX_REASON + " characters of text");
        }
        accounts.setStatus(id, AccountStatus.DISABLED);
        events.publishEvent(new RegistrationRejected(id, why));
        Account after = get(id);
        Map<String, Object> recorded = after.snapshot();
        recorded.put("reason", why);
        events.publishEvent(new AuditableChange("reject", KIND, String.valueOf(id), before.snapshot(), recorded));
        return after;
    }

    /**
     * Disables an active account, or turns down a pending one ({@link #reject}, without a reason: the registrant is
     * still told, so no path turns a registration down silently).
     */
    @Transactional
    public Account disable(long id) {
        Account before = manageable(id);
        if (before.status() == AccountStatus.PENDING) {
            return reject(id, null);
        }
        if (before.status() == AccountStatus.DISABLED) {
            throw new ConflictException("the account is disabled already", "access.conflict.disable.disabled");
        }
        if (scope.currentUser().map(user -> user.id() == id).orElse(false)) {
            throw new ConflictException("you cannot disable your own account", "access.conflict.disableSelf");
        }
        requireAnotherAdmin(before, false);
        accounts.setStatus(id, AccountStatus.DISABLED);
        return audited("disable", before);
    }

    @Transactional
    public Account enable(long id) {
        Account before = manageable(id);
        if (before.status() != AccountStatus.DISABLED) {
            throw new ConflictException("only a disabled account can be enabled", "access.conflict.enable." + before.status().code());
        }
        accounts.setStatus(id, AccountStatus.ACTIVE);
        return audited("enable", before);
    }

    /** Lifts a lock after failed sign-ins before it runs out. */
    @Transactional
    public Account unlock(long id) {
        Account before = manageable(id);
        accounts.unlock(id);
        return audited("unlock", before);
    }

    /** Sets a user's roles (ADMIN only: an organization's administrator cannot hand out roles). */
    @Transactional
    public Account setRoles(long id, Set<Role> roles) {
        scope.requireAdmin();
        Account before = get(id);
        Set<Role> newRoles = roles(roles);
        requireOrganizationForOrgAdmin(newRoles, before.organizationId());
        requireAnotherAdmin(before, newRoles.contains(Role.ADMIN));
        accounts.setRoles(id, newRoles);
        return audited("update", before);
    }

    /**
     * Links a user to an organization and to their registry person (ADMIN only), each given by its external id
     * or its exact name when only one record has it (what a picker's box holds without JavaScript); blank unlinks.
     */
    @Transactional
    public Account setLinks(long id, String organizationExtId, String personExtId) {
        scope.requireAdmin();
        Account before = get(id);
        Long organizationId = blank(organizationExtId) ? null : accounts.organizationByExtIdOrName(organizationExtId.strip())
                .orElseThrow(() -> new AccountInputException("organization", "access.error.organizationUnknown",
                        "no organization has the id " + organizationExtId));
        Long personId = blank(personExtId) ? null : accounts.personByExtIdOrName(personExtId.strip())
                .orElseThrow(() -> new AccountInputException("person", "access.error.personUnknown", "no person has the id " + personExtId));
        requireOrganizationForOrgAdmin(before.roles(), organizationId);
        accounts.setLinks(id, organizationId, personId);
        return audited("update", before);
    }

    /** The signed-in user changes their own password, giving the current one. */
    @Transactional
    public void changePassword(String currentPassword, String newPassword) {
        CurrentUser user = scope.requireSignedIn();
        AccountPrincipal principal = accounts.principal(user.email()).orElseThrow(() -> new NotFoundException(KIND, user.id()));
        if (currentPassword == null || !passwordEncoder.matches(currentPassword, principal.getPassword())) {
            throw new AccountInputException("currentPassword", "access.error.currentPasswordWrong", "the current password is not right");
        }
        if (passwordEncoder.matches(newPassword, principal.getPassword())) {
            throw new AccountInputException("password", "access.error.passwordUnchanged", "choose a password different from the current one");
        }
        PasswordPolicy.check(newPassword, user.email(), user.name());
        accounts.setPasswordHash(user.id(), passwordEncoder.encode(newPassword));
        events.publishEvent(new AuditableChange("password-change", KIND, String.valueOf(user.id()),
                Map.of("password", "previous"), Map.of("password", "changed")));
    }

    /** Whether the signed-in user receives their notices by e-mail too (when the platform sends e-mail at all). */
    public boolean noticeMail() {
        CurrentUser user = scope.requireSignedIn();
        return accounts.noticeMail(user.id()).orElseThrow(() -> new NotFoundException(KIND, user.id()));
    }

    /**
     * The signed-in user turns the e-mail of their notices on or off (their inbox keeps every notice
     * either way). A change is audited; setting what is already set changes and records nothing.
     */
    @Transactional
    public boolean setNoticeMail(boolean on) {
        CurrentUser user = scope.requireSignedIn();
        boolean before = accounts.noticeMail(user.id()).orElseThrow(() -> new NotFoundException(KIND, user.id()));
        if (before != on) {
            accounts.setNoticeMail(user.id(), on);
            events.publishEvent(new AuditableChange("notice-mail", KIND, String.valueOf(user.id()),
                    Map.of("noticeMail", before), Map.of("noticeMail", on)));
        }
        return on;
    }

    /** Sets a password on the command line (a forgotten one), lifting any lock. Operator only. */
    @Transactional
    public Account resetPassword(String email, String password) {
        if (!scope.isOperator()) {
            throw new AccessDeniedException("only the server's operator resets passwords");
        }
        Account before = accounts.findByEmail(email(email)).orElseThrow(() -> new NotFoundException(KIND, email));
        PasswordPolicy.check(password, before.email(), before.name());
        accounts.setPasswordHash(before.id(), passwordEncoder.encode(password));
        accounts.unlock(before.id());
        return audited("password-reset", before);
    }

    /** The account with this email, for administrators. */
    public Optional<Account> findByEmail(String email) {
        scope.requireAdmin();
        return accounts.findByEmail(email(email));
    }

    /** Whether anyone can administer the platform yet (no account exists on a fresh install). */
    public boolean anyActiveAdmin() {
        return accounts.countActiveAdmins() > 0;
    }

    /** A registry organization's names by its external id, for a picker that shows names and carries ids. */
    public Optional<Text> organizationName(String extId) {
        return blank(extId) ? Optional.empty() : accounts.name("organization", extId.strip());
    }

    /** A registry person's names by their external id, for a picker that shows names and carries ids. */
    public Optional<Text> personName(String extId) {
        return blank(extId) ? Optional.empty() : accounts.name("person", extId.strip());
    }

    /** Organizations whose name or id matches, offered on the registration page. */
    public List<OrganizationChoice> organizationsMatching(String text) {
        return blank(text) || text.strip().length() < 2 ? List.of() : accounts.organizationsMatching(text.strip(), 15);
    }

    private Account audited(String action, Account before) {
        Account after = get(before.id());
        events.publishEvent(new AuditableChange(action, KIND, String.valueOf(before.id()), before.snapshot(), after.snapshot()));
        return after;
    }

    private Account get(long id) {
        return accounts.find(id).orElseThrow(() -> new NotFoundException(KIND, id));
    }

    private Account manageable(long id) {
        scope.requireAnyRole(Role.ORG_ADMIN);
        Account account = get(id);
        requireManageable(account);
        return account;
    }

    private void requireManageable(Account account) {
        if (!scope.canManageUser(account.organizationId(), account.roles())) {
            throw new AccessDeniedException("this user is outside your scope");
        }
    }

    /** Refuses a change that would leave the platform without an active administrator. */
    private void requireAnotherAdmin(Account before, boolean staysAdmin) {
        boolean activeAdmin = before.status() == AccountStatus.ACTIVE && before.hasRole(Role.ADMIN);
        if (activeAdmin && !staysAdmin && accounts.countActiveAdmins() <= 1) {
            throw new ConflictException("this is the last active administrator", "access.conflict.lastAdmin");
        }
    }

    private static void requireOrganizationForOrgAdmin(Set<Role> roles, Long organizationId) {
        if (roles.contains(Role.ORG_ADMIN) && organizationId == null) {
            throw new AccountInputException("organization", "access.error.orgAdminNeedsOrganization",
                    "an organization administrator needs an organization");
        }
    }

    static String email(String email) {
        String normalized = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        if (normalized.length() > 254 || !EMAIL.matcher(normalized).matches()) {
            throw new AccountInputException("email", "access.error.emailInvalid", "not a valid email address");
        }
        return normalized;
    }

    private static String name(String name) {
        String stripped = name == null ? "" : name.strip();
        if (stripped.isEmpty() || stripped.length() > 200 || stripped.chars().anyMatch(Character::isISOControl)) {
            throw new AccountInputException("name", "access.error.nameInvalid", "a name of 1 to 200 characters is needed");
        }
        return stripped;
    }

    private static Set<Role> roles(Set<Role> roles) {
        if (roles == null || roles.isEmpty()) {
            throw new AccountInputException("roles", "access.error.rolesMissing", "at least one role is needed");
        }
        return EnumSet.copyOf(roles);
    }

    /** How a language is stored for an account's e-mails ({@code zh}, {@code en}); null when it is neither or unknown. */
    static String languageCode(Locale language) {
        String code = language == null ? "" : language.getLanguage();
        return "zh".equals(code) || "en".equals(code) ? code : null;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}

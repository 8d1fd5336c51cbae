package org.triplehelix.access.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.LongFunction;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.triplehelix.access.Account;
import org.triplehelix.access.AccountFilter;
import org.triplehelix.access.AccountInputException;
import org.triplehelix.access.AccountStatus;
import org.triplehelix.access.DataScope;
import org.triplehelix.access.Role;
import org.triplehelix.access.UserAccounts;
import org.triplehelix.shared.ConflictException;
import org.triplehelix.shared.web.FormErrors;

/**
 * The users an administrator manages (all of them for an ADMIN, their organization's subtree for
 * an ORG_ADMIN): search and filter, approve registrations, disable and enable, unlock, and for
 * an ADMIN the roles and links. Scope is enforced by {@link UserAccounts}, not by these pages.
 */
@Controller
class UserAdminController {

    static final int PAGE_SIZE = 20;
    /** What the page says of a conflict that does not say itself (the service's conflicts all carry their key). */
    static final String GENERAL_CONFLICT = "access.conflict.general";

    private final UserAccounts accounts;
    private final DataScope scope;
    /** Whether the platform sends e-mail (the notification module's mailer exists exactly when a mail host is set). */
    private final boolean mails;
    private final MessageSource messages;

    UserAdminController(UserAccounts accounts, DataScope scope, MessageSource messages, @Value("${spring.mail.host:}") String mailHost) {
        this.accounts = accounts;
        this.scope = scope;
        this.messages = messages;
        this.mails = !mailHost.isBlank() && !"false".equalsIgnoreCase(mailHost.strip());
    }

    @GetMapping("/admin/users")
    String list(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "") String role,
                @RequestParam(defaultValue = "") String status, @RequestParam(required = false) String page, Model model) {
        Role roleFilter = role.isBlank() ? null : Role.of(role);
        AccountStatus statusFilter = status.isBlank() ? null : AccountStatus.of(status);
        AccountFilter filter = new AccountFilter(q, roleFilter, statusFilter);
        // the page number as every page reads it: one that is none the first page, one past the end the last
        var users = accounts.search(filter, org.triplehelix.shared.Page.number(page), PAGE_SIZE);
        if (users.pastTheEnd()) {
            users = accounts.search(filter, users.lastPage(), PAGE_SIZE);
        }
        model.addAttribute("users", users);
        model.addAttribute("q", q);
        model.addAttribute("role", role);
        model.addAttribute("status", status);
        model.addAttribute("roles", List.of(Role.values()));
        model.addAttribute("statuses", List.of(AccountStatus.values()));
        return "access/users";
    }

    @GetMapping("/admin/users/{id}")
    String show(@PathVariable long id, Model model) {
        Account user = accounts.find(id);
        model.addAttribute("user", user);
        model.addAttribute("personName", accounts.personName(user.personExtId()).orElse(null));
        model.addAttribute("roles", List.of(Role.values()));
        model.addAttribute("admin", scope.isAdmin());
        return "access/user";
    }

    /**
     * Approves a registration with one click, unlike the actions that take access away: approving only grants what the
     * registrant asked for, the button is shown on a pending account alone, and a slip is undone by disabling the account.
     */
    @PostMapping("/admin/users/{id}/approve")
    String approve(@PathVariable long id, RedirectAttributes redirect) {
        return act(id, accounts::approve, "access.users.approved", redirect);
    }

    /**
     * Turns a registration down, with an optional reason for the registrant. Done, the page says whether the registrant
     * is told by e-mail or, the platform sending none, could not be told; refused, the page again with the reason as typed.
     */
    @PostMapping("/admin/users/{id}/reject")
    String reject(@PathVariable long id, @RequestParam(defaultValue = "") String reason, @RequestParam(required = false) String confirm,
                  Model model, HttpServletResponse response, RedirectAttributes redirect) {
        model.addAttribute("typedReason", reason);
        // the answer cannot be taken back (the registrant is told, the account cannot sign in): a ticked box says it was meant
        if (!"yes".equals(confirm)) {
            return unconfirmed(id, "confirm", "access.users.rejectConfirmMissing", "tick the box to confirm turning the registration down",
                    model, response);
        }
        return change(id, "reason", userId -> accounts.reject(userId, reason),
                mails ? "access.users.rejected" : "access.users.rejectedNoMail", model, response, redirect);
    }

    /** Disables an account once a ticked box says it was meant (its user can no longer sign in); unticked, 400 and the page again. */
    @PostMapping("/admin/users/{id}/disable")
    String disable(@PathVariable long id, @RequestParam(required = false) String confirm, Model model, HttpServletResponse response,
                   RedirectAttributes redirect) {
        if (!"yes".equals(confirm)) {
            return unconfirmed(id, "disableConfirm", "access.users.disableConfirmMissing", "tick the box to confirm disabling the account",
                    model, response);
        }
        return act(id, accounts::disable, "access.users.disabled", redirect);
    }

    @PostMapping("/admin/users/{id}/enable")
    String enable(@PathVariable long id, RedirectAttributes redirect) {
        return act(id, accounts::enable, "access.users.enabled", redirect);
    }

    @PostMapping("/admin/users/{id}/unlock")
    String unlock(@PathVariable long id, RedirectAttributes redirect) {
        return act(id, accounts::unlock, "access.users.unlocked", redirect);
    }

    /**
     * Sets the roles; refused, the user's page again (400, 409) with the roles as ticked and the choice marked. Taking a
     * role away (the user loses what it let them do) needs the box below the roles ticked, as disabling does.
     */
    @PostMapping("/admin/users/{id}/roles")
    String roles(@PathVariable long id, @RequestParam(name = "role", required = false) String[] roles,
                 @RequestParam(required = false) String confirm, Locale locale, Model model, HttpServletResponse response,
                 RedirectAttributes redirect) {
        Set<Role> chosen = EnumSet.noneOf(Role.class);
        if (roles != null) {
            Arrays.stream(roles).map(Role::of).forEach(chosen::add);
        }
        model.addAttribute("typedRoles", chosen);
        // only an ADMIN sets roles: anyone else goes on to the service's refusal (403), not to the box
        List<Role> removed = scope.isAdmin() && !chosen.isEmpty()
                ? accounts.find(id).roles().stream().filter(role -> !chosen.contains(role)).sorted().toList() : List.of();
        if (!removed.isEmpty() && !"yes".equals(confirm)) {
            String names = String.join(messages.getMessage("access.users.roleSeparator", null, locale),
                    removed.stream().map(role -> messages.getMessage("access.role." + role.name(), null, locale)).toList());
            refused("rolesConfirm", new AccountInputException("rolesConfirm", "access.users.rolesConfirmMissing",
                    "tick the box to confirm taking away " + removed, names), model, response);
            return show(id, model);
        }
        return change(id, "roles", userId -> accounts.setRoles(userId, chosen), "access.users.rolesSaved", model, response, redirect);
    }

    /**
     * Sets the links, each picked by name (the box) with its id in a hidden field ({@link Picks}); refused, the user's
     * page again (400, 409) with the names as typed and the one at fault marked.
     */
    @PostMapping("/admin/users/{id}/links")
    String links(@PathVariable long id, @RequestParam(defaultValue = "") String organization,
                 @RequestParam(required = false) String organizationName, @RequestParam(defaultValue = "") String person,
                 @RequestParam(required = false) String personName, Model model, HttpServletResponse response,
                 RedirectAttributes redirect) {
        String chosenOrganization = Picks.chosen(organization, organizationName, accounts::organizationName);
        String chosenPerson = Picks.chosen(person, personName, accounts::personName);
        // a client that sends ids alone (no box) typed the ids: they come back in the boxes
        model.addAttribute("typedLinks", Map.of("organization", organization, "person", person,
                "organizationName", organizationName == null ? organization : organizationName,
                "personName", personName == null ? person : personName));
        return change(id, null, userId -> accounts.setLinks(userId, chosenOrganization, chosenPerson), "access.users.linksSaved", model,
                response, redirect);
    }

    /**
     * Runs a change of one of the page's forms. Done: back to the page with the notice. Refused: the page again with what
     * was typed, 400 with the field marked ({@code field}, else the one the refusal names) or 409; nothing is written.
     */
    private String change(long id, String field, LongFunction<Account> action, String doneKey, Model model,
                          HttpServletResponse response, RedirectAttributes redirect) {
        try {
            action.apply(id);
            redirect.addFlashAttribute("notice", doneKey);
            return "redirect:/admin/users/" + id;
        } catch (ConflictException e) {
            model.addAttribute("problemKey", e.keyOr(GENERAL_CONFLICT));
            model.addAttribute("problemArgs", e.args());
            response.setStatus(HttpServletResponse.SC_CONFLICT);
        } catch (AccountInputException e) {
            refused(field == null ? e.field() : field, e, model, response);
        }
        return show(id, model);
    }

    /** A destructive action asked for without its box ticked: 400, the page again with the box marked; nothing is written. */
    private String unconfirmed(long id, String field, String key, String message, Model model, HttpServletResponse response) {
        refused(field, new AccountInputException(field, key, message), model, response);
        return show(id, model);
    }

    /** A refused form: the problem above it, the field marked, 400. */
    private static void refused(String field, AccountInputException e, Model model, HttpServletResponse response) {
        model.addAttribute("problemKey", e.messageKey());
        model.addAttribute("problemArgs", e.args());
        model.addAttribute("errors", FormErrors.refusal(field, e));
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    }

    /**
     * Runs a button's action; a refused one (409, 400) comes back as the refusal alone on the user's page (a button has
     * no typed input to keep, so the page does not add the forms' "what you typed is still in the form").
     */
    private static String act(long id, LongFunction<Account> action, String doneKey, RedirectAttributes redirect) {
        try {
            action.apply(id);
            redirect.addFlashAttribute("notice", doneKey);
        } catch (ConflictException e) {
            redirect.addFlashAttribute("problemKey", e.keyOr(GENERAL_CONFLICT));
            redirect.addFlashAttribute("problemArgs", e.args());
        } catch (AccountInputException e) {
            redirect.addFlashAttribute("problemKey", e.messageKey());
            redirect.addFlashAttribute("problemArgs", e.args());
        }
        return "redirect:/admin/users/" + id;
    }
}

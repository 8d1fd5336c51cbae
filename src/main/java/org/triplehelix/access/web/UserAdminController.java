package org.triplehelix.access.web;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongFunction;
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

/**
 * The users an administrator manages (all of them for an ADMIN, their organization's subtree for
 * an ORG_ADMIN): search and filter, approve registrations, disable and enable, unlock, and for
 * an ADMIN the roles and links. Scope is enforced by {@link UserAccounts}, not by these pages.
 */
@Controller
class UserAdminController {

    static final int PAGE_SIZE = 20;

    private final UserAccounts accounts;
    private final DataScope scope;

    UserAdminController(UserAccounts accounts, DataScope scope) {
        this.accounts = accounts;
        this.scope = scope;
    }

    @GetMapping("/admin/users")
    String list(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "") String role,
                @RequestParam(defaultValue = "") String status, @RequestParam(defaultValue = "0") int page, Model model) {
        Role roleFilter = role.isBlank() ? null : Role.of(role);
        AccountStatus statusFilter = status.isBlank() ? null : AccountStatus.of(status);
        model.addAttribute("users", accounts.search(new AccountFilter(q, roleFilter, statusFilter), page, PAGE_SIZE));
        model.addAttribute("q", q);
        model.addAttribute("role", role);
        model.addAttribute("status", status);
        model.addAttribute("roles", List.of(Role.values()));
        model.addAttribute("statuses", List.of(AccountStatus.values()));
        return "access/users";
    }

    @GetMapping("/admin/users/{id}")
    String show(@PathVariable long id, Model model) {
        model.addAttribute("user", accounts.find(id));
        model.addAttribute("roles", List.of(Role.values()));
        model.addAttribute("admin", scope.isAdmin());
        return "access/user";
    }

    @PostMapping("/admin/users/{id}/approve")
    String approve(@PathVariable long id, RedirectAttributes redirect) {
        return act(id, accounts::approve, "access.users.approved", redirect);
    }

    @PostMapping("/admin/users/{id}/disable")
    String disable(@PathVariable long id, RedirectAttributes redirect) {
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

    @PostMapping("/admin/users/{id}/roles")
    String roles(@PathVariable long id, @RequestParam(name = "role", required = false) String[] roles, RedirectAttributes redirect) {
        Set<Role> chosen = EnumSet.noneOf(Role.class);
        if (roles != null) {
            Arrays.stream(roles).map(Role::of).forEach(chosen::add);
        }
        return act(id, userId -> accounts.setRoles(userId, chosen), "access.users.rolesSaved", redirect);
    }

    @PostMapping("/admin/users/{id}/links")
    String links(@PathVariable long id, @RequestParam(defaultValue = "") String organization,
                 @RequestParam(defaultValue = "") String person, RedirectAttributes redirect) {
        return act(id, userId -> accounts.setLinks(userId, organization, person), "access.users.linksSaved", redirect);
    }

    /** Runs an action; a refused one (409, 400) comes back as a message on the user's page. */
    private static String act(long id, LongFunction<Account> action, String doneKey, RedirectAttributes redirect) {
        try {
            action.apply(id);
            redirect.addFlashAttribute("notice", doneKey);
        } catch (ConflictException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        } catch (AccountInputException e) {
            redirect.addFlashAttribute("problemKey", e.messageKey());
        }
        return "redirect:/admin/users/" + id;
    }
}

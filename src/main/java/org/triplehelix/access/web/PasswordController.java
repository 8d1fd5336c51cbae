package org.triplehelix.access.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.triplehelix.access.AccountInputException;
import org.triplehelix.access.UserAccounts;

/** The signed-in user changes their password. */
@Controller
class PasswordController {

    private final UserAccounts accounts;

    PasswordController(UserAccounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/account/password")
    String form(@RequestParam(required = false) String changed, Model model) {
        model.addAttribute("changed", changed != null);
        model.addAttribute("error", null);
        return "access/password";
    }

    @PostMapping("/account/password")
    String change(@RequestParam(defaultValue = "") String currentPassword, @RequestParam(defaultValue = "") String password,
                  @RequestParam(defaultValue = "") String confirmation, HttpServletRequest request, Model model) {
        model.addAttribute("changed", false);
        if (!password.equals(confirmation)) {
            model.addAttribute("error", new FieldError("confirmation", "access.error.confirmationDiffers"));
            return "access/password";
        }
        try {
            accounts.changePassword(currentPassword, password);
        } catch (AccountInputException e) {
            model.addAttribute("error", new FieldError(e.field(), e.messageKey()));
            return "access/password";
        }
        request.changeSessionId();
        return "redirect:/account/password?changed";
    }
}

package org.triplehelix.access.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.triplehelix.access.AccountInputException;
import org.triplehelix.access.UserAccounts;
import org.triplehelix.shared.web.FormErrors;

/**
 * The signed-in user's own account page ({@code /account/password}): they change their password,
 * and turn the e-mail of their notices off or on.
 */
@Controller
class PasswordController {

    private final UserAccounts accounts;

    PasswordController(UserAccounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/account/password")
    String form(@RequestParam(required = false) String changed, @RequestParam(required = false) String noticeMailSaved, Model model) {
        model.addAttribute("changed", changed != null);
        model.addAttribute("noticeMailSaved", noticeMailSaved != null);
        return page(model);
    }

    @PostMapping("/account/password")
    String change(@RequestParam(defaultValue = "") String currentPassword, @RequestParam(defaultValue = "") String password,
                  @RequestParam(defaultValue = "") String confirmation, HttpServletRequest request, Model model,
                  HttpServletResponse response) {
        model.addAttribute("changed", false);
        model.addAttribute("noticeMailSaved", false);
        if (!password.equals(confirmation)) {
            return refused(model, FormErrors.of("confirmation", "access.error.confirmationDiffers"), response);
        }
        try {
            accounts.changePassword(currentPassword, password);
        } catch (AccountInputException e) {
            return refused(model, FormErrors.refusal(e.field(), e), response);
        }
        request.changeSessionId();
        return "redirect:/account/password?changed";
    }

    /** {@code noticeMail=on} turns the e-mail of notices on, anything else (an unticked box sends nothing) off. */
    @PostMapping("/account/notice-mail")
    String noticeMail(@RequestParam(required = false) String noticeMail) {
        accounts.setNoticeMail("on".equals(noticeMail));
        return "redirect:/account/password?noticeMailSaved#notice-mail";
    }

    /** The page again, 400, the field at fault marked beside its input and in the summary; the password is unchanged. */
    private String refused(Model model, FormErrors errors, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("errors", errors);
        return page(model);
    }

    private String page(Model model) {
        model.addAttribute("noticeMail", accounts.noticeMail());
        return "access/password";
    }
}

package org.triplehelix.access.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.triplehelix.access.AccountInputException;
import org.triplehelix.access.Registration;
import org.triplehelix.access.Role;
import org.triplehelix.access.UserAccounts;
import org.triplehelix.shared.Text;
import org.triplehelix.shared.web.FormErrors;

/** Self-registration of enterprise users and researchers, held until approved. */
@Controller
class RegistrationController {

    private final UserAccounts accounts;

    RegistrationController(UserAccounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/register")
    String form(Model model) {
        return show(model, RegistrationForm.EMPTY, FormErrors.none());
    }

    @PostMapping("/register")
    String register(@RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String name,
                    @RequestParam(defaultValue = "") String role, @RequestParam(defaultValue = "") String organization,
                    @RequestParam(required = false) String organizationName,
                    @RequestParam(defaultValue = "") String password, @RequestParam(defaultValue = "") String confirmation,
                    Locale locale, Model model, HttpServletResponse response) {
        RegistrationForm form = new RegistrationForm(email, name, role, organization, organizationName);
        organization = Picks.chosen(organization, organizationName, accounts::organizationName);
        Role wanted = "RESEARCHER".equals(role) ? Role.RESEARCHER : "ENTERPRISE".equals(role) ? Role.ENTERPRISE : null;
        // the page's language (?lang=, the cookie, else the browser's), for the e-mails the registrant will be sent
        Registration registration = new Registration(email, name, wanted, organization, password, locale);
        // every field at fault at once, the confirmation too
        FormErrors errors = FormErrors.none();
        for (AccountInputException problem : accounts.registrationProblems(registration)) {
            FormErrors refusal = FormErrors.refusal(problem.field(), problem);
            errors.add(problem.field(), refusal.key(problem.field()), refusal.args(problem.field()));
        }
        if (!password.equals(confirmation)) {
            errors.add("confirmation", "access.error.confirmationDiffers");
        }
        if (errors.any()) {
            return refused(model, form, errors, response);
        }
        try {
            accounts.register(registration);
        } catch (AccountInputException e) {
            return refused(model, form, FormErrors.refusal(e.field(), e), response);
        }
        return "redirect:/register/done";
    }

    @GetMapping("/register/done")
    String done() {
        return "access/registered";
    }

    /** Suggestions for the organization field (an htmx request fills its datalist). */
    @GetMapping("/register/organizations")
    String organizations(@RequestParam(defaultValue = "") String organization, @RequestParam(defaultValue = "") String organizationName,
                         Model model) {
        // htmx sends the box under its own name (organizationName); ?organization= is kept for links and older pages
        model.addAttribute("choices", accounts.organizationsMatching(organizationName.isBlank() ? organization : organizationName));
        return "access/organizationOptions";
    }

    /** The form again as typed (the passwords excepted), 400, the field at fault marked; no account is created. */
    private String refused(Model model, RegistrationForm form, FormErrors errors, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        Text picked = accounts.organizationName(form.organization()).orElse(null);
        model.addAttribute("picked", picked);
        // a client that sent the organization alone (no box) typed it there: it comes back in the box
        boolean typedAsId = form.organizationName() == null && picked == null;
        return show(model, typedAsId ? form.withOrganizationName(form.organization()) : form, errors);
    }

    private static String show(Model model, RegistrationForm form, FormErrors errors) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "access/register";
    }
}

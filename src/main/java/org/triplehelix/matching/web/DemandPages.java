package org.triplehelix.matching.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.triplehelix.matching.Demand;
import org.triplehelix.matching.DemandDraft;
import org.triplehelix.matching.DemandService;
import org.triplehelix.matching.EntityKind;
import org.triplehelix.matching.MatchRequest;
import org.triplehelix.matching.MatchResult;
import org.triplehelix.matching.MatchService;
import org.triplehelix.matching.SearchFilter;
import org.triplehelix.shared.ConflictException;
import org.triplehelix.shared.InvalidInputException;
import org.triplehelix.shared.Page;
import org.triplehelix.shared.web.FormErrors;
import org.triplehelix.shared.web.ListOrder;

/** The demand pages: list, post, show (with who could solve it), edit, close. */
@Controller
@RequestMapping("/demands")
class DemandPages {

    private final DemandService demands;
    private final MatchService matching;

    DemandPages(DemandService demands, MatchService matching) {
        this.demands = demands;
        this.matching = matching;
    }

    /**
     * The list, by status tab, words and order. An order the page does not know (an old or mistyped link) is no error
     * page that loses the words and the tab, as on the registry's lists: the list comes back (400) in the default
     * order, the sort marked with why.
     */
    @GetMapping
    String list(@RequestParam(required = false) String status, @RequestParam(defaultValue = "") String q,
                @RequestParam(required = false) String sort, @RequestParam(required = false) String page, Model model,
                HttpServletRequest request, HttpServletResponse response, java.util.Locale locale) {
        FormErrors refused = FormErrors.none();
        DemandService.Sort order = ListOrder.chosen(() -> DemandService.Sort.of(sort), DemandService.Sort.UPDATED, refused, request, response);
        boolean english = english(locale);
        Page<Demand> listed = demands.list(status, q, order, english, Page.number(page), 20);
        if (listed.pastTheEnd()) { // an old link or a typed number: the last page, not an empty table
            listed = demands.list(status, q, order, english, listed.lastPage(), 20);
        }
        // the status as its tab names it (?status=CLOSED is the closed tab, as the list it shows)
        String tab = status == null ? "" : status.strip().toLowerCase(java.util.Locale.ROOT);
        model.addAttribute("view", new DemandListView(listed, tab, q.strip(), order, refused, demands.canPost()));
        return "matching/demands";
    }

    static boolean english(java.util.Locale locale) {
        return locale != null && "en".equals(locale.getLanguage());
    }

    /**
     * The empty form (a title from "find partners" filled in). Signed out: the sign-in page first, which comes back
     * here; signed in without the right to post: the page says so, without a form whose saving would be refused.
     */
    @GetMapping("/new")
    String create(@RequestParam(required = false) String title, @RequestParam(required = false) String description,
                  Authentication viewer, Model model) {
        if (!DemandService.signedIn(viewer)) {
            throw new AccessDeniedException("sign in to post a demand");
        }
        DemandForm form = new DemandForm();
        if (title != null && !title.isBlank()) {
            if (org.triplehelix.shared.Text.containsHan(title)) {
                form.setTitleZh(title.strip());
            } else {
                form.setTitleEn(title.strip());
            }
        }
        if (description != null && !description.isBlank()) { // a text typed on "find partners" too long for a title
            if (org.triplehelix.shared.Text.containsHan(description)) {
                form.setDescriptionZh(description.strip());
            } else {
                form.setDescriptionEn(description.strip());
            }
        }
        return form(model, form, null, FormErrors.none());
    }

    @PostMapping
    String post(@ModelAttribute DemandForm form, BindingResult binding, Model model, HttpServletResponse response,
                RedirectAttributes redirect) {
        FormErrors errors = errorsOf(binding);
        DemandDraft draft = form.toDraft(errors);
        errors = withRefusals(errors, draft, true);
        if (errors.any()) {
            return refused(model, form, null, errors, HttpStatus.BAD_REQUEST, response);
        }
        try {
            String posted = demands.post(draft).extId();
            redirect.addFlashAttribute("notice", "matching.demand.notice.posted");
            return "redirect:/demands/" + posted;
        } catch (InvalidInputException e) {
            return refused(model, form, null, errorOf(e), HttpStatus.BAD_REQUEST, response);
        } catch (AccessDeniedException e) {
            if (!demands.canPost()) {
                throw e; // signed out, or no enterprise account: the sign-in page or 403
            }
            return refused(model, form, null, FormErrors.of("organization", "matching.demand.error.ownOrganization"),
                    HttpStatus.FORBIDDEN, response);
        }
    }

    @GetMapping("/{id}")
    String show(@PathVariable String id, @RequestParam(defaultValue = "person") String target, Model model) {
        Demand demand = demands.get(id);
        String shown = MatchView.PARTNERS.contains(target) ? target : "person";
        MatchResult matches = matching.match(new MatchRequest(demand.matchText(), EntityKind.of(shown), MatchPages.HITS,
                SearchFilter.NONE, false));
        model.addAttribute("view", new DemandView(demand, demands.industryOf(demand), shown, matches, demands.canChange(demand)));
        return "matching/demand";
    }

    /** The edit form, for those who may change the demand only (signed out: the sign-in page; others: 403). */
    @GetMapping("/{id}/edit")
    String edit(@PathVariable String id, Model model) {
        return form(model, DemandForm.of(demands.forEdit(id)), id, FormErrors.none());
    }

    @PostMapping("/{id}")
    String update(@PathVariable String id, @ModelAttribute DemandForm form, BindingResult binding, Model model,
                  HttpServletResponse response, RedirectAttributes redirect) {
        FormErrors errors = errorsOf(binding);
        DemandDraft draft = form.toDraft(errors);
        errors = withRefusals(errors, draft, false);
        if (errors.any()) {
            return refused(model, form, id, errors, HttpStatus.BAD_REQUEST, response);
        }
        try {
            demands.edit(id, draft);
            redirect.addFlashAttribute("notice", "matching.demand.notice.saved");
            return "redirect:/demands/" + id;
        } catch (InvalidInputException e) {
            return refused(model, form, id, errorOf(e), HttpStatus.BAD_REQUEST, response);
        } catch (ConflictException e) {
            model.addAttribute("error", "matching.demand.conflict");
            return refused(model, form, id, FormErrors.none(), HttpStatus.CONFLICT, response);
        } catch (AccessDeniedException e) {
            if (!demands.canChange(demands.get(id))) {
                throw e;
            }
            return refused(model, form, id, FormErrors.of("organization", "matching.demand.error.ownOrganization"),
                    HttpStatus.FORBIDDEN, response);
        }
    }

    /** Closes the demand; its page then says what that means (no more alerts, shown under "closed"). */
    @PostMapping("/{id}/close")
    String close(@PathVariable String id, RedirectAttributes redirect) {
        demands.close(id);
        redirect.addFlashAttribute("notice", "matching.demand.notice.closed");
        return "redirect:/demands/" + id;
    }

    @PostMapping("/{id}/reopen")
    String reopen(@PathVariable String id, RedirectAttributes redirect) {
        demands.reopen(id);
        redirect.addFlashAttribute("notice", "matching.demand.notice.reopened");
        return "redirect:/demands/" + id;
    }

    private String form(Model model, DemandForm form, String extId, FormErrors errors) {
        String error = (String) model.getAttribute("error");
        model.addAttribute("view", new DemandFormView(form, extId, error, errors, extId == null ? demands.canPost() : true));
        return "matching/demand-form";
    }

    /** The form again, as typed, with its refused fields marked and nothing written. */
    private String refused(Model model, DemandForm form, String extId, FormErrors errors, HttpStatus status,
                           HttpServletResponse response) {
        response.setStatus(status.value());
        return form(model, form, extId, errors);
    }

    /**
     * A hidden field the browser should not have changed (the version), refused by the binder: said in the
     * page's language, as any other field the binder could not read.
     */
    private static FormErrors errorsOf(BindingResult binding) {
        FormErrors errors = FormErrors.none();
        binding.getFieldErrors().forEach(e -> errors.add(e.getField(),
                "version".equals(e.getField()) ? "matching.demand.error.version" : "form.refused", String.valueOf(e.getRejectedValue())));
        return errors;
    }

    /** The inputs of the form, in their order on the page (the order its refusals are listed in). */
    private static final java.util.List<String> FIELDS = java.util.List.of("titleZh", "titleEn", "descriptionZh", "descriptionEn",
            "keywords", "organization", "industry", "region", "budgetMin", "budgetMax", "trl", "ipStance", "visibility", "parties",
            "deadline", "version");

    /**
     * The fields the browser sent that could not be read, with every rule the rest of the draft breaks: all of them
     * marked at once, in the form's order, rather than one per attempt.
     */
    private FormErrors withRefusals(FormErrors unreadable, DemandDraft draft, boolean creating) {
        FormErrors found = FormErrors.none();
        unreadable.fields().forEach(field -> found.add(field, unreadable.key(field), unreadable.args(field)));
        for (org.triplehelix.shared.InvalidInputException e : demands.refusals(draft, creating)) {
            FormErrors refusal = errorOf(e);
            refusal.fields().forEach(field -> found.add(field, refusal.key(field), refusal.args(field)));
        }
        FormErrors ordered = FormErrors.none();
        FIELDS.stream().filter(found::on).forEach(field -> ordered.add(field, found.key(field), found.args(field)));
        found.fields().stream().filter(field -> !FIELDS.contains(field)).forEach(field -> ordered.add(field, found.key(field), found.args(field)));
        return ordered;
    }

    /** The demand service's refusal as a message in the page's language, on the input it names. */
    static FormErrors errorOf(InvalidInputException e) {
        return FormErrors.refusal("title".equals(e.field()) ? "titleZh" : e.field(), e);
    }
}

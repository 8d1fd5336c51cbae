package org.triplehelix.matching.web;

import java.util.List;
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
import org.triplehelix.matching.Demand;
import org.triplehelix.matching.DemandService;
import org.triplehelix.matching.EntityKind;
import org.triplehelix.matching.MatchRequest;
import org.triplehelix.matching.MatchResult;
import org.triplehelix.matching.MatchService;
import org.triplehelix.matching.SearchFilter;
import org.triplehelix.shared.ConflictException;
import org.triplehelix.shared.InvalidInputException;

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

    @GetMapping
    String list(@RequestParam(required = false) String status, @RequestParam(defaultValue = "0") int page,
                Authentication viewer, Model model) {
        model.addAttribute("page", demands.list(status, page, 20, viewer));
        model.addAttribute("status", status == null ? "" : status);
        model.addAttribute("signedIn", DemandService.signedIn(viewer));
        return "matching/demands";
    }

    @GetMapping("/new")
    String create(@RequestParam(required = false) String title, Authentication viewer, Model model) {
        DemandForm form = new DemandForm();
        if (title != null && !title.isBlank()) {
            if (org.triplehelix.shared.Text.containsHan(title)) {
                form.setTitleZh(title.strip());
            } else {
                form.setTitleEn(title.strip());
            }
        }
        return form(model, form, null, null, viewer);
    }

    @PostMapping
    String post(@ModelAttribute DemandForm form, BindingResult binding, Authentication author, Model model) {
        if (binding.hasFieldErrors()) {
            return form(model, form, null, binding.getFieldErrors().getFirst().getField(), author);
        }
        try {
            return "redirect:/demands/" + demands.post(form.toDraft(), author).extId();
        } catch (InvalidInputException e) {
            model.addAttribute("error", e.getMessage());
            return form(model, form, null, e.field(), author);
        }
    }

    @GetMapping("/{id}")
    String show(@PathVariable String id, @RequestParam(defaultValue = "person") String target, Authentication viewer, Model model) {
        Demand demand = demands.get(id, viewer);
        String shown = MatchView.TARGETS.contains(target) ? target : "person";
        MatchResult matches = matching.match(new MatchRequest(demand.matchText(), EntityKind.of(shown), MatchPages.HITS,
                SearchFilter.NONE, false));
        boolean canEdit = DemandService.signedIn(viewer)
                && (demand.createdBy() == null || demand.createdBy().equals(viewer.getName())
                || viewer.getAuthorities().stream().anyMatch(a -> "ROLE_ADMIN".equals(a.getAuthority())));
        model.addAttribute("view", new DemandView(demand, shown, matches, canEdit));
        return "matching/demand";
    }

    @GetMapping("/{id}/edit")
    String edit(@PathVariable String id, Authentication viewer, Model model) {
        return form(model, DemandForm.of(demands.get(id, viewer)), id, null, viewer);
    }

    @PostMapping("/{id}")
    String update(@PathVariable String id, @ModelAttribute DemandForm form, BindingResult binding, Authentication author, Model model) {
        if (binding.hasFieldErrors()) {
            return form(model, form, id, binding.getFieldErrors().getFirst().getField(), author);
        }
        try {
            demands.edit(id, form.toDraft(), author);
            return "redirect:/demands/" + id;
        } catch (InvalidInputException e) {
            model.addAttribute("error", e.getMessage());
            return form(model, form, id, e.field(), author);
        } catch (ConflictException e) {
            model.addAttribute("error", "matching.demand.conflict");
            return form(model, form, id, null, author);
        }
    }

    @PostMapping("/{id}/close")
    String close(@PathVariable String id, Authentication author) {
        demands.close(id, author);
        return "redirect:/demands/" + id;
    }

    @PostMapping("/{id}/reopen")
    String reopen(@PathVariable String id, Authentication author) {
        demands.reopen(id, author);
        return "redirect:/demands/" + id;
    }

    private static String form(Model model, DemandForm form, String extId, String errorField, Authentication viewer) {
        String error = (String) model.getAttribute("error");
        model.addAttribute("view", new DemandFormView(form, extId, error, errorField, DemandService.signedIn(viewer)));
        return "matching/demand-form";
    }
}

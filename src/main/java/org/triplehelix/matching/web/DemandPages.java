package org.triplehelix.matching.web;

import java.util.List;
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
    String list(@RequestParam(required = false) String status, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("page", demands.list(status, page, 20));
        model.addAttribute("status", status == null ? "" : status);
        model.addAttribute("canPost", demands.canPost());
        return "matching/demands";
    }

    @GetMapping("/new")
    String create(@RequestParam(required = false) String title, Model model) {
        DemandForm form = new DemandForm();
        if (title != null && !title.isBlank()) {
            if (org.triplehelix.shared.Text.containsHan(title)) {
                form.setTitleZh(title.strip());
            } else {
                form.setTitleEn(title.strip());
            }
        }
        return form(model, form, null, null);
    }

    @PostMapping
    String post(@ModelAttribute DemandForm form, BindingResult binding, Model model) {
        if (binding.hasFieldErrors()) {
            return form(model, form, null, binding.getFieldErrors().getFirst().getField());
        }
        try {
            return "redirect:/demands/" + demands.post(form.toDraft()).extId();
        } catch (InvalidInputException e) {
            model.addAttribute("error", e.getMessage());
            return form(model, form, null, e.field());
        }
    }

    @GetMapping("/{id}")
    String show(@PathVariable String id, @RequestParam(defaultValue = "person") String target, Model model) {
        Demand demand = demands.get(id);
        String shown = MatchView.TARGETS.contains(target) ? target : "person";
        MatchResult matches = matching.match(new MatchRequest(demand.matchText(), EntityKind.of(shown), MatchPages.HITS,
                SearchFilter.NONE, false));
        model.addAttribute("view", new DemandView(demand, shown, matches, demands.canChange(demand)));
        return "matching/demand";
    }

    @GetMapping("/{id}/edit")
    String edit(@PathVariable String id, Model model) {
        return form(model, DemandForm.of(demands.get(id)), id, null);
    }

    @PostMapping("/{id}")
    String update(@PathVariable String id, @ModelAttribute DemandForm form, BindingResult binding, Model model) {
        if (binding.hasFieldErrors()) {
            return form(model, form, id, binding.getFieldErrors().getFirst().getField());
        }
        try {
            demands.edit(id, form.toDraft());
            return "redirect:/demands/" + id;
        } catch (InvalidInputException e) {
            model.addAttribute("error", e.getMessage());
            return form(model, form, id, e.field());
        } catch (ConflictException e) {
            model.addAttribute("error", "matching.demand.conflict");
            return form(model, form, id, null);
        }
    }

    @PostMapping("/{id}/close")
    String close(@PathVariable String id) {
        demands.close(id);
        return "redirect:/demands/" + id;
    }

    @PostMapping("/{id}/reopen")
    String reopen(@PathVariable String id) {
        demands.reopen(id);
        return "redirect:/demands/" + id;
    }

    private String form(Model model, DemandForm form, String extId, String errorField) {
        String error = (String) model.getAttribute("error");
        model.addAttribute("view", new DemandFormView(form, extId, error, errorField, extId == null ? demands.canPost() : true));
        return "matching/demand-form";
    }
}

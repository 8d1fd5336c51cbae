package org.triplehelix.registry.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.triplehelix.registry.RecordKind;
import org.triplehelix.registry.RegistryQueries;

/** Pages to create and edit outputs: {@code /outputs/new} (optionally by {@code ?person=} or of {@code ?organization=}) and {@code /outputs/{id}/edit}. */
@Controller
class OutputEditPages {

    private static final RecordKind KIND = RecordKind.OUTPUT;
    /** The form's "add" button (without JavaScript): the person or organization typed joins the lists, nothing is saved yet. */
    private static final String ADD = "add";

    private final EditFlow flow;
    private final RegistryQueries queries;

    OutputEditPages(EditFlow flow, RegistryQueries queries) {
        this.flow = flow;
        this.queries = queries;
    }

    @GetMapping("/outputs/new")
    String newForm(@RequestParam(required = false) String person, @RequestParam(required = false) String organization, Model model) {
        flow.requireCreate(KIND);
        return view(OutputEditForm.blank(person, organization), null, model);
    }

    @PostMapping("/outputs/new")
    String create(OutputEditForm form, @RequestParam(defaultValue = "save") String action, Model model,
                  HttpServletResponse response, RedirectAttributes redirect) {
        flow.requireCreate(KIND);
        if (ADD.equals(action)) {
            return view(form, null, model);
        }
        return flow.save(KIND, null, form, model, response, redirect, () -> view(form, null, model));
    }

    @GetMapping("/outputs/{id}/edit")
    String editForm(@PathVariable String id, Model model) {
        return view(OutputEditForm.of(flow.editable(KIND, id)), id, model);
    }

    @PostMapping("/outputs/{id}/edit")
    String update(@PathVariable String id, OutputEditForm form, @RequestParam(defaultValue = "save") String action, Model model,
                  HttpServletResponse response, RedirectAttributes redirect) {
        flow.editable(KIND, id);
        if (ADD.equals(action)) {
            return view(form, id, model);
        }
        return flow.save(KIND, id, form, model, response, redirect, () -> view(form, id, model));
    }

    /** The form of a new record ({@code id} null) or of the record {@code id}. */
    private String view(OutputEditForm form, String id, Model model) {
        flow.model(model, KIND, form, id);
        model.addAttribute("types", RegistryQueries.OUTPUT_TYPES);
        model.addAttribute("disciplines", queries.disciplineChoices());
        model.addAttribute("people", flow.refs("person", form.people()));
        model.addAttribute("organizations", flow.refs("organization", form.organizations()));
        return "registry/edit/output";
    }
}

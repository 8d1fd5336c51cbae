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

/** Pages to create and edit facilities and instruments: {@code /facilities/new} (optionally of {@code ?organization=}) and {@code /facilities/{id}/edit}. */
@Controller
class FacilityEditPages {

    private static final RecordKind KIND = RecordKind.FACILITY;

    private final EditFlow flow;
    private final RegistryQueries queries;

    FacilityEditPages(EditFlow flow, RegistryQueries queries) {
        this.flow = flow;
        this.queries = queries;
    }

    @GetMapping("/facilities/new")
    String newForm(@RequestParam(required = false) String organization, Model model) {
        flow.requireCreate(KIND);
        return view(FacilityEditForm.blank(organization), null, model);
    }

    @PostMapping("/facilities/new")
    String create(FacilityEditForm form, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        flow.requireCreate(KIND);
        return flow.save(KIND, null, form, model, response, redirect, () -> view(form, null, model));
    }

    @GetMapping("/facilities/{id}/edit")
    String editForm(@PathVariable String id, Model model) {
        return view(FacilityEditForm.of(flow.editable(KIND, id)), id, model);
    }

    @PostMapping("/facilities/{id}/edit")
    String update(@PathVariable String id, FacilityEditForm form, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        flow.editable(KIND, id);
        return flow.save(KIND, id, form, model, response, redirect, () -> view(form, id, model));
    }

    /** The form of a new record ({@code id} null) or of the record {@code id}. */
    private String view(FacilityEditForm form, String id, Model model) {
        flow.model(model, KIND, form, id);
        model.addAttribute("types", RegistryQueries.FACILITY_TYPES);
        model.addAttribute("regions", queries.regions());
        model.addAttribute("organization", flow.ref("organization", form.organization()).orElse(null));
        return "registry/edit/facility";
    }
}

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

/** Pages to create and edit organizations: {@code /organizations/new} (optionally under {@code ?parent=}) and {@code /organizations/{id}/edit}. */
@Controller
class OrganizationEditPages {

    private static final RecordKind KIND = RecordKind.ORGANIZATION;

    private final EditFlow flow;
    private final RegistryQueries queries;

    OrganizationEditPages(EditFlow flow, RegistryQueries queries) {
        this.flow = flow;
        this.queries = queries;
    }

    @GetMapping("/organizations/new")
    String newForm(@RequestParam(required = false) String parent, Model model) {
        flow.requireCreate(KIND);
        return view(OrganizationEditForm.blank(parent), null, model);
    }

    @PostMapping("/organizations/new")
    String create(OrganizationEditForm form, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        flow.requireCreate(KIND);
        return flow.save(KIND, null, form, model, response, redirect, () -> view(form, null, model));
    }

    @GetMapping("/organizations/{id}/edit")
    String editForm(@PathVariable String id, Model model) {
        return view(OrganizationEditForm.of(flow.editable(KIND, id)), id, model);
    }

    @PostMapping("/organizations/{id}/edit")
    String update(@PathVariable String id, OrganizationEditForm form, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        flow.editable(KIND, id);
        return flow.save(KIND, id, form, model, response, redirect, () -> view(form, id, model));
    }

    /** The form of a new record ({@code id} null) or of the record {@code id}. */
    private String view(OrganizationEditForm form, String id, Model model) {
        flow.model(model, KIND, form, id);
        model.addAttribute("types", RegistryQueries.ORGANIZATION_TYPES);
        model.addAttribute("regions", queries.regions());
        model.addAttribute("parent", flow.ref("organization", form.parent()).orElse(null));
        return "registry/edit/organization";
    }
}

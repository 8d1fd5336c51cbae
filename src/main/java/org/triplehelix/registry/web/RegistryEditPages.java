package org.triplehelix.registry.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.triplehelix.registry.RecordKind;
import org.triplehelix.registry.RegistryQueries;
import org.triplehelix.registry.SavedRecord;
import org.triplehelix.shared.NotFoundException;
import org.triplehelix.shared.web.FormErrors;

/**
 * Deleting a record in two steps, without JavaScript: {@code GET /{kind}/{id}/delete} asks for
 * confirmation and says which links the deletion cuts; the form there posts back with the version
 * it showed, so a record changed in between is shown again rather than deleted unseen.
 */
@Controller
class RegistryEditPages {

    private static final String KINDS = "{collection:organizations|persons|outputs|facilities}";

    private final EditFlow flow;
    private final RegistryQueries queries;

    RegistryEditPages(EditFlow flow, RegistryQueries queries) {
        this.flow = flow;
        this.queries = queries;
    }

    @GetMapping("/" + KINDS + "/{id}/delete")
    String confirm(@PathVariable String collection, @PathVariable String id, Locale locale, Model model) {
        RecordKind kind = kind(collection);
        return confirmation(kind, flow.deletable(kind, id), locale, model);
    }

    @PostMapping("/" + KINDS + "/{id}/delete")
    String delete(@PathVariable String collection, @PathVariable String id, @RequestParam(name = "version", required = false) String typedVersion,
                  Locale locale, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        RecordKind kind = kind(collection);
        SavedRecord saved = flow.deletable(kind, id);
        Integer version = FormErrors.none().wholeNumber("version", typedVersion);
        if (version == null) {
            // no version given, or one that is not a number (the confirmation's hidden field, edited): the confirmation
            // again, saying to confirm there; nothing deleted
            model.addAttribute("conflict", typedVersion == null || typedVersion.isBlank()
                    ? new EditConflict("registry.edit.delete.noVersion", java.util.List.of(), false)
                    : new EditConflict("registry.edit.delete.badVersion", java.util.List.of(typedVersion.strip()), false));
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return confirmation(kind, saved, locale, model);
        }
        java.util.Optional<EditConflict> conflict = flow.delete(kind, id, version, redirect);
        if (conflict.isEmpty()) {
            return "redirect:/" + kind.collection();
        }
        // changed since the confirmation was shown, or still needed by other records: the confirmation again, as it is now
        model.addAttribute("conflict", conflict.get());
        response.setStatus(HttpServletResponse.SC_CONFLICT);
        return confirmation(kind, saved, locale, model);
    }

    private String confirmation(RecordKind kind, SavedRecord saved, Locale locale, Model model) {
        String id = saved.record().id();
        model.addAttribute("kind", kind.interchangeName());
        model.addAttribute("collection", kind.collection());
        model.addAttribute("record", flow.ref(kind.interchangeName(), id).orElseThrow());
        model.addAttribute("version", saved.version());
        model.addAttribute("links", links(kind, id, ListPages.english(locale)));
        model.addAttribute("action", EditFlow.path(kind, id) + "/delete");
        model.addAttribute("cancel", EditFlow.path(kind, id));
        return "registry/edit/delete";
    }

    /** The links the deletion cuts, as message keys and counts (only those above zero). */
    private Map<String, Long> links(RecordKind kind, String id, boolean english) {
        Map<String, Long> links = new LinkedHashMap<>();
        switch (kind) {
            case ORGANIZATION -> {
                RegistryQueries.OrganizationProfile profile = queries.organization(id, english);
                links.put("registry.edit.delete.children", profile.childCount());
                links.put("registry.edit.delete.people", profile.people().total());
                links.put("registry.edit.delete.facilities", profile.facilities().total());
                links.put("registry.edit.delete.outputs", profile.outputs().total());
            }
            case PERSON -> links.put("registry.edit.delete.outputs", queries.person(id, english).outputs().total());
            default -> {
                // an output or a facility: nothing links to it
            }
        }
        links.values().removeIf(count -> count == 0);
        return links;
    }

    private static RecordKind kind(String collection) {
        return RecordKind.fromCollection(collection).orElseThrow(() -> new NotFoundException("collection", collection));
    }
}

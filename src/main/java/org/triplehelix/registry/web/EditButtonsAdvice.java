package org.triplehelix.registry.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.triplehelix.registry.RecordKind;
import org.triplehelix.registry.RegistryWriter;

/**
 * Tells the profile and list pages whether to offer "Edit", "Delete" and "New": {@code canEdit} and
 * {@code canDelete} for a profile ({@code /organizations/{id}}), {@code canCreate} for a list ({@code /organizations}).
 * {@link RegistryWriter} decides, through the data scope; the pages only show what it says, and
 * every edit page and write checks again.
 */
@ControllerAdvice(assignableTypes = {ProfilePages.class, ListPages.class})
class EditButtonsAdvice {

    private final RegistryWriter writer;

    EditButtonsAdvice(RegistryWriter writer) {
        this.writer = writer;
    }

    @ModelAttribute
    void editButtons(@PathVariable(required = false) String id, HttpServletRequest request, Model model) {
        String[] segments = request.getRequestURI().split("/");
        RecordKind kind = segments.length > 1 ? RecordKind.fromCollection(segments[1]).orElse(null) : null;
        if (kind == null) {
            return;
        }
        if (id != null) {
            boolean canEdit = writer.canEdit(kind, id);
            model.addAttribute("canEdit", canEdit);
            model.addAttribute("canDelete", canEdit && writer.canDelete(kind, id));
        } else {
            model.addAttribute("canCreate", writer.canCreate(kind));
        }
    }
}

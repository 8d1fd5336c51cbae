package org.triplehelix.registry.web;

import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;
import org.triplehelix.registry.RecordKind;
import org.triplehelix.registry.RegistryQueries;
import org.triplehelix.registry.RegistryQueries.Ref;
import org.triplehelix.registry.RegistryRecord;
import org.triplehelix.registry.RegistryWriter;
import org.triplehelix.registry.SavedRecord;
import org.triplehelix.shared.ConflictException;
import org.triplehelix.shared.InvalidInputException;
import org.triplehelix.shared.NotFoundException;
import org.triplehelix.shared.web.FormErrors;

/**
 * What the edit pages of every kind share: who may open them ({@link RegistryWriter} decides,
 * through the access module's data scope), and saving a form. A form that cannot be saved comes
 * back with the input kept: field errors with 400 (the shared {@link FormErrors}, each on the input
 * at fault, in the reader's language), an identifier taken or a record changed since the form was
 * opened with 409 (a changed record before its field errors: they are not worth fixing on a stale
 * copy). A saved form redirects to the record's page with a notice.
 */
@Component
class EditFlow {

    private final RegistryWriter writer;
    private final RegistryQueries queries;

    EditFlow(RegistryWriter writer, RegistryQueries queries) {
        this.writer = writer;
        this.queries = queries;
    }

    /** 403 (or the sign-in page) for a caller who may not create records of the kind. */
    void requireCreate(RecordKind kind) {
        if (!writer.canCreate(kind)) {
            throw new AccessDeniedException("you may not create " + kind.collection());
        }
    }

    /** The stored record for its edit or delete page: 404 when there is none, 403 outside the caller's scope. */
    SavedRecord editable(RecordKind kind, String id) {
        SavedRecord saved = writer.find(kind, id).orElseThrow(() -> new NotFoundException(kind.interchangeName(), id));
        if (!writer.canEdit(kind, id)) {
            throw new AccessDeniedException("this " + kind.interchangeName() + " is outside your scope");
        }
        return saved;
    }

    /** The stored record for its delete page: {@link #editable}, and 403 for one the caller may edit but not delete. */
    SavedRecord deletable(RecordKind kind, String id) {
        SavedRecord saved = editable(kind, id);
        if (!writer.canDelete(kind, id)) {
            throw new AccessDeniedException("you may not delete this " + kind.interchangeName());
        }
        return saved;
    }

    /**
     * The form page's common model: the form, its errors, new or not ({@code id} null), where it
     * posts to and where "cancel" goes.
     */
    void model(Model model, RecordKind kind, EditForm form, String id) {
        model.addAttribute("form", form);
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", FormErrors.none());
        }
        model.addAttribute("creating", id == null);
        model.addAttribute("action", id == null ? "/" + kind.collection() + "/new" : path(kind, id) + "/edit");
        model.addAttribute("cancel", id == null ? "/" + kind.collection() : path(kind, id));
        model.addAttribute("current", id == null ? null : path(kind, id));
    }

    /**
     * Creates ({@code id} null) or updates the record of the form. On success a redirect to its
     * page; otherwise the status set, the errors in the model and {@code view} shown again.
     */
    String save(RecordKind kind, String id, EditForm form, Model model, HttpServletResponse response,
                RedirectAttributes redirect, Supplier<String> view) {
        boolean creating = id == null;
        FormErrors errors = FormErrors.none();
        String recordId = creating ? newId(kind, form.id(), errors) : id;
        RegistryRecord record = form.toRecord(recordId, errors);
        checkLinks(form, errors);
        model.addAttribute("errors", errors);
        if (errors.any()) {
            if (!creating && form.version() != null) {
                try {
                    // a stale copy first: fixing its fields would be lost on the next save anyway
                    writer.requireVersion(kind, id, form.version());
                } catch (ConflictException e) {
                    model.addAttribute("errors", FormErrors.none());
                    model.addAttribute("conflict", EditConflict.of(e, "registry.edit.conflict.changed"));
                    response.setStatus(HttpServletResponse.SC_CONFLICT);
                    return view.get();
                }
            }
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return view.get();
        }
        try {
            SavedRecord saved = creating ? writer.create(record) : writer.update(record, versionOf(form));
            redirect.addFlashAttribute("notice", new EditNotice(creating ? "registry.edit.created" : "registry.edit.saved",
                    displayName(kind, saved.record().id())));
            return "redirect:" + path(kind, saved.record().id());
        } catch (InvalidInputException e) {
            EditForm.refuse(errors, e.field(), e);
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        } catch (ConflictException e) {
            if (creating) {
                // the identifier is taken
                errors.add("id", e.keyOr("registry.edit.error.exists"), e.key() != null ? e.args() : new Object[] {recordId});
            } else {
                model.addAttribute("conflict", EditConflict.of(e, "registry.edit.conflict.changed"));
            }
            response.setStatus(HttpServletResponse.SC_CONFLICT);
        } catch (AccessDeniedException e) {
            // the record was the caller's to edit (checked before): what is refused is where it would go
            errors.add(form.scopeField(), "registry.edit.error.scope");
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        }
        return view.get();
    }

    /** Every link to a record that does not exist, as an error on its field (the writer checks again). */
    private void checkLinks(EditForm form, FormErrors errors) {
        for (RegistryRecord.Link link : form.links()) {
            if (queries.ref(link.target().interchangeName(), link.id()).isEmpty()) {
                errors.add(link.field(), "registry.edit.error.missingLink", link.id());
            }
        }
    }

    /**
     * Deletes the record read at {@code version}: empty when deleted, else the conflict (it changed
     * since, or other records still need it) for the confirmation shown again.
     */
    Optional<EditConflict> delete(RecordKind kind, String id, Integer version, RedirectAttributes redirect) {
        String name = displayName(kind, id);
        try {
            writer.delete(kind, id, version);
        } catch (ConflictException e) {
            return Optional.of(EditConflict.of(e, "registry.edit.delete.conflict"));
        }
        redirect.addFlashAttribute("notice", new EditNotice("registry.edit.deleted", name));
        return Optional.empty();
    }

    /** The records of a picker, with their names (an id that does not exist stays, named by itself). */
    List<Ref> refs(String kind, List<String> ids) {
        return ids.stream().map(id -> queries.ref(kind, id).orElse(new Ref(kind, id, org.triplehelix.shared.Text.of(id), false))).toList();
    }

    Optional<Ref> ref(String kind, String id) {
        return id == null ? Optional.empty() : queries.ref(kind, id);
    }

    static String path(RecordKind kind, String id) {
        return "/" + kind.collection() + "/" + UriUtils.encodePathSegment(id, StandardCharsets.UTF_8);
    }

    private String displayName(RecordKind kind, String id) {
        return queries.ref(kind.interchangeName(), id)
                .map(ref -> ref.name().en() != null && ref.name().en().equals(ref.name().zh()) ? ref.name().zh() : ref.name().both())
                .orElse(id);
    }

    /** The id typed for a new record, checked, or a new one such as {@code organization-3f2a9c1d0b7e}. */
    private static String newId(RecordKind kind, String typed, FormErrors errors) {
        if (typed == null) {
            return kind.interchangeName() + "-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        }
        if (!EditForm.ID.matcher(typed).matches()) {
            errors.add("id", "registry.edit.error.id", typed);
        }
        return typed;
    }

    private static int versionOf(EditForm form) {
        if (form.version() == null) {
            throw new InvalidInputException("version", "the form has no version: open the record's edit page again",
                    "registry.edit.error.version");
        }
        return form.version();
    }
}

package org.triplehelix.registry.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.triplehelix.registry.RecordKind;
import org.triplehelix.registry.RegistryQueries;
import org.triplehelix.registry.RegistryQueries.Criteria;
import org.triplehelix.registry.RegistryWriter;

/**
 * Suggestions for the pickers of the edit forms: organizations or people whose names (Chinese or
 * English) contain what was typed, as {@code <option>}s for a {@code <datalist>} (htmx) or as
 * JSON ({@code Accept: application/json}). The text is {@code ?q=}, or, for htmx, which sends
 * the input under its own name, the parameter named by {@code ?for=}. With {@code ?editable=true}
 * only organizations the caller may edit are offered (a parent, a person's organization).
 */
@Controller
class SuggestPages {

    static final int LIMIT = 10;
    /** Looked through for editable organizations, of which the first {@value #LIMIT} are offered. */
    static final int EDITABLE_WINDOW = 40;

    private final RegistryQueries queries;
    private final RegistryWriter writer;

    SuggestPages(RegistryQueries queries, RegistryWriter writer) {
        this.queries = queries;
        this.writer = writer;
    }

    @GetMapping("/registry/suggest/{collection:organizations|persons}")
    String options(@PathVariable String collection, @RequestParam(required = false) String q,
                   @RequestParam(name = "for", required = false) String field, @RequestParam(defaultValue = "false") boolean editable,
                   Locale locale, HttpServletRequest request, Model model) {
        model.addAttribute("suggestions", suggestions(collection, text(q, field, request), editable, ListPages.english(locale)));
        return "registry/edit/options";
    }

    @GetMapping(path = "/registry/suggest/{collection:organizations|persons}", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    List<Suggestion> json(@PathVariable String collection, @RequestParam(required = false) String q,
                          @RequestParam(name = "for", required = false) String field, @RequestParam(defaultValue = "false") boolean editable,
                          Locale locale, HttpServletRequest request) {
        return suggestions(collection, text(q, field, request), editable, ListPages.english(locale));
    }

    private List<Suggestion> suggestions(String collection, String text, boolean editable, boolean english) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        if (collection.equals("persons")) {
            Criteria criteria = Criteria.all().withQ(text).withSize(LIMIT).inEnglish(english);
            return queries.persons(criteria).items().stream()
                    .map(p -> new Suggestion(p.id(), p.name(), p.organization() == null ? null : p.organization().name())).toList();
        }
        Criteria criteria = Criteria.all().withQ(text).withSize(editable ? EDITABLE_WINDOW : LIMIT).inEnglish(english);
        return queries.organizations(criteria).items().stream()
                .filter(o -> !editable || writer.canEdit(RecordKind.ORGANIZATION, o.id()))
                .limit(LIMIT)
                .map(o -> new Suggestion(o.id(), o.name(), o.parent() == null ? null : o.parent().name())).toList();
    }

    /** The name of a form's field, as {@code ?for=} names it; anything else (which the firewall refuses to look up) is no text. */
    private static final Pattern FIELD_NAME = Pattern.compile("[A-Za-z0-9_.\\[\\]-]{1,100}");

    private static String text(String q, String field, HttpServletRequest request) {
        if (q != null || field == null) {
            return q;
        }
        return FIELD_NAME.matcher(field).matches() ? request.getParameter(field) : null;
    }
}

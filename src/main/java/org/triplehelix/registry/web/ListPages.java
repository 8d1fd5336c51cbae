package org.triplehelix.registry.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.triplehelix.registry.RegistryQueries;
import org.triplehelix.registry.RegistryQueries.Criteria;
import org.triplehelix.registry.RegistryQueries.Region;
import org.triplehelix.shared.InvalidInputException;
import org.triplehelix.shared.Page;
import org.triplehelix.shared.web.FormErrors;
import org.triplehelix.shared.web.PageContext;

/**
 * The registry's lists with search, filters, sorting and pagination. A request from htmx gets
 * the result table alone (and the count, out of band); any other request the whole page, so
 * every list works without JavaScript and every URL can be bookmarked.
 */
@Controller
class ListPages {

    private final RegistryQueries queries;

    ListPages(RegistryQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/organizations")
    String organizations(ListParams params, Locale locale, @RequestHeader(value = "HX-Request", required = false) String htmx,
                         @RequestHeader(value = "HX-History-Restore-Request", required = false) String restore,
                         Model model, HttpServletRequest request, HttpServletResponse response) {
        return list("organization", queries::organizations, params, locale, fragment(htmx, restore, response), model, request, response);
    }

    @GetMapping("/persons")
    String persons(ListParams params, Locale locale, @RequestHeader(value = "HX-Request", required = false) String htmx,
                   @RequestHeader(value = "HX-History-Restore-Request", required = false) String restore,
                   Model model, HttpServletRequest request, HttpServletResponse response) {
        return list("person", queries::persons, params, locale, fragment(htmx, restore, response), model, request, response);
    }

    @GetMapping("/outputs")
    String outputs(ListParams params, Locale locale, @RequestHeader(value = "HX-Request", required = false) String htmx,
                   @RequestHeader(value = "HX-History-Restore-Request", required = false) String restore,
                   Model model, HttpServletRequest request, HttpServletResponse response) {
        return list("output", queries::outputs, params, locale, fragment(htmx, restore, response), model, request, response);
    }

    @GetMapping("/facilities")
    String facilities(ListParams params, Locale locale, @RequestHeader(value = "HX-Request", required = false) String htmx,
                      @RequestHeader(value = "HX-History-Restore-Request", required = false) String restore,
                      Model model, HttpServletRequest request, HttpServletResponse response) {
        return list("facility", queries::facilities, params, locale, fragment(htmx, restore, response), model, request, response);
    }

    /**
     * One list. A filter that cannot be used is not an error page that loses the others: the list comes
     * back (400) with the form as typed, the field marked with why, and the results of the filters that
     * can be used, said so above them. A page past the end shows the last page.
     */
    private String list(String kind, Function<Criteria, Page<?>> query, ListParams params, Locale locale, boolean fragment,
                        Model model, HttpServletRequest request, HttpServletResponse response) {
        FormErrors refused = FormErrors.none();
        Criteria criteria = params.pageCriteria(english(locale), refused);
        Page<?> results = null;
        for (int attempt = 0; results == null; attempt++) {
            try {
                results = query.apply(criteria);
            } catch (InvalidInputException e) {
                if (attempt > 2) {
                    throw e;
                }
                criteria = without(criteria, e);
                refused.add(e.field(), e.key() == null ? "form.refused" : e.key(), e.key() == null ? new Object[] {e.getMessage()} : e.args());
            }
        }
        if (results.pastTheEnd()) {
            results = query.apply(criteria.withPage(results.lastPage()));
        }
        if (refused.any()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            PageContext.leaveOutOfLinks(request, leftOut(refused)); // the pager keeps the filters and order shown, not those refused
            if (fragment) {
                // the marks go beside the form's fields, outside the results htmx swaps: the whole page, loaded again
                response.setHeader("HX-Redirect", request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString()));
                return null;
            }
        }
        model.addAttribute("results", results);
        model.addAttribute("refused", refused);
        model.addAttribute("typed", params.typed());
        return view(kind, criteria, fragment, model);
    }

    /**
     * The parameters a list refused and lists without: the fields refused, and a first year after the last one (the
     * last is marked, both are left out: {@link ListParams#pageCriteria}).
     */
    private static List<String> leftOut(FormErrors refused) {
        List<String> leftOut = new java.util.ArrayList<>(refused.fields());
        if ("registry.list.error.years".equals(refused.key("yearTo"))) {
            leftOut.add("yearFrom");
        }
        return leftOut;
    }

    /** The criteria without the filter a query refused (its type or its sort), else the refusal itself. */
    private static Criteria without(Criteria criteria, InvalidInputException refusal) {
        return switch (refusal.field()) {
            case "type" -> criteria.withType(null);
            case "sort" -> criteria.withSort(null);
            default -> throw refusal;
        };
    }

    /** The results alone for htmx, else the page with its filter choices. */
    private String view(String kind, Criteria criteria, boolean fragment, Model model) {
        model.addAttribute("criteria", criteria);
        if (fragment) {
            model.addAttribute("fragment", true);
            return "registry/" + kind + "Results";
        }
        model.addAttribute("regions", regionChoices(criteria.region()));
        model.addAttribute("disciplines", kind.equals("person") || kind.equals("output") ? queries.disciplineChoices() : List.of());
        model.addAttribute("scope", scope(criteria));
        return "registry/" + kind + "List";
    }

    /** Provinces and prefectures (districts only when one is the current filter). */
    private List<Region> regionChoices(String selected) {
        return queries.regions().stream()
                .filter(r -> !r.level().equals("district") || r.code().equals(selected))
                .toList();
    }

    /** The record a list is narrowed to (an organization's people, a person's outputs, a parent's children). */
    private RegistryQueries.Ref scope(Criteria criteria) {
        if (criteria.person() != null) {
            return queries.ref("person", criteria.person()).orElse(null);
        }
        if (criteria.organization() != null) {
            return queries.ref("organization", criteria.organization()).orElse(null);
        }
        return criteria.parent() == null ? null : queries.ref("organization", criteria.parent()).orElse(null);
    }

    private static boolean fragment(String htmx, String restore, HttpServletResponse response) {
        response.addHeader(HttpHeaders.VARY, "HX-Request");
        return "true".equals(htmx) && !"true".equals(restore);
    }

    static boolean english(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage());
    }
}

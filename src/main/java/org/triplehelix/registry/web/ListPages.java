package org.triplehelix.registry.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.triplehelix.registry.RegistryQueries;
import org.triplehelix.registry.RegistryQueries.Criteria;
import org.triplehelix.registry.RegistryQueries.Region;

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
                         Model model, HttpServletResponse response) {
        Criteria criteria = params.criteria(english(locale));
        model.addAttribute("results", queries.organizations(criteria));
        return view("organization", criteria, fragment(htmx, restore, response), model);
    }

    @GetMapping("/persons")
    String persons(ListParams params, Locale locale, @RequestHeader(value = "HX-Request", required = false) String htmx,
                   @RequestHeader(value = "HX-History-Restore-Request", required = false) String restore,
                   Model model, HttpServletResponse response) {
        Criteria criteria = params.criteria(english(locale));
        model.addAttribute("results", queries.persons(criteria));
        return view("person", criteria, fragment(htmx, restore, response), model);
    }

    @GetMapping("/outputs")
    String outputs(ListParams params, Locale locale, @RequestHeader(value = "HX-Request", required = false) String htmx,
                   @RequestHeader(value = "HX-History-Restore-Request", required = false) String restore,
                   Model model, HttpServletResponse response) {
        Criteria criteria = params.criteria(english(locale));
        model.addAttribute("results", queries.outputs(criteria));
        return view("output", criteria, fragment(htmx, restore, response), model);
    }

    @GetMapping("/facilities")
    String facilities(ListParams params, Locale locale, @RequestHeader(value = "HX-Request", required = false) String htmx,
                      @RequestHeader(value = "HX-History-Restore-Request", required = false) String restore,
                      Model model, HttpServletResponse response) {
        Criteria criteria = params.criteria(english(locale));
        model.addAttribute("results", queries.facilities(criteria));
        return view("facility", criteria, fragment(htmx, restore, response), model);
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

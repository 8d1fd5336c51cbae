package org.triplehelix.registry.web;

import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.triplehelix.registry.RegistryQueries;

/** A page for every organization, person, output and facility, by external id, with its links. */
@Controller
class ProfilePages {

    private final RegistryQueries queries;

    ProfilePages(RegistryQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/organizations/{id}")
    String organization(@PathVariable String id, Locale locale, Model model) {
        model.addAttribute("profile", queries.organization(id, ListPages.english(locale)));
        return "registry/organization";
    }

    @GetMapping("/persons/{id}")
    String person(@PathVariable String id, Locale locale, Model model) {
        model.addAttribute("profile", queries.person(id, ListPages.english(locale)));
        return "registry/person";
    }

    @GetMapping("/outputs/{id}")
    String output(@PathVariable String id, Model model) {
        model.addAttribute("profile", queries.output(id));
        return "registry/output";
    }

    @GetMapping("/facilities/{id}")
    String facility(@PathVariable String id, Model model) {
        model.addAttribute("profile", queries.facility(id));
        return "registry/facility";
    }
}

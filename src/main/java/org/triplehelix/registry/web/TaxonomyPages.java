package org.triplehelix.registry.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.triplehelix.registry.RegistryQueries;

/** The industries (traditional, emerging, future) and the key core technologies. */
@Controller
class TaxonomyPages {

    private final RegistryQueries queries;

    TaxonomyPages(RegistryQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/industries")
    String industries(Model model) {
        model.addAttribute("groups", queries.industries());
        return "registry/industries";
    }

    @GetMapping("/technologies")
    String technologies(@RequestParam(required = false) String industry, Model model) {
        model.addAttribute("industry", industry == null || industry.isBlank() ? null : industry.strip());
        model.addAttribute("industries", queries.industries());
        model.addAttribute("technologies", queries.technologies(industry));
        return "registry/technologies";
    }
}

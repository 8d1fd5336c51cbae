package org.triplehelix.registry.web;

import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.triplehelix.registry.RegistryQueries;
import org.triplehelix.registry.RegistryQueries.Criteria;
import org.triplehelix.registry.RegistryQueries.Stats;

/**
 * The home page: the innovation base in numbers, the way the province reports it, each number a
 * link to the list it counts; and the search across every kind of record.
 */
@Controller
class HomePage {

    static final String ALL_REGIONS = "all";
    static final int SEARCH_PREVIEW = 5;

    private final RegistryQueries queries;
    private final String homeRegion;

    HomePage(RegistryQueries queries, @Value("${helix.home-region:420000}") String homeRegion) {
        this.queries = queries;
        this.homeRegion = homeRegion;
    }

    @GetMapping("/")
    String home(@RequestParam(required = false) String region, Model model) {
        model.addAttribute("stats", stats(region));
        model.addAttribute("homeRegion", queries.region(homeRegion).orElse(null));
        return "registry/home";
    }

    /** The region asked for; by default the home region, unless the registry has nothing there yet. */
    private Stats stats(String region) {
        if (ALL_REGIONS.equals(region)) {
            return queries.stats(null);
        }
        if (region != null && !region.isBlank()) {
            return queries.stats(region);
        }
        if (queries.region(homeRegion).isEmpty()) {
            return queries.stats(null);
        }
        Stats home = queries.stats(homeRegion);
        boolean empty = home.organizations().values().stream().allMatch(n -> n == 0) && home.persons() == 0;
        return empty ? queries.stats(null) : home;
    }

    @GetMapping("/search")
    String search(@RequestParam(required = false) String q, Locale locale, Model model) {
        Criteria criteria = Criteria.all().withQ(q).withSize(SEARCH_PREVIEW).inEnglish(ListPages.english(locale));
        model.addAttribute("criteria", criteria);
        if (criteria.q() != null) {
            model.addAttribute("organizations", queries.organizations(criteria));
            model.addAttribute("persons", queries.persons(criteria));
            model.addAttribute("outputs", queries.outputs(criteria));
            model.addAttribute("facilities", queries.facilities(criteria));
        }
        return "registry/search";
    }
}

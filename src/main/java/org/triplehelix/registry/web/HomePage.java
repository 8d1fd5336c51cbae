package org.triplehelix.registry.web;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.triplehelix.registry.RecordKind;
import org.triplehelix.registry.RecordSearch;
import org.triplehelix.registry.RegistryQueries;
import org.triplehelix.shared.Page;
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
    private final ObjectProvider<RecordSearch> engine;

    HomePage(RegistryQueries queries, @Value("${helix.home-region:420000}") String homeRegion, ObjectProvider<RecordSearch> engine) {
        this.queries = queries;
        this.homeRegion = homeRegion;
        this.engine = engine;
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
            model.addAttribute("organizations", ranked(RecordKind.ORGANIZATION, criteria, queries::organizations));
            model.addAttribute("persons", ranked(RecordKind.PERSON, criteria, queries::persons));
            model.addAttribute("outputs", ranked(RecordKind.OUTPUT, criteria, queries::outputs));
            model.addAttribute("facilities", ranked(RecordKind.FACILITY, criteria, queries::facilities));
        }
        return "registry/search";
    }

    /**
     * The first records of a kind as the search engine ranks them (names and texts, Chinese and
     * English analyzed), and how many records contain the words (the list the "all" link opens);
     * the registry's own word search alone while no engine can answer.
     */
    private <T> Page<T> ranked(RecordKind kind, Criteria criteria, Function<Criteria, Page<T>> query) {
        RecordSearch search = engine.getIfAvailable();
        Optional<List<String>> best = search == null ? Optional.empty() : search.rank(kind, criteria.q(), SEARCH_PREVIEW);
        if (best.isEmpty() || best.get().isEmpty()) {
            return query.apply(criteria);
        }
        List<T> items = query.apply(criteria.withRanked(best.get())).items();
        return new Page<>(items, 0, SEARCH_PREVIEW, Math.max(queries.total(kind, criteria), items.size()));
    }
}

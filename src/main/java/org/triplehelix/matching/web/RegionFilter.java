package org.triplehelix.matching.web;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.triplehelix.registry.RegistryQueries;
import org.triplehelix.registry.RegistryQueries.Region;

/**
 * The region filter of "find partners". The index keeps a registry record's region as its GB/T 2260 code
 * (a code covers its prefectures and districts) but a demand's as it was typed, a district's name ("洪山区"),
 * so a region picked (a code) or typed ("武汉", "武汉市", "Wuhan") is searched as itself, its code and its names
 * and those of the regions within it, as the registry's lists do; one not in the region table as typed.
 */
@Component
class RegionFilter {

    private static final List<String> SUFFIXES = List.of("省", "市", "区", "县");

    private final RegistryQueries queries;

    RegionFilter(RegistryQueries queries) {
        this.queries = queries;
    }

    /** What the filter offers: provinces and prefectures (a district only when it is the one picked). */
    List<Region> choices(String selected) {
        String picked = selected == null ? null : selected.strip();
        return queries.regions().stream().filter(r -> !r.level().equals("district") || r.code().equals(picked)).toList();
    }

    /** The values a region filter takes in: none for a blank one. */
    Set<String> scope(String region) {
        if (region == null || region.isBlank()) {
            return Set.of();
        }
        String given = region.strip();
        List<Region> all = queries.regions();
        Set<String> values = new LinkedHashSet<>();
        values.add(given);
        Deque<Region> within = new ArrayDeque<>(all.stream().filter(r -> names(r, given)).toList());
        Set<String> seen = new LinkedHashSet<>();
        while (!within.isEmpty()) {
            Region r = within.pop();
            if (!seen.add(r.code())) {
                continue;
            }
            values.add(r.code());
            values.add(r.name().zh());
            if (r.name().en() != null && !r.name().en().isBlank()) {
                values.add(r.name().en());
            }
            all.stream().filter(child -> r.code().equals(child.parentCode())).forEach(within::push);
        }
        values.remove(null);
        return values;
    }

    private static boolean names(Region r, String given) {
        String zh = r.name().zh();
        return r.code().equals(given) || given.equals(zh) || (zh != null && SUFFIXES.stream().anyMatch(s -> zh.equals(given + s)))
                || (r.name().en() != null && r.name().en().toLowerCase(Locale.ROOT).equals(given.toLowerCase(Locale.ROOT)));
    }
}

package org.triplehelix.matching.web;

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
        return TaxonomyScope.of(given, queries.regions(), r -> names(r, given), Region::code, Region::parentCode,
                r -> java.util.stream.Stream.of(r.name().zh(), r.name().en()));
    }

    private static boolean names(Region r, String given) {
        String zh = r.name().zh();
        return r.code().equals(given) || given.equals(zh) || (zh != null && SUFFIXES.stream().anyMatch(s -> zh.equals(given + s)))
                || (r.name().en() != null && r.name().en().toLowerCase(Locale.ROOT).equals(given.toLowerCase(Locale.ROOT)));
    }
}

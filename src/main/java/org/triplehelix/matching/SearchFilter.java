package org.triplehelix.matching;

import java.util.Set;

/**
 * Restrictions on what a search may return: types (an output's type, an organization's type, a
 * facility's type), tiers (the type of the organization behind a hit), regions (a region as given
 * or a GB/T 2260 code: a province code such as 420000 covers its prefectures and districts),
 * disciplines, a range of years, statuses (of demands) and ids to leave out. Empty sets and nulls
 * restrict nothing.
 */
public record SearchFilter(Set<String> types, Set<String> tiers, Set<String> regions, Set<String> disciplines,
                           Integer yearFrom, Integer yearTo, Set<String> statuses, Set<String> excludeIds) {

    public static final SearchFilter NONE = new SearchFilter(null, null, null, null, null, null, null, null);

    public SearchFilter {
        types = copy(types);
        tiers = copy(tiers);
        regions = copy(regions);
        disciplines = copy(disciplines);
        statuses = copy(statuses);
        excludeIds = copy(excludeIds);
    }

    public boolean isEmpty() {
        return types.isEmpty() && tiers.isEmpty() && regions.isEmpty() && disciplines.isEmpty() && yearFrom == null
                && yearTo == null && statuses.isEmpty() && excludeIds.isEmpty();
    }

    /**
     * For a person or an organization, what applies to the outputs behind it: their types,
     * disciplines and years.
     */
    public SearchFilter forEvidence() {
        return new SearchFilter(types, null, null, disciplines, yearFrom, yearTo, null, null);
    }

    /** For a person or an organization, what applies to it: tiers, regions, exclusions. */
    public SearchFilter forEntity() {
        return new SearchFilter(null, tiers, regions, null, null, null, statuses, excludeIds);
    }

    public SearchFilter withStatuses(Set<String> values) {
        return new SearchFilter(types, tiers, regions, disciplines, yearFrom, yearTo, values, excludeIds);
    }

    public SearchFilter withExcluded(Set<String> ids) {
        return new SearchFilter(types, tiers, regions, disciplines, yearFrom, yearTo, statuses, ids);
    }

    private static Set<String> copy(Set<String> values) {
        return values == null ? Set.of() : Set.copyOf(values.stream().filter(v -> v != null && !v.isBlank()).map(String::strip).toList());
    }
}

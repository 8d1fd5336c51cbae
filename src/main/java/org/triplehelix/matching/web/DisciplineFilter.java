package org.triplehelix.matching.web;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.triplehelix.registry.RegistryQueries;
import org.triplehelix.registry.RegistryQueries.Discipline;

/**
 * The discipline filter of "find partners". The index keeps an output's discipline as its record gives it, most often
 * the taxonomy's Chinese name (材料科学与工程), so a discipline typed in English, picked by its code, or a broader one
 * (工学) is searched as itself, its code and its names and those of the disciplines within it, as the registry's lists
 * do; one not in the taxonomy as typed. The box suggests the taxonomy's names in the page's language.
 */
@Component
class DisciplineFilter {

    private final RegistryQueries queries;

    DisciplineFilter(RegistryQueries queries) {
        this.queries = queries;
    }

    /** The disciplines the box suggests. */
    List<Discipline> choices() {
        return queries.disciplineChoices();
    }

    /** The values a discipline filter takes in: none for a blank one. */
    Set<String> scope(String discipline) {
        if (discipline == null || discipline.isBlank()) {
            return Set.of();
        }
        String given = discipline.strip();
        return TaxonomyScope.of(given, queries.disciplines(), d -> names(d, given), Discipline::code, Discipline::parentCode,
                d -> java.util.stream.Stream.of(d.name().zh(), d.name().en()));
    }

    private static boolean names(Discipline d, String given) {
        return d.code().equals(given) || given.equals(d.name().zh())
                || (d.name().en() != null && d.name().en().toLowerCase(Locale.ROOT).equals(given.toLowerCase(Locale.ROOT)));
    }
}

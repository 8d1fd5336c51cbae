package org.triplehelix.matching.web;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
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
        List<Discipline> all = queries.disciplines();
        Set<String> values = new LinkedHashSet<>();
        values.add(given);
        Deque<Discipline> within = new ArrayDeque<>(all.stream().filter(d -> names(d, given)).toList());
        Set<String> seen = new LinkedHashSet<>();
        while (!within.isEmpty()) {
            Discipline d = within.pop();
            if (!seen.add(d.code())) {
                continue;
            }
            values.add(d.code());
            values.add(d.name().zh());
            values.add(d.name().en());
            all.stream().filter(child -> d.code().equals(child.parentCode())).forEach(within::push);
        }
        values.remove(null);
        values.remove("");
        return values;
    }

    private static boolean names(Discipline d, String given) {
        return d.code().equals(given) || given.equals(d.name().zh())
                || (d.name().en() != null && d.name().en().toLowerCase(Locale.ROOT).equals(given.toLowerCase(Locale.ROOT)));
    }
}

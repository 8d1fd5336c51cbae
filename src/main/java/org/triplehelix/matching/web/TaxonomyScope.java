package org.triplehelix.matching.web;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * What a filter of a tree of codes takes in (regions, disciplines): the value as given, and for every entry that
 * {@code named} picks, its code and its names and those of every entry below it. The index keeps such a field as its
 * record gave it — a code, or a name in either language — so a filter must search all of them.
 */
final class TaxonomyScope {

    private TaxonomyScope() {
    }

    static <T> Set<String> of(String given, List<T> all, Predicate<T> named, Function<T, String> code,
                              Function<T, String> parentCode, Function<T, java.util.stream.Stream<String>> names) {
        Set<String> values = new LinkedHashSet<>();
        values.add(given);
        Deque<T> within = new ArrayDeque<>(all.stream().filter(named).toList());
        Set<String> seen = new LinkedHashSet<>();
        while (!within.isEmpty()) {
            T entry = within.pop();
            String own = code.apply(entry);
            if (!seen.add(own)) {
                continue;
            }
            values.add(own);
            names.apply(entry).forEach(values::add);
            all.stream().filter(child -> own.equals(parentCode.apply(child))).forEach(within::push);
        }
        values.remove(null);
        values.remove("");
        return values;
    }
}

package org.triplehelix.shared;

/**
 * A count with its English noun, singular for one: {@code 1 warning}, {@code 2 warnings}. For the
 * command line's summaries and messages; the web pages count through their message bundles.
 */
public final class Counts {

    private Counts() {
    }

    /** {@code count} and its noun: {@code of(1, "record")} is {@code 1 record}, {@code of(0, "record")} {@code 0 records}. */
    public static String of(long count, String singular) {
        return count + " " + noun(count, singular);
    }

    /** {@code count} and its noun, of a noun whose plural is not made with an s: {@code of(2, "match", "matches")}. */
    public static String of(long count, String singular, String plural) {
        return count + " " + (count == 1 ? singular : plural);
    }

    /** The noun alone for {@code count}: {@code singular} for one, else with an s (the nouns counted here take one). */
    public static String noun(long count, String singular) {
        return count == 1 ? singular : singular + "s";
    }
}

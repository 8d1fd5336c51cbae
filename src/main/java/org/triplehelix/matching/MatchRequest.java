package org.triplehelix.matching;

/**
 * A match: the demand's text (Chinese, English or both), what to find, how many, within which limits,
 * and whether to spread the hits across organizations (no organization crowding out the others).
 */
public record MatchRequest(String text, EntityKind target, int k, SearchFilter filter, boolean spread) {

    public static final int MAX_K = 1000;
    /** The longest text a match takes. */
    public static final int MAX_TEXT = 10_000;

    public MatchRequest {
        if (text == null || text.isBlank()) {
            throw new org.triplehelix.shared.InvalidInputException("text", "say what you are looking for", "matching.error.text");
        }
        if (text.length() > MAX_TEXT) {
            throw new org.triplehelix.shared.InvalidInputException("text", "at most 10,000 characters", "matching.error.textLong", MAX_TEXT);
        }
        if (target == null) {
            throw new org.triplehelix.shared.InvalidInputException("target", "person, organization, output, facility or demand",
                    "matching.error.target");
        }
        if (k < 1 || k > MAX_K) {
            throw new org.triplehelix.shared.InvalidInputException("k", "k is 1 to " + MAX_K, "matching.error.k", MAX_K);
        }
        text = text.strip();
        filter = filter == null ? SearchFilter.NONE : filter;
    }

    public static MatchRequest of(String text, EntityKind target, int k) {
        return new MatchRequest(text, target, k, SearchFilter.NONE, false);
    }
}

package org.triplehelix.shared.web;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import org.triplehelix.shared.InvalidInputException;

/**
 * The {@code page} and {@code size} query parameters of every JSON list, taken as a
 * {@code @ParameterObject}: a page number below 0, a size outside 1 to the list's largest or a value
 * that is not a whole number is refused as bad input naming the parameter and the range it must lie
 * in (400), the way the registry's lists answer, never quietly changed to another page. The numbers
 * arrive as text so that a malformed one is refused with the same words as one out of range.
 *
 * <p>The pages (typed addresses) stay forgiving: they read the page number with
 * {@link org.triplehelix.shared.Page#number(String)} and do not use this.
 */
public record Paging(
        @Parameter(description = "Page number, from 0", schema = @Schema(type = "integer", minimum = "0", defaultValue = "0"))
        String page,
        @Parameter(description = "Page size, from 1; 20 unless given and at most 100 (the audit log and an indicator's "
                + "records: 50, at most 200)", schema = @Schema(type = "integer", minimum = "1"))
        String size) {

    /** The size of a page when the request does not give one, for most lists. */
    public static final int DEFAULT_SIZE = 20;
    /** The largest size a request may ask for, for most lists. */
    public static final int LARGEST_SIZE = 100;

    /** The page number: 0 when not given. */
    public int number() {
        return parse("page", page, 0, 0, Integer.MAX_VALUE);
    }

    /** The page size: 20 when not given, refused outside 1 to 100. */
    public int pageSize() {
        return pageSize(DEFAULT_SIZE, LARGEST_SIZE);
    }

    /** The page size: {@code fallback} when not given, refused outside 1 to {@code largest}. */
    public int pageSize(int fallback, int largest) {
        return parse("size", size, fallback, 1, largest);
    }

    private static int parse(String name, String typed, int fallback, int least, int most) {
        if (typed == null || typed.isBlank()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(typed.strip());
            if (value >= least && value <= most) {
                return value;
            }
        } catch (NumberFormatException e) {
            // refused below, with the same words as a number out of range
        }
        throw new InvalidInputException(name, name + " must be a whole number between " + least + " and " + most);
    }
}

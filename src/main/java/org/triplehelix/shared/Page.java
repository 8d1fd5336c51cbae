package org.triplehelix.shared;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list: the items, the page number (from 0), the page size and the total count.
 *
 * <p>The pages' lists (not the API, whose clients page until the items run out) read the page number
 * from the address with {@link #number(String)} and show the {@link #lastPage()} instead of a page
 * {@link #pastTheEnd()}, so that an old link or a typed number never shows an empty table whose
 * "previous" points past the end too.
 */
public record Page<T>(List<T> items, int page, int size, long total) {

    /**
     * A page number as the address gives it, for a page (not the API): a whole number from 0; anything
     * else (missing, negative, not a number) is the first page.
     */
    public static int number(String typed) {
        if (typed == null || typed.isBlank()) {
            return 0;
        }
        try {
            return Math.max(Integer.parseInt(typed.strip()), 0);
        } catch (NumberFormatException e) {
            return typed.strip().matches("\\d+") ? Integer.MAX_VALUE : 0; // digits beyond an int: past any end
        }
    }

    /** The number of the last page (from 0); 0 for an empty list. */
    public int lastPage() {
        return Math.max(pages() - 1, 0);
    }

    /** Whether this page lies after the last one (an empty list has its page 0 only). */
    public boolean pastTheEnd() {
        return page > lastPage();
    }

    public int pages() {
        return size == 0 ? 0 : (int) ((total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return page + 1 < pages();
    }

    public <R> Page<R> map(Function<T, R> mapping) {
        return new Page<>(items.stream().map(mapping).toList(), page, size, total);
    }
}

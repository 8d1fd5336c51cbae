package org.triplehelix.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.function.Supplier;
import org.triplehelix.shared.InvalidInputException;

/**
 * The order a list page was asked for ({@code ?sort=}). One it does not know (an old or mistyped link) is no error page
 * that loses the words and filters: the list comes back (400) in the default order, the sort marked with why, and the
 * page's links (its pager) carry the order shown rather than the one refused.
 */
public final class ListOrder {

    private ListOrder() {
    }

    /**
     * The order {@code parse} reads from the request, or {@code fallback} when it refuses it: then the refusal is recorded
     * on {@code sort} in {@code refused}, the answer is 400 and {@code sort} is left out of the page's links.
     */
    public static <T> T chosen(Supplier<T> parse, T fallback, FormErrors refused, HttpServletRequest request,
                               HttpServletResponse response) {
        try {
            return parse.get();
        } catch (InvalidInputException e) {
            refused.addRefusal("sort", e);
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            PageContext.leaveOutOfLinks(request, List.of("sort"));
            return fallback;
        }
    }
}

package org.triplehelix.matching;

import java.net.URI;
import java.util.Arrays;
import java.util.List;

/**
 * The nodes of {@code --search-url}: one or more http(s) URLs separated by commas, without a user
 * or password (process lists and logs show a command line). Read by the search cluster's client,
 * and by the command line before anything starts, so that a mistyped URL is one line at once, not a
 * failed start after the embedded database was created.
 */
public final class SearchUrls {

    private SearchUrls() {
    }

    /** The nodes, each ending in a slash; an IllegalArgumentException that says what is wrong otherwise. */
    public static List<URI> parse(String urls) {
        List<URI> nodes;
        try {
            nodes = Arrays.stream(urls.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                    .map(s -> URI.create(s.endsWith("/") ? s : s + "/")).toList();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--search-url must be one or more http(s) URLs separated by commas: " + e.getMessage());
        }
        if (nodes.isEmpty() || nodes.stream().anyMatch(u -> !"http".equals(u.getScheme()) && !"https".equals(u.getScheme()))) {
            throw new IllegalArgumentException("--search-url must be one or more http(s) URLs separated by commas, not " + urls);
        }
        if (nodes.stream().anyMatch(u -> u.getRawUserInfo() != null)) {
            throw new IllegalArgumentException("--search-url must not carry a user or password (process lists and logs show it): "
                    + "set HELIX_SEARCH_USER and HELIX_SEARCH_PASSWORD instead");
        }
        return nodes;
    }
}

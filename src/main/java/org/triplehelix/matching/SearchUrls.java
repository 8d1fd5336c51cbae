package org.triplehelix.matching;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import org.triplehelix.matching.opensearch.OpenSearchSearchIndex;

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

    /**
     * Refuses, with one sentence naming the URL and what is wrong, a {@code --search-url} where no
     * node answers as a search cluster: nothing listening, an unknown host, an HTTP error, a server
     * that is not OpenSearch, credentials ({@code HELIX_SEARCH_USER}, {@code HELIX_SEARCH_PASSWORD} of
     * {@code environment}) it does not accept. The command line runs it before Spring starts, as it
     * checks {@code --db-url}, so that the mistake is one line and not a failed start's stack traces.
     */
    public static void check(String urls, UnaryOperator<String> environment) {
        parse(urls);
        String user = environment.apply("HELIX_SEARCH_USER");
        String password = environment.apply("HELIX_SEARCH_PASSWORD");
        boolean anonymous = (user == null || user.isBlank()) && (password == null || password.isEmpty());
        OpenSearchSearchIndex.check(urls, anonymous ? null : new OpenSearchSearchIndex.Credentials(user, password));
    }
}

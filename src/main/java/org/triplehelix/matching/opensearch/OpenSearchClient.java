package org.triplehelix.matching.opensearch;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.triplehelix.matching.SearchUrls;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small JSON client for the OpenSearch REST API over {@code java.net.http}. It spreads requests
 * over the nodes it was given and goes to the next one when a node does not answer; it retries what
 * may succeed later (no connection, 429 too many requests, 502–504) with an exponential back-off, and
 * otherwise fails with a {@link SearchClusterException} that says where and why.
 */
final class OpenSearchClient {

    private static final Logger log = LoggerFactory.getLogger(OpenSearchClient.class);
    private static final Set<Integer> RETRIED = Set.of(429, 502, 503, 504);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(120), CHECK_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration FIRST_PAUSE = Duration.ofMillis(250), LONGEST_PAUSE = Duration.ofSeconds(4);

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** A response: its status and its body (null when it had none). */
    record Response(int status, JsonNode body) {

        boolean ok() {
            return status / 100 == 2;
        }
    }

    private final List<URI> nodes;
    private final AtomicInteger next = new AtomicInteger();
    private final HttpClient http;
    private final int attempts;
    /** The Authorization header of every request, or null for a cluster without security. */
    private final String authorization;

    /**
     * {@code urls}: one or more base URLs separated by commas ({@code https://host:9200,https://other:9200});
     * {@code credentials}: the user of a secured cluster, or null. HTTPS uses the JVM's trust store
     * ({@code -Djavax.net.ssl.trustStore=…} for a private certificate authority).
     */
    OpenSearchClient(String urls, int attempts, OpenSearchSearchIndex.Credentials credentials) {
        this(SearchUrls.parse(urls), attempts, credentials);
        if (credentials != null && nodes.stream().anyMatch(u -> "http".equals(u.getScheme()))) {
            log.warn("The search cluster's password goes unencrypted to {}: use https:// URLs", where());
        }
    }

    /** Without logging: the check of the command line runs before logging is configured. */
    private OpenSearchClient(List<URI> nodes, int attempts, OpenSearchSearchIndex.Credentials credentials) {
        this.nodes = nodes;
        this.authorization = credentials == null ? null : "Basic " + java.util.Base64.getEncoder().encodeToString(
                (credentials.user() + ":" + credentials.password()).getBytes(StandardCharsets.UTF_8));
        this.attempts = Math.max(1, attempts);
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    }

    /**
     * Before anything starts: a GET / to each node once, without retries, until one answers as a
     * search cluster does (200 with its version in JSON). A {@link SearchClusterException} saying what
     * is wrong when none does: no connection, an unknown host, an HTTP error, not a search cluster.
     * Any 5xx is not reachable, as no connection is: a proxy in front of a cluster that is down answers
     * 502–504, and the start would fail later with a stack trace. A node answering 429 (too many
     * requests) is up and busy: it passes, and the start's requests wait for it.
     */
    static void check(String urls, OpenSearchSearchIndex.Credentials credentials) {
        new OpenSearchClient(SearchUrls.parse(urls), 1, credentials).requireSearchCluster();
    }

    private void requireSearchCluster() {
        List<String> problems = new ArrayList<>();
        for (URI node : nodes) {
            String problem = problem(node);
            if (problem == null) {
                return;
            }
            problems.add(nodes.size() == 1 ? problem : node + ": " + problem);
        }
        throw new SearchClusterException("The search cluster at " + where() + " cannot be used: " + String.join("; ", problems)
                + "; check --search-url and that the cluster runs", false);
    }

    /** What is wrong with the node as a search cluster, or null when it answers as one. */
    private String problem(URI node) {
        HttpResponse<byte[]> response;
        try {
            response = http.send(request(node, "GET", "", null, null, CHECK_TIMEOUT), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            return describe(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SearchClusterException("interrupted while waiting for the search cluster at " + where(), e);
        }
        int status = response.statusCode();
        if (status == 429) {
            return null;
        }
        JsonNode body;
        try {
            body = response.body() == null || response.body().length == 0 ? null : JSON.readTree(response.body());
        } catch (tools.jackson.core.JacksonException e) {
            body = null;
        }
        if (status == 401 || status == 403) {
            throw refused("GET", "", new Response(status, body)); // the cluster's users and rights: the same on every node
        }
        if (status / 100 == 5) {
            return "GET / answered " + status + (body != null && body.has("error") ? " (" + reason(body) + ")" : "") + ", not reachable";
        }
        if (status / 100 != 2) {
            return "GET / answered " + status + (body != null && body.has("error") ? " (" + reason(body) + ")" : "") + ", not as a search cluster";
        }
        if (body == null || !body.path("version").path("number").isString()) {
            String type = response.headers().firstValue("Content-Type").orElse("no content type");
            return "GET / answered " + status + " with " + (body == null ? type : "JSON without a version")
                    + ", not as a search cluster (OpenSearch answers with its name and version)";
        }
        return null;
    }

    String where() {
        return nodes.size() == 1 ? nodes.getFirst().toString() : nodes.toString();
    }

    /** A request that must succeed (2xx); its body. */
    JsonNode call(String method, String path, Object body) {
        Response response = exchange(method, path, body);
        if (!response.ok()) {
            throw refused(method, path, response);
        }
        return response.body();
    }

    /** A request whose status the caller examines (404 is an answer, not an error). */
    Response exchange(String method, String path, Object body) {
        byte[] bytes = body == null ? null : body instanceof String text ? text.getBytes(StandardCharsets.UTF_8) : JSON.writeValueAsBytes(body);
        String contentType = body instanceof String ? "application/x-ndjson" : "application/json";
        Duration pause = FIRST_PAUSE;
        Response last = null;
        IOException unreachable = null;
        for (int attempt = 1; ; attempt++) {
            URI node = nodes.get(Math.floorMod(next.getAndIncrement(), nodes.size()));
            try {
                last = send(node, method, path, bytes, contentType);
                unreachable = null;
                if (!RETRIED.contains(last.status())) {
                    return last;
                }
            } catch (IOException e) {
                unreachable = e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SearchClusterException("interrupted while waiting for the search cluster at " + where(), e);
            }
            if (attempt >= attempts * nodes.size()) {
                break;
            }
            if (attempt % nodes.size() == 0) {
                sleep(pause);
                pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
            }
        }
        if (unreachable != null) {
            // no cause attached: the command line shows the innermost cause's message, and this one is the clear one
            SearchClusterException failure = new SearchClusterException("The search cluster at " + where() + " is unreachable ("
                    + describe(unreachable) + "); check --search-url and that the cluster runs", true);
            failure.addSuppressed(unreachable);
            throw failure;
        }
        return last;
    }

    private Response send(URI node, String method, String path, byte[] body, String contentType)
            throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(request(node, method, path, body, contentType, REQUEST_TIMEOUT),
                HttpResponse.BodyHandlers.ofByteArray());
        byte[] bytes = response.body();
        JsonNode parsed = bytes == null || bytes.length == 0 || "HEAD".equals(method) ? null : JSON.readTree(bytes);
        if (RETRIED.contains(response.statusCode())) {
            log.debug("{} {} on {}: {}, retrying", method, path, node, response.statusCode());
        }
        return new Response(response.statusCode(), parsed);
    }

    private HttpRequest request(URI node, String method, String path, byte[] body, String contentType, Duration timeout) {
        HttpRequest.Builder request = HttpRequest.newBuilder(node.resolve(path)).timeout(timeout);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        }
        return request.build();
    }

    SearchClusterException refused(String method, String path, Response response) {
        String reason = reason(response.body());
        if (response.status() == 401) {
            return new SearchClusterException("The search cluster at " + where() + " did not accept "
                    + (authorization == null ? "a request without credentials: set HELIX_SEARCH_USER and HELIX_SEARCH_PASSWORD"
                    : "the user and password of HELIX_SEARCH_USER and HELIX_SEARCH_PASSWORD") + " (401 " + reason + ")", false);
        }
        if (response.status() == 403) {
            return new SearchClusterException("The search cluster at " + where() + " does not let "
                    + (authorization == null ? "an anonymous user" : "the user of HELIX_SEARCH_USER") + " do " + method + " /" + path
                    + ": it needs the rights to manage and search the indices " + "(403 " + reason + ")", false);
        }
        boolean transientFailure = RETRIED.contains(response.status());
        String what = transientFailure
                ? "The search cluster at " + where() + " cannot answer now (" + response.status() + " " + reason + ")"
                : "The search cluster at " + where() + " refused " + method + " /" + path + " (" + response.status() + " " + reason + ")";
        return new SearchClusterException(what, transientFailure);
    }

    /** The error's type and reason from an OpenSearch error body. */
    static String reason(JsonNode body) {
        if (body == null) {
            return "no body";
        }
        JsonNode error = body.path("error");
        if (error.isObject()) {
            JsonNode root = error.path("root_cause").path(0);
            JsonNode cause = root.isObject() ? root : error;
            return cause.path("type").asString("") + ": " + cause.path("reason").asString("");
        }
        return error.isMissingNode() ? body.toString() : error.asString();
    }

    private static String describe(IOException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof java.nio.channels.UnresolvedAddressException || cause instanceof java.net.UnknownHostException) {
                return "unknown host";
            }
        }
        if (e instanceof java.net.http.HttpConnectTimeoutException) {
            return "no connection in time";
        }
        if (e instanceof java.net.ConnectException) {
            return "connection refused";
        }
        if (e instanceof java.net.http.HttpTimeoutException) {
            return "no answer in time";
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause.getMessage() != null) {
                return cause.getClass().getSimpleName() + ": " + cause.getMessage();
            }
        }
        return e.getClass().getSimpleName();
    }

    static void sleep(Duration pause) {
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SearchClusterException("interrupted while waiting for the search cluster", e);
        }
    }
}

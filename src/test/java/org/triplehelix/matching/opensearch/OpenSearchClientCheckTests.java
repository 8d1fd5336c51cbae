package org.triplehelix.matching.opensearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The command line's check of {@code --search-url} before anything starts, against a tiny HTTP server
 * answering GET / as OpenSearch does (or as a busy one, or a proxy for one that is down, does); its refusals are in HelixCommandTests.
 */
class OpenSearchClientCheckTests {

    private HttpServer server;
    private final AtomicInteger status = new AtomicInteger(200);
    private final AtomicInteger requests = new AtomicInteger();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            byte[] body = ("{\"name\":\"node-1\",\"cluster_name\":\"helix\",\"version\":{\"distribution\":\"opensearch\",\"number\":\"3.3.0\"}}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status.get(), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Test
    void aNodeAnsweringAsASearchClusterPasses() {
        assertThatCode(() -> OpenSearchClient.check(url(), null)).doesNotThrowAnyException();
        assertThat(requests).hasValue(1);
    }

    /** As the client at work: a node that does not answer is passed over for the next one. */
    @Test
    void oneNodeAnsweringOfSeveralPasses() throws IOException {
        assertThatCode(() -> OpenSearchClient.check("http://127.0.0.1:" + closedPort() + "," + url(), null)).doesNotThrowAnyException();
    }

    /** A cluster that is up but throttling is waited for by the start's retries, as before the check. */
    @Test
    void aBusyNodePasses() {
        status.set(429);
        assertThatCode(() -> OpenSearchClient.check(url(), null)).doesNotThrowAnyException();
    }

    /** A proxy in front of a cluster that is down answers 502–504; any 5xx is not reachable, as no connection is. */
    @ParameterizedTest
    @ValueSource(ints = {500, 502, 503, 504})
    void aServerErrorIsNotReachable(int error) {
        status.set(error);
        assertThatThrownBy(() -> OpenSearchClient.check(url(), null))
                .isInstanceOf(SearchClusterException.class)
                .hasMessage("The search cluster at " + url() + "/ cannot be used: GET / answered " + error + ", not reachable;"
                        + " check --search-url and that the cluster runs");
    }

    /** Passed over for a node that answers, as any node that does not. */
    @Test
    void aServerErrorOfOneNodeOfSeveralPasses() throws IOException {
        HttpServer down = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        down.createContext("/", exchange -> {
            exchange.sendResponseHeaders(502, -1);
            exchange.close();
        });
        down.start();
        try {
            assertThatCode(() -> OpenSearchClient.check("http://127.0.0.1:" + down.getAddress().getPort() + "," + url(), null))
                    .doesNotThrowAnyException();
        } finally {
            down.stop(0);
        }
    }

    @Test
    void noNodeAnsweringNamesEachAndWhy() throws IOException {
        int closed = closedPort();
        status.set(404);
        assertThatThrownBy(() -> OpenSearchClient.check("http://127.0.0.1:" + closed + "," + url(), null))
                .isInstanceOf(SearchClusterException.class)
                .hasMessage("The search cluster at [http://127.0.0.1:" + closed + "/, " + url() + "/] cannot be used: http://127.0.0.1:"
                        + closed + "/: connection refused; " + url() + "/: GET / answered 404, not as a search cluster;"
                        + " check --search-url and that the cluster runs");
    }

    /** A secured cluster refusing the request: the settings to look at, as at work. */
    @Test
    void aRefusedUserSaysWhichSettingsToLookAt() {
        status.set(401);
        assertThatThrownBy(() -> OpenSearchClient.check(url(), null))
                .isInstanceOf(SearchClusterException.class)
                .hasMessageStartingWith("The search cluster at " + url() + "/ did not accept a request without credentials")
                .hasMessageContaining("HELIX_SEARCH_USER and HELIX_SEARCH_PASSWORD");
    }
}

package org.triplehelix.matching.opensearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The client's side of a secured cluster: the user and password go in every request's basic
 * authentication header, never in the URL, and a refusal says which setting to look at. The
 * server here answers as OpenSearch's security plugin does (401 without or with wrong credentials,
 * with its error body); the adapter's behaviour against a real node is in OpenSearchSearchIndexIntegrationTests.
 */
class OpenSearchClientCredentialsTests {

    private static final String EXPECTED = "Basic " + java.util.Base64.getEncoder()
            .encodeToString("helix:s3cret-pass".getBytes(StandardCharsets.UTF_8));

    private HttpServer server;
    private final List<String> received = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String header = exchange.getRequestHeaders().getFirst("Authorization");
            received.add(String.valueOf(header));
            boolean ok = EXPECTED.equals(header);
            byte[] body = (ok ? "{\"version\":{\"number\":\"3.3.0\"}}"
                    : "{\"error\":{\"root_cause\":[{\"type\":\"security_exception\",\"reason\":\"missing authentication credentials\"}],"
                    + "\"type\":\"security_exception\",\"reason\":\"missing authentication credentials\"},\"status\":401}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(ok ? 200 : 401, body.length);
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

    @Test
    void everyRequestCarriesTheUserAndPassword() {
        OpenSearchClient client = new OpenSearchClient(url(), 1, new OpenSearchSearchIndex.Credentials("helix", "s3cret-pass"));

        assertThat(client.call("GET", "", null).path("version").path("number").asString()).isEqualTo("3.3.0");
        assertThat(client.call("GET", "_cluster/health", null)).isNotNull();
        assertThat(received).containsExactly(EXPECTED, EXPECTED);
    }

    @Test
    void aRefusalSaysWhichSettingsToLookAt() {
        OpenSearchClient anonymous = new OpenSearchClient(url(), 1, null);
        assertThatThrownBy(() -> anonymous.call("GET", "", null))
                .isInstanceOf(SearchClusterException.class)
                .hasMessageContaining("set HELIX_SEARCH_USER and HELIX_SEARCH_PASSWORD")
                .hasMessageContaining("401 security_exception: missing authentication credentials");

        OpenSearchClient wrong = new OpenSearchClient(url(), 1, new OpenSearchSearchIndex.Credentials("helix", "wrong"));
        assertThatThrownBy(() -> wrong.call("GET", "", null))
                .isInstanceOf(SearchClusterException.class)
                .hasMessageContaining("did not accept the user and password of HELIX_SEARCH_USER")
                .hasMessageNotContaining("wrong");
        assertThat(received).containsExactly("null", "Basic " + java.util.Base64.getEncoder()
                .encodeToString("helix:wrong".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aPasswordInTheUrlIsRefusedAndNeverShown() {
        assertThatThrownBy(() -> new OpenSearchClient("https://helix:s3cret-pass@search.example.org:9200", 1, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("HELIX_SEARCH_USER and HELIX_SEARCH_PASSWORD")
                .hasMessageNotContaining("s3cret-pass");
        assertThat(new OpenSearchSearchIndex.Credentials("helix", "s3cret-pass").toString()).doesNotContain("s3cret-pass");
        assertThatThrownBy(() -> new OpenSearchSearchIndex.Credentials("helix", ""))
                .hasMessageContaining("both HELIX_SEARCH_USER and HELIX_SEARCH_PASSWORD");
    }
}

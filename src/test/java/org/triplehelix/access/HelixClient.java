package org.triplehelix.access;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A test's HTTP client against the running platform: a browser-like session (cookies, the CSRF
 * token read from the page's meta tag, redirects not followed) or an API script (HTTP Basic).
 * Other modules' tests use it too, e.g. through {@link AuthorizationMatrix}.
 */
public final class HelixClient {

    private static final Pattern CSRF_META = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]*)\">");

    private final String base;
    private final HttpClient http;
    private final String basic;

    private HelixClient(int port, String basic) {
        this.base = "http://localhost:" + port;
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
        this.basic = basic;
    }

    /** A browser without a session yet. */
    public static HelixClient browser(int port) {
        return new HelixClient(port, null);
    }

    /** A browser signed in through the form as a fixture account (AccessFixtures' password); fails the test if refused. */
    public static HelixClient signedIn(int port, org.triplehelix.access.Account account) {
        HelixClient client = browser(port);
        if (!client.signIn(account.email(), AccessFixtures.PASSWORD)) {
            throw new AssertionError("the platform refused the sign-in of " + account.email());
        }
        return client;
    }

    /** A script sending HTTP Basic credentials with every request. */
    public static HelixClient basic(int port, String email, String password) {
        return new HelixClient(port, "Basic " + Base64.getEncoder().encodeToString((email + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    /** Signs in through the form; true when the platform accepted the credentials. */
    public boolean signIn(String email, String password) {
        Response response = postForm("/login", Map.of("email", email, "password", password));
        return response.status() == 302 && !response.location().contains("/login");
    }

    public Response get(String path) {
        return send(request(path).GET());
    }

    /** A form POST with the session's CSRF token (read from a fresh page first, as a browser would). */
    public Response postForm(String path, Map<String, String> form) {
        Map<String, String> fields = new LinkedHashMap<>(form);
        fields.put("_csrf", csrfToken());
        return postFormWithoutToken(path, fields);
    }

    public Response postFormWithoutToken(String path, Map<String, String> form) {
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(encoded(form))));
    }

    /** A form POST as htmx sends it ({@code HX-Request: true}), with the session's CSRF token. */
    public Response postHtmx(String path, Map<String, String> form) {
        Map<String, String> fields = new LinkedHashMap<>(form);
        fields.put("_csrf", csrfToken());
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded").header("HX-Request", "true")
                .POST(HttpRequest.BodyPublishers.ofString(encoded(fields))));
    }

    private static String encoded(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /**
     * A multipart form POST, as a browser sends a form with a file input, with the session's CSRF token; the file part
     * is sent even when {@code fileName} is empty (no file chosen).
     */
    public Response postMultipart(String path, Map<String, String> form, String fileField, String fileName, byte[] content) {
        String boundary = "----helix" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        Map<String, String> fields = new LinkedHashMap<>(form);
        fields.put("_csrf", csrfToken());
        fields.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name
                + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send("POST", path, Map.of("Content-Type", "multipart/form-data; boundary=" + boundary), body.toByteArray());
    }

    /** A JSON request (the CSRF header is added when the client has a session and no Basic credentials). */
    public Response json(String method, String path, String json) {
        HttpRequest.Builder request = request(path).header("Content-Type", "application/json").header("Accept", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (basic == null && !"GET".equals(method)) {
            request.header("X-CSRF-TOKEN", csrfToken());
        }
        return send(request);
    }

    public Response send(String method, String path, Map<String, String> headers, byte[] body) {
        HttpRequest.Builder request = request(path).method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        return send(request);
    }

    /** The CSRF token of this session, as the layout puts it in every page. */
    public String csrfToken() {
        Matcher matcher = CSRF_META.matcher(get("/login").body());
        if (!matcher.find()) {
            throw new IllegalStateException("no csrf-token meta tag on /login");
        }
        return matcher.group(1);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("Accept-Language", "en");
        if (basic != null) {
            request.header("Authorization", basic);
        }
        return request;
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A response: status, headers (lower-case names), body. */
    public record Response(int status, Map<String, java.util.List<String>> headers, String body) {

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().getFirst()).findFirst().orElse(null);
        }

        public String location() {
            String location = header("Location");
            return location == null ? "" : location;
        }

        /** A redirect to the sign-in page: what a page answers an anonymous visitor instead of 401. */
        public boolean signInRequired() {
            return status == 302 && location().endsWith("/login") || status == 401;
        }
    }
}

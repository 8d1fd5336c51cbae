package org.triplehelix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** Common options are accepted before or after the command name (INTERCHANGE.md). */
class HelixCommandTests {

    private HelixCommand parse(String... args) {
        HelixCommand command = new HelixCommand(Object.class);
        new CommandLine(command).parseArgs(args);
        return command;
    }

    @Test
    void dataBeforeTheCommandName() {
        assertThat(parse("--data", "/tmp/a", "serve").data()).isEqualTo(Path.of("/tmp/a"));
    }

    @Test
    void dataAfterTheCommandName() {
        assertThat(parse("serve", "--data", "/tmp/b", "--port", "9000").data()).isEqualTo(Path.of("/tmp/b"));
    }

    @Test
    void dataAfterTheCommandNameWhenExecuted() {
        HelixCommand command = new HelixCommand(Object.class);
        CommandLine commandLine = new CommandLine(command);
        commandLine.addSubcommand("probe", new Probe());
        assertThat(commandLine.execute("probe", "--data", "/tmp/c")).isEqualTo(0);
        assertThat(command.data()).isEqualTo(Path.of("/tmp/c"));
    }

    @CommandLine.Command(name = "probe")
    static class Probe implements Runnable {
        @CommandLine.ParentCommand
        HelixCommand global;

        @Override
        public void run() {
            assertThat(global.data()).isEqualTo(Path.of("/tmp/c"));
        }
    }

    @Test
    void dataDefaultsToTheDataFolder() {
        HelixCommand command = parse("serve");
        assertThat(command.data()).isEqualTo(Path.of("data"));
        assertThat(command.dbUrl()).isNull();
    }

    @Test
    void dbUrlAfterTheCommandName() {
        assertThat(parse("serve", "--db-url", "jdbc:postgresql://db/helix").dbUrl()).isEqualTo("jdbc:postgresql://db/helix");
    }

    @Test
    void searchUrlBeforeOrAfterTheCommandName() {
        assertThat(parse("serve").searchUrl()).isNull();
        assertThat(parse("--search-url", "http://os:9200", "serve").searchUrl()).isEqualTo("http://os:9200");
        assertThat(parse("index", "rebuild", "--search-url", "http://a:9200,http://b:9200").searchUrl()).isEqualTo("http://a:9200,http://b:9200");
    }

    @Test
    void aFileThatCannotBeOpenedSaysWhyOnStandardErrorWithoutATrace(@TempDir Path dir) {
        Path missing = dir.resolve("no-such-qrels.txt");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream before = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int exit;
        try {
            exit = HelixCommand.run(Object.class, "eval", "--qrels", missing.toString(), "--run", missing.toString());
        } finally {
            System.setErr(before);
        }
        assertThat(exit).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8).strip()).isEqualTo("helix eval: " + missing + ": no such file or directory");
    }

    @Test
    void describesEachKindOfFileFailure() {
        assertThat(Platform.describe(new java.io.UncheckedIOException(new java.nio.file.AccessDeniedException("/etc/x"))))
                .isEqualTo("/etc/x: permission denied");
        assertThat(Platform.describe(new java.nio.file.NotDirectoryException("/tmp/f/x.jsonl"))).isEqualTo("/tmp/f/x.jsonl: not a directory");
        assertThat(Platform.describe(new IllegalArgumentException("k is 1 to 1000"))).isEqualTo("k is 1 to 1000");
    }

    /** Refused before anything starts: no embedded database created in --data for a command that cannot run. */
    @Test
    void aSearchUrlWithAPasswordIsOneLineBeforeAnythingIsCreated(@TempDir Path dir) {
        Path data = dir.resolve("data");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream before = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int exit;
        try {
            exit = HelixCommand.run(Object.class, "index", "status", "--search-url", "https://helix:s3cret-pass@search.example.org:9200",
                    "--data", data.toString());
        } finally {
            System.setErr(before);
        }
        assertThat(exit).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8).strip())
                .startsWith("helix index status: --search-url must not carry a user or password")
                .contains("HELIX_SEARCH_USER and HELIX_SEARCH_PASSWORD").doesNotContain("s3cret-pass").doesNotContain("\n");
        assertThat(data).doesNotExist();
    }

    /** Runs the command line in this JVM; what it prints to standard error. */
    private static String[] runForError(String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream before = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int exit;
        try {
            exit = HelixCommand.run(Object.class, args);
        } finally {
            System.setErr(before);
        }
        return new String[] {String.valueOf(exit), err.toString(StandardCharsets.UTF_8).strip()};
    }

    /** A search URL where no cluster answers is one line naming it, before anything starts or is created. */
    @Test
    void aSearchUrlWhereNothingListensIsOneLineBeforeAnythingIsCreated(@TempDir Path dir) throws java.io.IOException {
        int closed;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        Path data = dir.resolve("data");
        String[] result = runForError("index", "status", "--search-url", "http://127.0.0.1:" + closed, "--data", data.toString());
        assertThat(result[0]).isEqualTo("1");
        assertThat(result[1]).isEqualTo("helix index status: The search cluster at http://127.0.0.1:" + closed
                + "/ cannot be used: connection refused; check --search-url and that the cluster runs");
        assertThat(data).doesNotExist();
    }

    @Test
    void aSearchUrlOfAnUnknownHostIsOneLine(@TempDir Path dir) {
        String[] result = runForError("match", "--search-url", "http://no-such-host.invalid:9200", "--data", dir.resolve("data").toString(),
                "--text", "x");
        assertThat(result[0]).isEqualTo("1");
        assertThat(result[1]).isEqualTo("helix match: The search cluster at http://no-such-host.invalid:9200/ cannot be used: unknown host;"
                + " check --search-url and that the cluster runs");
    }

    /**
     * A proxy in front of a cluster that is down (502, 503, 504), or a cluster failing (any 5xx): not reachable, in one line
     * naming the status, before anything starts or is created; not a failed start's stack traces.
     */
    @ParameterizedTest
    @ValueSource(ints = {502, 503, 504, 500})
    void aSearchUrlAnsweringAServerErrorIsNotReachableInOneLine(int error, @TempDir Path dir) throws java.io.IOException {
        com.sun.net.httpserver.HttpServer proxy = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        proxy.createContext("/", exchange -> {
            byte[] body = "<html><body><h1>Bad gateway</h1></body></html>".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html");
            exchange.sendResponseHeaders(error, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        proxy.start();
        try {
            String url = "http://127.0.0.1:" + proxy.getAddress().getPort();
            Path data = dir.resolve("data");
            String[] result = runForError("serve", "--search-url", url, "--data", data.toString());
            assertThat(result[0]).isEqualTo("1");
            assertThat(result[1]).isEqualTo("helix serve: The search cluster at " + url + "/ cannot be used: GET / answered " + error
                    + ", not reachable; check --search-url and that the cluster runs");
            assertThat(data).doesNotExist();
        } finally {
            proxy.stop(0);
        }
    }

    /** Something answers, but not as a search cluster: an HTTP error, or a page that is not OpenSearch's JSON. */
    @Test
    void aSearchUrlOfAServerThatIsNotASearchClusterIsOneLine(@TempDir Path dir) throws java.io.IOException {
        com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            boolean missing = exchange.getRequestURI().getPath().startsWith("/missing");
            byte[] body = (missing ? "Not Found" : "<html>It works!</html>").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", missing ? "text/plain" : "text/html");
            exchange.sendResponseHeaders(missing ? 404 : 200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            Path data = dir.resolve("data");
            String[] notFound = runForError("index", "status", "--search-url", base + "/missing", "--data", data.toString());
            assertThat(notFound[0]).isEqualTo("1");
            assertThat(notFound[1]).isEqualTo("helix index status: The search cluster at " + base + "/missing/ cannot be used:"
                    + " GET / answered 404, not as a search cluster; check --search-url and that the cluster runs");
            String[] page = runForError("index", "status", "--search-url", base, "--data", data.toString());
            assertThat(page[0]).isEqualTo("1");
            assertThat(page[1]).isEqualTo("helix index status: The search cluster at " + base + "/ cannot be used: GET / answered 200"
                    + " with text/html, not as a search cluster (OpenSearch answers with its name and version);"
                    + " check --search-url and that the cluster runs");
            assertThat(data).doesNotExist();
        } finally {
            server.stop(0);
        }
    }
}

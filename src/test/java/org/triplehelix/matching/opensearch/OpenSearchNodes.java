package org.triplehelix.matching.opensearch;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Real OpenSearch nodes for the tests, as separate processes: the distribution and the k-NN and
 * neural-search plugins come from Maven Central (the build copies them into {@code target/opensearch-dist},
 * see pom.xml), are unpacked and installed once into {@code target/opensearch/home}, and every node
 * runs from there with its own data, logs and temporary folder under {@code target/opensearch/}.
 * Bound to 127.0.0.1 only, small heaps. OpenSearch refuses to run as root: a test run as root starts
 * the nodes as {@code nobody} through {@code setpriv}. Every node started is stopped by a JVM shutdown
 * hook if the test did not stop it (a failed test leaves nothing running).
 */
public final class OpenSearchNodes {

    public static final String VERSION = "3.6.0";
    private static final Path TARGET = Path.of("target").toAbsolutePath();
    private static final Path DIST = TARGET.resolve("opensearch-dist");
    private static final Path BASE = TARGET.resolve("opensearch");
    private static final Path HOME = BASE.resolve("home");
    private static final String JAVA_HOME = javaHome();
    private static final boolean ROOT = "root".equals(System.getProperty("user.name"));
    private static final List<Node> RUNNING = new CopyOnWriteArrayList<>();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(Node::kill), "opensearch-nodes-stop"));
    }

    private OpenSearchNodes() {
    }

    /** One node process. */
    public static final class Node {

        final String name;
        final int httpPort;
        final int transportPort;
        final Path data;
        final List<String> settings;
        final String heap;
        private volatile Process process;

        Node(String name, int httpPort, int transportPort, Path data, List<String> settings, String heap) {
            this.name = name;
            this.httpPort = httpPort;
            this.transportPort = transportPort;
            this.data = data;
            this.settings = settings;
            this.heap = heap;
        }

        public String url() {
            return "http://127.0.0.1:" + httpPort;
        }

        public String name() {
            return name;
        }

        public long pid() {
            return process.pid();
        }

        public boolean alive() {
            return process != null && process.isAlive();
        }

        /** Starts the process (again, after a kill, on the same data) without waiting for it. */
        public Node launch() {
            List<String> command = new ArrayList<>();
            if (ROOT) {
                command.addAll(List.of("setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"));
            }
            command.add(HOME.resolve("bin/opensearch").toString());
            command.addAll(List.of("-Enode.name=" + name, "-Enetwork.host=127.0.0.1", "-Ehttp.port=" + httpPort,
                    "-Etransport.port=" + transportPort, "-Epath.data=" + data.resolve("data"), "-Epath.logs=" + data.resolve("logs"),
                    "-Ecluster.routing.allocation.disk.threshold_enabled=false"));
            settings.forEach(s -> command.add("-E" + s));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(data.resolve("console.log").toFile());
            Path tmp = data.resolve("tmp");
            Map<String, String> env = builder.environment();
            env.put("HOME", tmp.toString());
            env.put("OPENSEARCH_TMPDIR", tmp.toString());
            env.put("OPENSEARCH_JAVA_HOME", JAVA_HOME);
            env.put("OPENSEARCH_JAVA_OPTS", "-Xms" + heap + " -Xmx" + heap + " -XX:ActiveProcessorCount=1 -XX:TieredStopAtLevel=1");
            env.remove("JAVA_HOME");
            env.remove("JAVA_TOOL_OPTIONS");
            try {
                Files.createDirectories(tmp);
                ownByNobody(data);
                process = builder.start();
            } catch (IOException e) {
                throw new UncheckedIOException("could not start OpenSearch node " + name, e);
            }
            RUNNING.add(this);
            return this;
        }

        /** Waits until the node answers over HTTP. */
        public Node awaitHttp(Duration timeout) {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("OpenSearch node " + name + " exited with " + process.exitValue() + "; see " + data.resolve("console.log"));
                }
                if (get(url() + "/") != null) {
                    return this;
                }
                sleep(500);
            }
            throw new IllegalStateException("OpenSearch node " + name + " did not answer within " + timeout + "; see " + data.resolve("console.log"));
        }

        /** SIGKILL: the process dies at once, as on a power cut. */
        public void kill() {
            Process p = process;
            if (p != null && p.isAlive()) {
                p.destroyForcibly();
                waitFor(p);
            }
            RUNNING.remove(this);
        }

        /** SIGTERM and wait (a clean shutdown), then SIGKILL if it lingers. */
        public void stop() {
            Process p = process;
            if (p != null && p.isAlive()) {
                p.destroy();
                try {
                    if (!p.waitFor(30, TimeUnit.SECONDS)) {
                        p.destroyForcibly();
                        waitFor(p);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    p.destroyForcibly();
                }
            }
            RUNNING.remove(this);
        }

        private static void waitFor(Process p) {
            try {
                p.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** A single-node cluster ({@code discovery.type=single-node}), fresh data, green when this returns. */
    public static Node single(String name, int httpPort, int transportPort) {
        install();
        Path data = fresh(name);
        Node node = new Node(name, httpPort, transportPort, data,
                List.of("discovery.type=single-node", "cluster.name=" + name), "512m").launch();
        node.awaitHttp(Duration.ofMinutes(3));
        awaitStatus(node.url(), "green", Duration.ofMinutes(1));
        return node;
    }

    /**
     * A cluster of nodes on loopback: {@code dataNodes} data nodes and one small cluster-manager-only
     * node, each master-eligible (a quorum of two out of three), fresh data. Returns when all have joined.
     */
    public static List<Node> cluster(String cluster, int dataNodes) {
        install();
        int count = dataNodes + 1;
        int[] ports = freePorts(2 * count);
        List<String> seeds = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            seeds.add("127.0.0.1:" + ports[count + i]);
            names.add(cluster + "-" + (i + 1));
        }
        List<Node> nodes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            boolean manager = i == count - 1;
            List<String> settings = new ArrayList<>(List.of("cluster.name=" + cluster, "discovery.seed_hosts=" + String.join(",", seeds),
                    "cluster.initial_cluster_manager_nodes=" + String.join(",", names)));
            if (manager) {
                settings.add("node.roles=cluster_manager");
            }
            nodes.add(new Node(names.get(i), ports[i], ports[count + i], fresh(names.get(i)), settings,
                    manager ? "384m" : "512m").launch());
        }
        nodes.forEach(n -> n.awaitHttp(Duration.ofMinutes(4)));
        awaitNodes(nodes.getFirst().url(), count, Duration.ofMinutes(2));
        return nodes;
    }

    public static void awaitNodes(String url, int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            String health = get(url + "/_cluster/health?wait_for_nodes=" + count + "&timeout=5s");
            if (health != null && health.contains("\"number_of_nodes\":" + count + ",")) {
                return;
            }
            sleep(500);
        }
        throw new IllegalStateException("the cluster at " + url + " did not reach " + count + " nodes within " + timeout);
    }

    /** Waits for a cluster status (green or yellow) on {@code url}. */
    public static void awaitStatus(String url, String status, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            String health = get(url + "/_cluster/health?wait_for_status=" + status + "&timeout=5s");
            if (health != null && (health.contains("\"status\":\"green\"") || health.contains("\"status\":\"" + status + "\""))) {
                return;
            }
            sleep(500);
        }
        throw new IllegalStateException("the cluster at " + url + " did not become " + status + " within " + timeout);
    }

    /** A GET's body, or null when the node does not answer (or answers an error). */
    public static String get(String url) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() / 100 == 2 ? response.body() : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** A PUT with a JSON body; the response body (any status). */
    public static String put(String url, String json) {
        return send("PUT", url, json);
    }

    public static String post(String url, String json) {
        return send("POST", url, json);
    }

    public static String delete(String url) {
        return send("DELETE", url, null);
    }

    private static String send(String method, String url, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60));
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Unpacks the distribution and installs the plugins, once per build directory. */
    static synchronized void install() {
        Path marker = HOME.resolve(".helix-installed");
        if (Files.exists(marker)) {
            return;
        }
        Path distribution = artifact("opensearch-" + VERSION + ".zip");
        Path knn = artifact("opensearch-knn-" + VERSION + ".0.zip");
        Path neural = artifact("neural-search-" + VERSION + ".0.zip");
        try {
            deleteRecursively(HOME);
            Files.createDirectories(BASE);
            Path unpacked = BASE.resolve("unpack");
            deleteRecursively(unpacked);
            unzip(distribution, unpacked);
            try (var children = Files.list(unpacked)) {
                Files.move(children.findFirst().orElseThrow(), HOME);
            }
            deleteRecursively(unpacked);
            Path plugins = BASE.resolve("plugin-zips");
            Files.createDirectories(plugins);
            Files.copy(knn, plugins.resolve(knn.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            Files.copy(neural, plugins.resolve(neural.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            Path tmp = BASE.resolve("install-tmp");
            Files.createDirectories(tmp);
            ownByNobody(BASE);
            for (Path plugin : List.of(plugins.resolve(knn.getFileName()), plugins.resolve(neural.getFileName()))) {
                run(tmp, HOME.resolve("bin/opensearch-plugin").toString(), "install", "--batch", plugin.toUri().toString());
            }
            Files.writeString(marker, VERSION);
        } catch (IOException e) {
            throw new UncheckedIOException("could not install OpenSearch into " + HOME, e);
        }
    }

    private static Path artifact(String file) {
        Path path = DIST.resolve(file);
        if (!Files.exists(path)) {
            throw new IllegalStateException(path + " is missing: the build copies it from Maven Central in the pre-integration-test phase"
                    + " (run the tests through ./mvnw verify)");
        }
        return path;
    }

    private static void run(Path tmp, String... args) {
        List<String> command = new ArrayList<>();
        if (ROOT) {
            command.addAll(List.of("setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"));
        }
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(tmp.resolve("install.log").toFile());
        builder.environment().put("HOME", tmp.toString());
        builder.environment().put("OPENSEARCH_TMPDIR", tmp.toString());
        builder.environment().put("OPENSEARCH_JAVA_HOME", JAVA_HOME);
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        try {
            Process process = builder.start();
            if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", args) + " failed; see " + tmp.resolve("install.log"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Ports free on 127.0.0.1 now, distinct. Fixed ports would clash when builds of several worktrees
     * (or CI jobs) run the OpenSearch tests on one machine at the same time.
     */
    public static int[] freePorts(int count) {
        List<java.net.ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                sockets.add(new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress()));
            }
            return sockets.stream().mapToInt(java.net.ServerSocket::getLocalPort).toArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            for (java.net.ServerSocket socket : sockets) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // the port is free again either way
                }
            }
        }
    }

    private static Path fresh(String name) {
        Path data = BASE.resolve("nodes").resolve(name);
        try {
            deleteRecursively(data);
            Files.createDirectories(data);
            return data;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void ownByNobody(Path path) {
        if (!ROOT) {
            return;
        }
        try {
            Process chown = new ProcessBuilder("chown", "-R", "nobody:nogroup", path.toString()).inheritIO().start();
            if (chown.waitFor() != 0) {
                throw new IllegalStateException("chown -R nobody:nogroup " + path + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void unzip(Path zip, Path into) throws IOException {
        try (ZipFile file = new ZipFile(zip.toFile())) {
            Enumeration<? extends ZipEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                Path target = into.resolve(entry.getName()).normalize();
                if (!target.startsWith(into)) {
                    throw new IOException("bad entry " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                try (InputStream in = file.getInputStream(entry)) {
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
                if (target.getParent().getFileName().toString().equals("bin")) {
                    target.toFile().setExecutable(true, false);
                }
            }
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (var walk = Files.walk(path)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static String javaHome() {
        String home = System.getenv("OPENSEARCH_JAVA_HOME");
        return home != null ? home : System.getProperty("java.home");
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

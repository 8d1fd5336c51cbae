package org.triplehelix.shared.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL of one installation, with its cluster in {@code DATA/pg}.
 *
 * <p>The port is derived from the data directory, so two installations run side by side and a
 * restart finds the same port. A postmaster left behind by a killed process (kill -9 of the JVM
 * leaves PostgreSQL running) is stopped before the new start; PostgreSQL's own crash recovery
 * then replays the WAL, so no committed transaction is lost (fsync and synchronous commit stay on).
 * Within one JVM a cluster is started once and shared (test contexts of different configurations
 * use the same one); it stops when its last user closes it.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    private static final java.util.Map<Path, EmbeddedPostgresServer> RUNNING = new java.util.HashMap<>();

    private final EmbeddedPostgres postgres;
    private final Path cluster;
    private int users = 1;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path cluster) {
        this.postgres = postgres;
        this.cluster = cluster;
    }

    public static synchronized EmbeddedPostgresServer start(Path dataDirectory) {
        Path cluster = dataDirectory.toAbsolutePath().normalize().resolve("pg");
        EmbeddedPostgresServer running = RUNNING.get(cluster);
        if (running != null) {
            running.users++;
            return running;
        }
        try {
            Files.createDirectories(cluster);
            stopLeftoverPostmaster(cluster);
            boolean fresh = !Files.exists(cluster.resolve("PG_VERSION"));
            if (fresh) {
                log.info("Creating the embedded PostgreSQL database in {} (first start, about 15 s)", cluster);
            }
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(cluster)
                    .setCleanDataDirectory(false)
                    .setPort(portFor(cluster))
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("max_connections", "50")
                    .setServerConfig("shared_buffers", "128MB")
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .start();
            EmbeddedPostgresServer server = new EmbeddedPostgresServer(postgres, cluster);
            RUNNING.put(cluster, server);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + cluster + ": " + e.getMessage(), e);
        }
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    /** A stable port in 20000–39999 for a cluster directory. */
    static int portFor(Path cluster) {
        return 20000 + Math.floorMod(cluster.toString().hashCode(), 20000);
    }

    private static void stopLeftoverPostmaster(Path cluster) throws IOException {
        Path pidFile = cluster.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty() || lines.getFirst().isBlank()) {
            return;
        }
        long pid = Long.parseLong(lines.getFirst().strip());
        ProcessHandle.of(pid).filter(ProcessHandle::isAlive).ifPresent(process -> {
            log.warn("Stopping a PostgreSQL (pid {}) left running on {} by an earlier process", pid, cluster);
            process.destroy(); // SIGTERM: PostgreSQL's smart shutdown, its clients are gone
            process.onExit().orTimeout(60, java.util.concurrent.TimeUnit.SECONDS).join();
        });
    }

    @Override
    public void close() {
        synchronized (EmbeddedPostgresServer.class) {
            if (--users > 0) {
                return;
            }
            RUNNING.remove(cluster);
        }
        try {
            postgres.close();
        } catch (IOException e) {
            log.warn("Stopping the embedded PostgreSQL failed: {}", e.getMessage());
        }
    }
}

package org.triplehelix.shared.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL of one installation, with its cluster in {@code DATA/pg}.
 *
 * <p>The process that starts the server holds a lock on {@code DATA/pg.lock} while it runs. Another
 * process on the same installation (an {@code import} while {@code serve} runs) finds the lock
 * taken and attaches to the running server instead of starting its own. A postmaster found
 * running without the lock was left behind by a killed process (kill -9 of the JVM leaves
 * PostgreSQL running): it is stopped before the new start, and PostgreSQL's crash recovery replays
 * the WAL, so no committed transaction is lost (fsync and synchronous commit stay on).
 *
 * <p>The port is derived from the cluster directory, so installations run side by side. Several
 * application contexts of one JVM (test contexts) share one server per cluster directory; it stops
 * when the last of them closes.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    /** Servers used by this JVM, by cluster directory, with the number of users of each. */
    private static final Map<Path, EmbeddedPostgresServer> RUNNING = new HashMap<>();

    private final Path cluster;
    private final EmbeddedPostgres postgres; // null when attached to another process's server
    private final FileChannel lockChannel;
    private final int port;
    private int users;
    private boolean stopped;

    private EmbeddedPostgresServer(Path cluster, EmbeddedPostgres postgres, FileChannel lockChannel, int port) {
        this.cluster = cluster;
        this.postgres = postgres;
        this.lockChannel = lockChannel;
        this.port = port;
    }

    public static EmbeddedPostgresServer start(Path dataDirectory) {
        Path cluster = dataDirectory.toAbsolutePath().normalize().resolve("pg");
        synchronized (RUNNING) {
            EmbeddedPostgresServer server = RUNNING.computeIfAbsent(cluster, EmbeddedPostgresServer::startOrAttach);
            server.users++;
            return server;
        }
    }

    private static EmbeddedPostgresServer startOrAttach(Path cluster) {
        try {
            Files.createDirectories(cluster);
            FileChannel channel = FileChannel.open(cluster.resolveSibling("pg.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                return attach(cluster);
            }
            stopLeftoverPostmaster(cluster);
            if (!Files.exists(cluster.resolve("PG_VERSION"))) {
                log.info("Creating the embedded PostgreSQL database in {} (first start)", cluster);
            }
            int port = portFor(cluster);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(cluster)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setRegisterShutdownHook(false) // stopped by close(), after the application contexts using it (see below)
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("max_connections", "100") // a server and a command line attached to it, 24 each, and room to spare
                    .setServerConfig("shared_buffers", "128MB")
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .start();
            EmbeddedPostgresServer server = new EmbeddedPostgresServer(cluster, postgres, channel, port);
            Runtime.getRuntime().addShutdownHook(new Thread(server::stopAfterItsUsers, "embedded-postgres-stop"));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + cluster + ": " + e.getMessage(), e);
        }
    }

    /** Another process runs this installation: use its server, on the port its postmaster.pid gives. */
    private static EmbeddedPostgresServer attach(Path cluster) throws IOException {
        Path pidFile = cluster.resolve("postmaster.pid");
        List<String> lines = Files.exists(pidFile) ? Files.readAllLines(pidFile) : List.of();
        if (lines.size() < 4) {
            throw new IOException("another Triple Helix process holds " + cluster.resolveSibling("pg.lock")
                    + " but its database is not running yet; try again in a moment");
        }
        log.info("Using the embedded PostgreSQL already running for {}", cluster);
        return new EmbeddedPostgresServer(cluster, null, null, Integer.parseInt(lines.get(3).strip()));
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
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
            process.onExit().orTimeout(60, TimeUnit.SECONDS).join();
        });
    }

    /**
     * At JVM exit: the application contexts close in their own shutdown hook, running at the same
     * time as this one, and stop the server when the last of them closes ({@link #close()}). Wait
     * for that, so that no context loses its database while it is still finishing its work; stop
     * the server anyway if a context was never closed.
     */
    private void stopAfterItsUsers() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        synchronized (RUNNING) {
            while (RUNNING.get(cluster) == this && System.nanoTime() < deadline) {
                try {
                    RUNNING.wait(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            if (RUNNING.get(cluster) != this) {
                return;
            }
            RUNNING.remove(cluster);
            users = 0;
        }
        stop();
    }

    @Override
    public void close() {
        synchronized (RUNNING) {
            if (--users > 0) {
                return;
            }
            RUNNING.remove(cluster);
            RUNNING.notifyAll();
        }
        stop();
    }

    private void stop() {
        synchronized (this) {
            if (postgres == null || stopped) {
                return;
            }
            stopped = true;
        }
        try {
            postgres.close();
        } catch (IOException e) {
            log.warn("Stopping the embedded PostgreSQL failed: {}", e.getMessage());
        } finally {
            try {
                lockChannel.close(); // releases the lock
            } catch (IOException e) {
                log.warn("Releasing {} failed: {}", cluster.resolveSibling("pg.lock"), e.getMessage());
            }
        }
    }
}

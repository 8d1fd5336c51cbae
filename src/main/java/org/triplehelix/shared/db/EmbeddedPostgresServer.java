package org.triplehelix.shared.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
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
 * <p>The process that starts the server holds a lock on {@code DATA/pg.lock} while it runs, and writes
 * in it its pid and whether it serves the web platform. Another process on the same installation (an
 * {@code import} while {@code serve} runs) finds the lock taken and attaches to the running server
 * instead of starting its own, once that server is ready (its {@code postmaster.pid} says so: one still
 * being created or started is waited for, up to two minutes). {@code serve} attaches only to another
 * {@code serve}'s server: the server of a command stops when the command ends, so {@code serve} waits
 * for the command to finish and then starts its own.
 *
 * <p>A process attached to another's server says so in {@code DATA/pg.users} ({@link DatabaseUsers}) as long as it
 * uses it, and the owner, ending, waits for every such process to finish before it stops the server, saying once whom
 * it waits for: a command's end, or {@code serve} stopped with Ctrl-C, does not take the database from under an
 * {@code import} still running. Ctrl-C or kill during that wait stops the server at once; a process killed with
 * kill -9 is not waited for (its locks go with it). A postmaster found
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
    private final DatabaseUsers.Use use; // null when started by this process
    private final int port;
    private int users;
    private boolean stopped;

    private EmbeddedPostgresServer(Path cluster, EmbeddedPostgres postgres, FileChannel lockChannel, int port) {
        this(cluster, postgres, lockChannel, null, port);
    }

    private EmbeddedPostgresServer(Path cluster, EmbeddedPostgres postgres, FileChannel lockChannel, DatabaseUsers.Use use, int port) {
        this.cluster = cluster;
        this.postgres = postgres;
        this.lockChannel = lockChannel;
        this.use = use;
        this.port = port;
    }

    /** How long a process waits for another one's server to become ready before it gives up. */
    static final Duration READY_WAIT = Duration.ofMinutes(2);

    /** The server of a command-line process (it attaches to whatever server runs this installation). */
    public static EmbeddedPostgresServer start(Path dataDirectory) {
        return start(dataDirectory, false);
    }

    /**
     * The server of this installation: started by this process, or another process's one attached to.
     * {@code serving}: this process is the web platform ({@code serve}), which outlives any command: it attaches
     * only to another {@code serve}'s server, and waits for a command's to be released.
     */
    public static EmbeddedPostgresServer start(Path dataDirectory, boolean serving) {
        Path cluster = dataDirectory.toAbsolutePath().normalize().resolve("pg");
        synchronized (RUNNING) {
            EmbeddedPostgresServer server = RUNNING.computeIfAbsent(cluster, c -> startOrAttach(c, serving));
            server.users++;
            return server;
        }
    }

    /** What a process does when another one holds the lock. */
    enum Step {
        /** Use the other process's server: it is ready. */
        ATTACH,
        /** The other process's server is being created or started: wait, for at most {@link #READY_WAIT}. */
        WAIT_UNTIL_READY,
        /** The web platform and a command's server, which stops with the command: wait until the command ends. */
        WAIT_FOR_COMMAND
    }

    /**
     * The step for a process ({@code serving}: {@code serve}) finding the lock held by an owner ({@code "serve"},
     * {@code "command"}, or null when it has not said yet, or is a version that does not say) whose server is ready on
     * {@code readyPort} (null: not ready).
     */
    static Step next(String owner, Integer readyPort, boolean serving) {
        if (serving && "command".equals(owner)) {
            return Step.WAIT_FOR_COMMAND;
        }
        return readyPort != null ? Step.ATTACH : Step.WAIT_UNTIL_READY;
    }

    private static EmbeddedPostgresServer startOrAttach(Path cluster, boolean serving) {
        try {
            Files.createDirectories(cluster);
            Path lockFile = cluster.resolveSibling("pg.lock");
            long readyBy = System.nanoTime() + READY_WAIT.toNanos();
            boolean toldWaiting = false, toldStopping = false;
            while (true) {
                FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = channel.tryLock();
                if (lock != null) {
                    writeOwner(channel, serving);
                    return startOwn(cluster, channel);
                }
                channel.close();
                String[] owner = owner(lockFile);
                Integer port = readyPort(cluster);
                switch (next(owner[1], port, serving)) {
                    case ATTACH -> {
                        EmbeddedPostgresServer attached = attach(cluster, serving);
                        if (attached != null) {
                            return attached;
                        }
                        if (!toldStopping) {
                            log.info("The embedded PostgreSQL of {} is being stopped by its process: waiting to start it again", cluster);
                            toldStopping = true;
                        }
                        if (System.nanoTime() > readyBy) {
                            throw new IOException("another Triple Helix process" + (owner[0] == null ? "" : " (pid " + owner[0] + ")")
                                    + " holds " + lockFile + " and did not stop its database within " + READY_WAIT.toMinutes() + " minutes");
                        }
                    }
                    case WAIT_FOR_COMMAND -> {
                        if (!toldWaiting) {
                            log.warn("A helix command (pid {}) is using {}: the web platform starts when it ends", owner[0],
                                    cluster.getParent());
                            toldWaiting = true;
                        }
                        readyBy = System.nanoTime() + READY_WAIT.toNanos(); // the command's time is not the server's
                    }
                    case WAIT_UNTIL_READY -> {
                        if (System.nanoTime() > readyBy) {
                            throw new IOException("another Triple Helix process" + (owner[0] == null ? "" : " (pid " + owner[0] + ")")
                                    + " holds " + lockFile + " but its database did not become ready within "
                                    + READY_WAIT.toMinutes() + " minutes");
                        }
                    }
                }
                Thread.sleep(250);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + cluster + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the embedded PostgreSQL in " + cluster, e);
        }
    }

    /**
     * This process using the running server, registered in {@code DATA/pg.users} so that its owner waits for it before
     * stopping the server; null when the owner has begun to stop it.
     */
    private static EmbeddedPostgresServer attach(Path cluster, boolean serving) throws IOException {
        DatabaseUsers.Use use = DatabaseUsers.register(cluster.resolveSibling("pg.users"), serving);
        if (use == null) {
            return null;
        }
        Integer port = readyPort(cluster); // registered, so still ready unless it was stopping when this process looked
        if (port == null) {
            use.close();
            return null;
        }
        log.info("Using the embedded PostgreSQL already running for {}", cluster);
        return new EmbeddedPostgresServer(cluster, null, null, use, port);
    }

    /** Says in the lock file who holds it: this process's pid, and {@code serve} or {@code command}. */
    private static void writeOwner(FileChannel channel, boolean serving) throws IOException {
        channel.truncate(0);
        channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + " " + (serving ? "serve" : "command") + "\n")
                .getBytes(StandardCharsets.US_ASCII)), 0);
        channel.force(false);
    }

    /** The pid and the role ({@code serve}, {@code command}) the lock's holder wrote, each null when not (yet) written. */
    static String[] owner(Path lockFile) throws IOException {
        String[] words = Files.readString(lockFile, StandardCharsets.US_ASCII).strip().split("\\s+");
        return words.length == 2 && words[0].matches("[0-9]{1,18}") && words[1].matches("serve|command")
                ? words : new String[] {null, null};
    }

    /**
     * The port of the server running on {@code cluster} once it accepts connections: its {@code postmaster.pid} names a
     * live process and says {@code ready} (PostgreSQL's status line). Else null: no server, one being created (initdb's
     * bootstrap writes the file too, with the default port), starting or stopping.
     */
    static Integer readyPort(Path cluster) throws IOException {
        Path pidFile = cluster.resolve("postmaster.pid");
        List<String> lines;
        try {
            lines = Files.readAllLines(pidFile);
        } catch (java.nio.file.NoSuchFileException e) {
            return null;
        }
        if (lines.size() < 8 || !lines.get(7).strip().equals("ready") || !lines.get(0).strip().matches("[0-9]{1,18}")
                || !lines.get(3).strip().matches("[0-9]{1,5}")) {
            return null;
        }
        boolean alive = ProcessHandle.of(Long.parseLong(lines.get(0).strip())).map(ProcessHandle::isAlive).orElse(false);
        return alive ? Integer.valueOf(lines.get(3).strip()) : null;
    }

    private static EmbeddedPostgresServer startOwn(Path cluster, FileChannel channel) throws IOException {
        try {
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
        } catch (IOException | RuntimeException e) {
            channel.close(); // releases the lock: a process waiting for it may start the server
            throw e;
        }
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
            if (stopped) {
                return;
            }
            stopped = true;
        }
        if (postgres == null) {
            release(use, "pg.users"); // the owner may stop its server now, as far as this process goes
            return;
        }
        FileChannel users = waitForAttachedProcesses();
        try {
            postgres.close();
        } catch (IOException e) {
            log.warn("Stopping the embedded PostgreSQL failed: {}", e.getMessage());
        } finally {
            release(lockChannel, "pg.lock");
            release(users, "pg.users"); // after the lock: a process waiting to attach then finds the server stopped, and starts its own
        }
    }

    /**
     * Waits until no other process uses the server, and returns {@code DATA/pg.users} held so that none starts to
     * while it stops; null when not held (Ctrl-C or kill during the wait, or the file could not be used).
     */
    private FileChannel waitForAttachedProcesses() {
        Path data = cluster.getParent();
        try {
            return DatabaseUsers.waitUntilUnused(cluster.resolveSibling("pg.users"),
                    users -> log.warn(DatabaseUsers.waitingMessage(data, users)));
        } catch (IOException e) {
            log.warn("Could not tell whether another helix process uses the database of {} ({}): stopping it", data, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return null;
    }

    private void release(AutoCloseable file, String name) {
        if (file == null) {
            return;
        }
        try {
            file.close();
        } catch (Exception e) {
            log.warn("Releasing {} failed: {}", cluster.resolveSibling(name), e.getMessage());
        }
    }
}

package org.triplehelix.shared.db;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * {@code DATA/pg.users}: the processes using the embedded PostgreSQL that another process of the installation started
 * ({@link EmbeddedPostgresServer}), so that its owner does not stop it under them.
 *
 * <p>A process using another's server holds, as long as it uses it, a shared lock on the file's first byte (the gate),
 * and an exclusive lock on a slot of its own where it wrote its pid and role. The owner, ending, takes the gate
 * exclusively: it gets it once no other process uses the server, and holding it keeps any new one from starting to
 * while the server stops (that one finds the gate taken, and waits to start a server of its own). The locks are the
 * operating system's: those of a process that was killed (kill -9) are released with it, so a killed process is never
 * waited for.
 */
final class DatabaseUsers {

    /** The slots naming the users; a user that finds none free is waited for all the same, without its pid. */
    static final int SLOTS = 64;
    private static final int SLOT = 32;
    private static final long GATE = 0;

    private DatabaseUsers() {
    }

    /** A process's use of another's server: its locks on {@code DATA/pg.users}, released when closed. */
    static final class Use implements AutoCloseable {

        private final FileChannel channel;

        private Use(FileChannel channel) {
            this.channel = channel;
        }

        @Override
        public void close() throws IOException {
            channel.close(); // releases both locks
        }
    }

    /** A process using the server: its pid, and {@code serve} or {@code command}. */
    record User(long pid, String role) {

        @Override
        public String toString() {
            return pid + " (" + ("serve".equals(role) ? "serve" : "a command") + ")";
        }
    }

    /**
     * This process, using the server from now on ({@code serving}: it is {@code serve}); null when the server's owner
     * has begun to stop it. The channel of {@code file} must be this process's only one: closing another would release
     * its locks (POSIX record locks belong to the process).
     */
    static Use register(Path file, boolean serving) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        try {
            if (channel.tryLock(GATE, 1, true) == null) {
                channel.close();
                return null;
            }
            for (int slot = 0; slot < SLOTS; slot++) {
                if (channel.tryLock(offset(slot), SLOT, false) != null) {
                    String record = ProcessHandle.current().pid() + " " + (serving ? "serve" : "command");
                    channel.write(ByteBuffer.wrap(String.format("%-" + (SLOT - 1) + "s\n", record).getBytes(StandardCharsets.US_ASCII)),
                            offset(slot));
                    break;
                }
            }
            return new Use(channel);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /**
     * For the server's owner: returns once no other process uses the server, holding the gate (the returned channel;
     * closed after the server stopped) so that none starts using it meanwhile. {@code waiting} is told once, with the
     * processes waited for, when there are any. While it waits, an interrupt (Ctrl-C, a second one when it is the
     * first that stops the process) or a kill ends the wait at once: it returns null, and the server is stopped under
     * the processes using it.
     */
    static FileChannel waitUntilUnused(Path file, Consumer<List<User>> waiting) throws IOException, InterruptedException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        AtomicBoolean stopNow = new AtomicBoolean();
        Runnable restoreSignals = null;
        try {
            while (channel.tryLock(GATE, 1, false) == null) {
                if (restoreSignals == null) {
                    restoreSignals = onStopSignals(stopNow);
                    waiting.accept(users(channel));
                }
                if (stopNow.get()) {
                    channel.close();
                    return null;
                }
                Thread.sleep(200);
            }
            return channel;
        } catch (IOException | InterruptedException | RuntimeException e) {
            channel.close();
            throw e;
        } finally {
            if (restoreSignals != null) {
                restoreSignals.run();
            }
        }
    }

    /** The processes holding a slot now. */
    private static List<User> users(FileChannel channel) throws IOException {
        List<User> users = new ArrayList<>();
        for (int slot = 0; slot < SLOTS; slot++) {
            FileLock free = channel.tryLock(offset(slot), SLOT, true);
            if (free != null) {
                free.release();
                continue;
            }
            ByteBuffer record = ByteBuffer.allocate(SLOT);
            channel.read(record, offset(slot));
            String[] words = new String(record.array(), 0, record.position(), StandardCharsets.US_ASCII).strip().split("\\s+");
            if (words.length == 2 && words[0].matches("[0-9]{1,18}") && words[1].matches("serve|command")) {
                users.add(new User(Long.parseLong(words[0]), words[1]));
            }
        }
        return users;
    }

    /**
     * What the owner says while it waits: how many processes, which, and how not to wait. {@code users} is empty when
     * none of them could be named (more than {@link #SLOTS} of them, or one still writing its record).
     */
    static String waitingMessage(Path data, List<User> users) {
        String who = switch (users.size()) {
            case 0 -> "other helix processes";
            case 1 -> "1 other helix process";
            default -> users.size() + " other helix processes";
        };
        String pids = users.isEmpty() ? "" : ": pid" + (users.size() == 1 ? " " : "s ")
                + String.join(", ", users.stream().map(User::toString).toList());
        return "Waiting for " + who + " using this database (" + data + ") to finish before stopping it" + pids
                + "; Ctrl-C or kill stops it now";
    }

    private static long offset(int slot) {
        return (long) SLOT * (slot + 1);
    }

    /**
     * Ctrl-C and kill (SIGINT, SIGTERM) set {@code stopNow} instead of what they did, until the returned action puts
     * that back. Not possible when the JVM does not let them be handled (java -Xrs): kill -9 then ends the process, and
     * the next start stops the PostgreSQL it leaves and recovers the database from its write-ahead log.
     */
    private static Runnable onStopSignals(AtomicBoolean stopNow) {
        List<Runnable> restore = new ArrayList<>();
        for (String name : List.of("INT", "TERM")) {
            try {
                Signal signal = new Signal(name);
                SignalHandler before = Signal.handle(signal, s -> stopNow.set(true));
                restore.add(() -> Signal.handle(signal, before));
            } catch (IllegalArgumentException | UnsupportedOperationException e) {
                // this signal is the JVM's or the system's: not handled here
            }
        }
        return () -> restore.forEach(Runnable::run);
    }
}

package org.triplehelix.shared.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a process does when another one holds the installation's database, and how it reads the other's files. */
class EmbeddedPostgresServerTests {

    @TempDir
    Path cluster;

    @Test
    void serveWaitsForACommandsServerWhichEndsWithTheCommandAndAttachesToAnotherServesOnceReady() {
        assertThat(EmbeddedPostgresServer.next("command", 25432, true)).isEqualTo(EmbeddedPostgresServer.Step.WAIT_FOR_COMMAND);
        assertThat(EmbeddedPostgresServer.next("command", null, true)).isEqualTo(EmbeddedPostgresServer.Step.WAIT_FOR_COMMAND);
        assertThat(EmbeddedPostgresServer.next("serve", 25432, true)).isEqualTo(EmbeddedPostgresServer.Step.ATTACH);
        assertThat(EmbeddedPostgresServer.next("serve", null, true)).isEqualTo(EmbeddedPostgresServer.Step.WAIT_UNTIL_READY);
    }

    @Test
    void aCommandAttachesToAnyServerOnceReadyAndWaitsWhileItStarts() {
        for (String owner : new String[] {"serve", "command", null}) {
            assertThat(EmbeddedPostgresServer.next(owner, 25432, false)).as(owner).isEqualTo(EmbeddedPostgresServer.Step.ATTACH);
            assertThat(EmbeddedPostgresServer.next(owner, null, false)).as(owner).isEqualTo(EmbeddedPostgresServer.Step.WAIT_UNTIL_READY);
        }
    }

    @Test
    void aServerIsReadyOnlyWhenItsPidFileSaysReadyAndNamesALiveProcess() throws IOException {
        assertThat(EmbeddedPostgresServer.readyPort(cluster)).as("no file").isNull();
        long alive = ProcessHandle.current().pid();
        pidFile(alive + "\n" + cluster + "\n1764288000\n5432\n/tmp\n\n\n"); // initdb's bootstrap: no status, the default port
        assertThat(EmbeddedPostgresServer.readyPort(cluster)).as("being created").isNull();
        pidFile(alive + "\n" + cluster + "\n1764288000\n25432\n/tmp\n127.0.0.1\n  1234   5678\nstarting\n");
        assertThat(EmbeddedPostgresServer.readyPort(cluster)).as("starting").isNull();
        pidFile(alive + "\n" + cluster + "\n1764288000\n25432\n/tmp\n127.0.0.1\n  1234   5678\nready   \n");
        assertThat(EmbeddedPostgresServer.readyPort(cluster)).as("ready").isEqualTo(25432);
        long gone = ProcessHandle.allProcesses().mapToLong(ProcessHandle::pid).max().orElseThrow() + 100_000;
        pidFile(gone + "\n" + cluster + "\n1764288000\n25432\n/tmp\n127.0.0.1\n  1234   5678\nready   \n");
        assertThat(EmbeddedPostgresServer.readyPort(cluster)).as("its process gone").isNull();
    }

    @Test
    void theLocksHolderIsReadOnlyWhenItHasSaidWhoItIs() throws IOException {
        Path lock = cluster.resolve("pg.lock");
        Files.writeString(lock, "4242 command\n");
        assertThat(EmbeddedPostgresServer.owner(lock)).containsExactly("4242", "command");
        Files.writeString(lock, "4242 serve\n");
        assertThat(EmbeddedPostgresServer.owner(lock)).containsExactly("4242", "serve");
        for (String unsaid : new String[] {"", "4242", "4242 server", "x serve"}) {
            Files.writeString(lock, unsaid);
            assertThat(EmbeddedPostgresServer.owner(lock)).as(unsaid).containsExactly(null, null);
        }
    }

    private void pidFile(String content) throws IOException {
        Files.writeString(cluster.resolve("postmaster.pid"), content);
    }
}

package org.triplehelix.shared.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two processes starting on one installation at once ({@code ./helix serve &} then {@code ./helix user add}): the one
 * that finds the lock held while the other's database is not running yet waits for it, instead of failing, and
 * {@code serve} never attaches to a command's database, which stops when the command ends. The other process is a
 * second JVM that holds the lock a moment as a command would, before its database is ready.
 */
class EmbeddedPostgresWaitIntegrationTests {

    private static final String LOCK_HOLDER = """
            import java.nio.ByteBuffer;
            import java.nio.channels.FileChannel;
            import java.nio.file.Path;
            import java.nio.file.StandardOpenOption;

            public class LockHolder {
                public static void main(String[] args) throws Exception {
                    try (FileChannel channel = FileChannel.open(Path.of(args[0]), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                        if (channel.tryLock() == null) {
                            System.exit(3);
                        }
                        channel.truncate(0);
                        channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + " " + args[1] + "\\n").getBytes()), 0);
                        System.out.println("locked");
                        System.out.flush();
                        Thread.sleep(Long.parseLong(args[2]));
                    }
                }
            }
            """;

    @TempDir
    Path data;

    @ParameterizedTest(name = "serving {0}")
    @CsvSource({"false", "true"})
    void aProcessFindingTheLockHeldByACommandWhoseDatabaseIsNotReadyWaitsThenStartsItsOwn(boolean serving) throws Exception {
        Path source = Files.writeString(data.resolve("LockHolder.java"), LOCK_HOLDER);
        Path lock = data.resolve("pg.lock");
        Process command = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(), source.toString(),
                lock.toString(), "command", "3000").redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(command.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(out.readLine()).isEqualTo("locked");

            try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(data, serving)) {
                // the lock is this process's now: the other one's was waited for, not failed on nor attached to
                assertThat(EmbeddedPostgresServer.owner(lock))
                        .containsExactly(String.valueOf(ProcessHandle.current().pid()), serving ? "serve" : "command");
                assertThat(command.waitFor(30, TimeUnit.SECONDS)).isTrue();
                assertThat(command.exitValue()).isZero();
                SimpleDriverDataSource database = new SimpleDriverDataSource(new org.postgresql.Driver(), server.jdbcUrl(), "postgres", "");
                assertThat(JdbcClient.create(database).sql("select 1").query(Integer.class).single()).isEqualTo(1);
            }
        } finally {
            command.destroyForcibly();
        }
    }
}

package org.triplehelix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
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
}

package org.triplehelix.cli;

import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;
import picocli.CommandLine.ScopeType;

/**
 * {@code ./helix}: the platform's command line. Options common to every command ({@code --data},
 * {@code --db-url}) are accepted before or after the command name. Each command starts the part of
 * the application it needs through {@link Platform}.
 */
@Command(name = "helix", mixinStandardHelpOptions = true, scope = ScopeType.INHERIT, version = "Triple Helix 0.1",
        description = "Triple Helix, the platform of a regional science-and-technology innovation center.",
        subcommands = {
                ServeCommand.class,
                ImportCommand.class,
                ExportCommand.class,
                MatchCommand.class,
                EvalCommand.class,
                IndexCommand.class,
                UserCommand.class,
                DemoCommand.class,
                BenchCommand.class,
                CommandLine.HelpCommand.class})
public class HelixCommand {

    /** Returned by a command that leaves the application running (serve). */
    public static final int KEEP_RUNNING = Integer.MIN_VALUE;

    @Option(names = "--data", scope = ScopeType.INHERIT, paramLabel = "DIR", defaultValue = "data",
            description = "Directory of this installation: embedded database and search index (default: ./data).")
    Path data;

    @Option(names = "--db-url", scope = ScopeType.INHERIT, paramLabel = "JDBC_URL",
            description = "An external PostgreSQL (jdbc:postgresql://host:port/db); user and password from HELIX_DB_USER and HELIX_DB_PASSWORD.")
    String dbUrl;

    @Option(names = "--search-url", scope = ScopeType.INHERIT, paramLabel = "URL",
            description = "The search index in an OpenSearch cluster (http://host:9200, several separated by commas) instead of DATA/index.")
    String searchUrl;

    private final Class<?> application;

    @Spec
    CommandSpec spec;

    HelixCommand(Class<?> application) {
        this.application = application;
    }

    /** Runs the command line for the Spring Boot application class {@code application}. */
    public static int run(Class<?> application, String... args) {
        CommandLine commandLine = new CommandLine(new HelixCommand(application));
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            IndexCommand.Bar.endOpenLine(); // a task that failed half-way left its progress bar's line open: the message starts a line
            cmd.getErr().println(cmd.getCommandSpec().qualifiedName() + ": " + Platform.describe(e));
            return 1;
        });
        if (args.length == 0) {
            commandLine.usage(System.out);
            return 2;
        }
        return commandLine.execute(args);
    }

    Class<?> application() {
        return application;
    }

    /** {@code --data}, wherever it was given: before the command name or after it. */
    public Path data() {
        return option("--data", data);
    }

    /** {@code --db-url}, wherever it was given, or null for the embedded database. */
    public String dbUrl() {
        return option("--db-url", dbUrl);
    }

    /** {@code --search-url}, wherever it was given, or null for the embedded search index. */
    public String searchUrl() {
        return option("--search-url", searchUrl);
    }

    /** An inherited option's value from the innermost command that was given it (picocli keeps one copy per command). */
    private <T> T option(String name, T topLevelValue) {
        T value = topLevelValue;
        ParseResult parsed = spec.commandLine().getParseResult();
        while (parsed != null) {
            if (parsed.hasMatchedOption(name)) {
                value = parsed.matchedOptionValue(name, value);
            }
            parsed = parsed.subcommand();
        }
        return value;
    }
}

package org.triplehelix.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code helix serve}: the web platform, with the demo loaded into an empty registry. */
@Command(name = "serve", description = "Run the web platform (http://localhost:8080 by default).")
class ServeCommand implements Callable<Integer> {

    @ParentCommand
    HelixCommand global;

    @Option(names = "--port", defaultValue = "8080", description = "HTTP port (default: 8080).")
    int port;

    @Option(names = "--no-demo", description = "Do not load the bundled demo data into an empty registry.")
    boolean noDemo;

    @Override
    public Integer call() {
        Platform.web(global, Map.of(
                "server.port", String.valueOf(port),
                "helix.demo.enabled", String.valueOf(!noDemo),
                "helix.serving", "true")); // the embedded database waits for a command's server rather than attach to it
        return HelixCommand.KEEP_RUNNING;
    }
}

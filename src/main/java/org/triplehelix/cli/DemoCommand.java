package org.triplehelix.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.triplehelix.registry.demo.DemoConverter;
import org.triplehelix.shared.Counts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code helix demo convert}: rebuilds the bundled demo's JSON Lines from the copied public data sources. */
@Command(name = "demo", description = "The bundled demo data.", subcommands = DemoCommand.Convert.class)
class DemoCommand {

    @Command(name = "convert", description = "Convert the public data sources into the demo's interchange JSON Lines and manifest.")
    static class Convert implements Callable<Integer> {

        @Option(names = "--source", paramLabel = "DIR", defaultValue = "data-sources",
                description = "Folder of the source files, laid out as data-sources/ (default: data-sources).")
        Path source;

        @Option(names = "--out", paramLabel = "DIR", defaultValue = "src/main/resources/demo",
                description = "Where to write the JSON Lines and manifest.txt (default: src/main/resources/demo).")
        Path out;

        @Override
        public Integer call() throws Exception {
            Map<String, Integer> counts = new DemoConverter(source, out).convert();
            counts.forEach((file, records) -> System.out.printf("%-20s %,8d %s%n", file, records, Counts.noun(records, "record")));
            System.out.println("wrote " + out.resolve(DemoConverter.MANIFEST));
            return 0;
        }
    }
}

package org.triplehelix.cli;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.springframework.context.ConfigurableApplicationContext;
import org.triplehelix.registry.FileFormat;
import org.triplehelix.registry.RecordKind;
import org.triplehelix.registry.RegistryExport;
import org.triplehelix.shared.Counts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code helix export --kind KIND FILE}: every record of a kind, in JSON Lines (docs/interchange.md),
 * or in the CSV or XLSX template when FILE ends in .csv or .xlsx; {@code -} writes JSON Lines to
 * standard output.
 */
@Command(name = "export", description = "Export every record of a kind: JSON Lines (INTERCHANGE.md), or CSV / XLSX by the file's extension.")
class ExportCommand implements Callable<Integer> {

    @ParentCommand
    HelixCommand global;

    @Spec
    CommandSpec spec;

    @Option(names = "--kind", required = true, paramLabel = "KIND", description = "organization, person, output or facility.")
    String kind;

    @Parameters(paramLabel = "FILE", description = "Where to write (- for standard output).")
    Path file;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        RecordKind recordKind = RecordKind.fromInterchange(kind).orElse(null);
        if (recordKind == null) {
            err.println("helix export: unknown kind " + kind + " (" + Arrays.stream(RecordKind.values())
                    .map(RecordKind::interchangeName).collect(Collectors.joining(", ")) + ")");
            return 2;
        }
        boolean toStdout = file.toString().equals("-");
        FileFormat format = FileFormat.of(file.toString()).orElse(FileFormat.JSON_LINES);
        try (ConfigurableApplicationContext context = Platform.services(global);
             OutputStream out = toStdout ? nonClosing(System.out) : new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            long count = context.getBean(RegistryExport.class).export(recordKind, format, out);
            err.println(count + " " + recordKind.interchangeName() + " " + Counts.noun(count, "record") + " written" + (toStdout ? "" : " to " + file));
            return 0;
        }
    }

    private static OutputStream nonClosing(OutputStream out) {
        return new java.io.FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws java.io.IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws java.io.IOException {
                flush();
            }
        };
    }
}

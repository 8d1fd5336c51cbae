package org.triplehelix.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import org.triplehelix.registry.FileFormat;
import org.triplehelix.registry.ImportListener;
import org.triplehelix.registry.ImportProgress;
import org.triplehelix.registry.ImportRejection;
import org.triplehelix.registry.ImportReport;
import org.triplehelix.registry.ImportSource;
import org.triplehelix.registry.RegistryImport;
import org.triplehelix.shared.Counts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code helix import FILE...}: imports files in the interchange formats together (links may
 * cross them). Prints every rejected record as {@code file:line id: reason}, the warnings and a
 * summary; a progress bar on standard error. Exit status 0 when every record went in, 1 when some
 * were rejected, 2 on a usage error.
 */
@Command(name = "import", description = "Import records: .jsonl (docs/interchange.md), .csv and .xlsx (the templates of docs/import.md).")
class ImportCommand implements Callable<Integer> {

    @ParentCommand
    HelixCommand global;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Files to import together (.jsonl, .csv, .xlsx).")
    List<Path> files;

    @Option(names = "--illustrative", description = "Mark every imported record as illustrative (invented for a demo, not real data).")
    boolean illustrative;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<ImportSource> sources = new ArrayList<>();
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                err.println("helix import: no such file: " + file);
                return 2;
            }
            if (FileFormat.of(file.toString()).isEmpty()) {
                err.println("helix import: unknown format of " + file + " (use .jsonl, .csv or .xlsx)");
                return 2;
            }
            sources.add(ImportSource.of(file, illustrative));
        }
        try (ConfigurableApplicationContext context = Platform.services(global)) {
            ProgressBar bar = ProgressBar.onTerminal(err);
            ImportReport report;
            try {
                report = context.getBean(RegistryImport.class).run(sources, new ImportListener() {
                    @Override
                    public void rejected(ImportRejection rejection) {
                        bar.clear();
                        out.println(rejection);
                    }

                    @Override
                    public void warning(String warning) {
                        bar.clear();
                        out.println("warning: " + warning);
                    }

                    @Override
                    public void progress(ImportProgress progress) {
                        bar.show(progress);
                    }
                });
            } finally {
                bar.clear(); // an import that failed half-way leaves no bar on the line its error is told on
            }
            out.println(summary(report));
            out.flush();
            return report.rejected() > 0 ? 1 : 0;
        }
    }

    static String summary(ImportReport report) {
        return String.format(Locale.ROOT, "%s (%d new, %d changed, %d unchanged, %d replaced by a later record with the same id), %s; %s in %.1f s, %.0f records/s",
                report.summary(), report.inserted(), report.updated(), report.unchanged(), report.superseded(),
                Counts.of(report.warnings().size(), "warning"), Counts.of(report.read(), "record"), report.elapsed().toNanos() / 1e9,
                report.recordsPerSecond());
    }

    /** A one-line progress bar redrawn in place on a terminal; silent when standard error is not one. */
    static final class ProgressBar {

        private static final int WIDTH = 30;
        private final PrintWriter err;
        private final boolean enabled;
        private final long started = System.nanoTime();
        private long lastDrawn;
        private boolean drawn;

        private ProgressBar(PrintWriter err, boolean enabled) {
            this.err = err;
            this.enabled = enabled;
        }

        static ProgressBar onTerminal(PrintWriter err) {
            return new ProgressBar(err, System.console() != null && System.console().isTerminal());
        }

        void show(ImportProgress progress) {
            long now = System.nanoTime();
            if (!enabled || now - lastDrawn < 200_000_000L) {
                return;
            }
            lastDrawn = now;
            double fraction = progress.fraction();
            int filled = fraction < 0 ? 0 : (int) Math.round(fraction * WIDTH);
            double seconds = Math.max(1e-3, (now - started) / 1e9);
            String percent = fraction < 0 ? "   " : String.format(Locale.ROOT, "%3d%%", Math.round(fraction * 100));
            err.print(String.format(Locale.ROOT, "\r[%s%s] %s %,d %s, %,.0f/s, %s %s\u001b[K", "#".repeat(filled),
                    " ".repeat(WIDTH - filled), percent, progress.records(), Counts.noun(progress.records(), "record"), progress.records() / seconds, progress.phase(),
                    Path.of(progress.file()).getFileName()));
            err.flush();
            drawn = true;
        }

        void clear() {
            if (drawn) {
                err.print("\r\u001b[K");
                err.flush();
                drawn = false;
                lastDrawn = 0;
            }
        }
    }
}

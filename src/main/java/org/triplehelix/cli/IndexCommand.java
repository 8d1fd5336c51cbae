package org.triplehelix.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.springframework.context.ConfigurableApplicationContext;
import org.triplehelix.matching.EntityKind;
import org.triplehelix.matching.IndexMaintenance;
import org.triplehelix.matching.IndexStatus;
import org.triplehelix.matching.Progress;
import org.triplehelix.shared.Counts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code helix index rebuild|status}: the search index, derived from the database. */
@Command(name = "index", description = "The search index: rebuild it, or show its state.",
        subcommands = {IndexCommand.Rebuild.class, IndexCommand.Status.class})
class IndexCommand {

    @ParentCommand
    HelixCommand global;

    @Command(name = "rebuild", description = "Rebuild the search index from the database, then compute the missing embeddings.")
    static class Rebuild implements Callable<Integer> {

        @ParentCommand
        IndexCommand index;

        @Option(names = "--threads", description = "Threads computing embeddings (default: helix.embedding.threads, 1).")
        Integer threads;

        @Option(names = "--lexical-only", description = "Do not compute missing embeddings now (the server fills them in).")
        boolean lexicalOnly;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            if (threads != null && threads < 1) {
                // told before the rebuild, not taken silently as 1
                throw new ParameterException(spec.commandLine(), "Invalid value for option '--threads': " + threads + " (at least 1)");
            }
            try (ConfigurableApplicationContext services = Platform.services(index.global)) {
                IndexMaintenance maintenance = services.getBean(IndexMaintenance.class);
                maintenance.rebuild(new Bar(System.err));
                if (!lexicalOnly) {
                    maintenance.embedMissing(new Bar(System.err), threads != null ? threads
                            : services.getEnvironment().getProperty("helix.embedding.threads", Integer.class, 1));
                }
                print(maintenance.status(), System.out);
                return 0;
            }
        }
    }

    @Command(name = "status", description = "Show what the index holds and how much of the semantic index is ready.")
    static class Status implements Callable<Integer> {

        @ParentCommand
        IndexCommand index;

        @Override
        public Integer call() {
            try (ConfigurableApplicationContext services = Platform.services(index.global)) {
                print(services.getBean(IndexMaintenance.class).status(), System.out);
                return 0;
            }
        }
    }

    static void print(IndexStatus status, PrintStream out) {
        out.printf(Locale.ROOT, "%-14s %10s %10s%n", "kind", "index", "database");
        for (EntityKind kind : EntityKind.values()) {
            out.printf(Locale.ROOT, "%-14s %10d %10s%n", kind.id(), status.index().documents().getOrDefault(kind, 0L),
                    status.database().containsKey(kind) ? String.valueOf(status.database().get(kind)) : "-");
        }
        out.printf(Locale.ROOT, "semantic index %d%% ready (%d of %s; %s of %s)%n", status.semanticPercent(), status.index().withVector(),
                Counts.of(status.index().embeddable(), "vector"), Counts.of(status.cachedEmbeddings(), "cached embedding"), status.model());
        out.printf(Locale.ROOT, "version        %s%s%s%n", status.index().stamp(), status.stale() ? " (stale: needs a rebuild)" : "",
                status.readOnly() ? " (read-only: another process holds it)" : "");
    }

    /**
     * A progress bar on standard error, redrawn at most five times a second. Its line stays open while
     * it is drawn (each redraw returns to the line's start); {@link #endOpenLine()} ends it, so that a
     * message printed after a task that failed half-way starts on a line of its own.
     */
    static final class Bar implements Progress {

        /** The bar whose line is drawn and not yet ended, if any: one at a time, as a command runs one task at a time. */
        private static Bar open;

        private final PrintStream err;
        private String task = "";
        private long total;
        private long started;
        private long lastDraw;
        private long done;

        Bar(PrintStream err) {
            this.err = err;
        }

        /** Ends the line of a bar left drawn by a task that did not finish (an error is about to be told); nothing else. */
        static void endOpenLine() {
            synchronized (Bar.class) {
                if (open != null) {
                    open.err.println();
                    open.err.flush();
                    open = null;
                }
            }
        }

        /**
         * Has the log end a drawn bar's line before it writes an event (a library's warning in the middle of a task), so
         * that the event does not continue the bar's line; the next redraw starts the bar on a line of its own. Installed
         * once the platform has started (Spring Boot resets the log's configuration as it starts); a no-op without Logback.
         */
        static void endLineBeforeLogs() {
            if (LoggerFactory.getILoggerFactory() instanceof LoggerContext log
                    && log.getTurboFilterList().stream().noneMatch(EndLineBeforeLogs.class::isInstance)) {
                log.addTurboFilter(new EndLineBeforeLogs());
            }
        }

        /** Ends an open bar's line before an event the log will write (its level at least the logger's). */
        static final class EndLineBeforeLogs extends TurboFilter {

            @Override
            public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
                // the effective level, not logger.isEnabledFor(level): that asks the turbo filters again
                if (level != null && logger != null && level.isGreaterOrEqual(logger.getEffectiveLevel()) && (format != null || t != null)) {
                    endOpenLine();
                }
                return FilterReply.NEUTRAL;
            }
        }

        @Override
        public void start(String name, long count) {
            task = name;
            total = Math.max(0, count);
            started = System.nanoTime();
            lastDraw = 0;
            done = 0;
            draw();
        }

        @Override
        public void advance(long value) {
            done = value;
            long now = System.nanoTime();
            if (now - lastDraw > 200_000_000L) {
                lastDraw = now;
                draw();
            }
        }

        @Override
        public void finish() {
            synchronized (Bar.class) {
                draw();
                err.println();
                open = null;
            }
        }

        private void draw() {
            double seconds = Math.max(1e-3, (System.nanoTime() - started) / 1e9);
            double rate = done / seconds;
            double share = total == 0 ? 1 : Math.min(1, (double) done / total);
            int width = 30;
            int filled = (int) Math.round(share * width);
            long eta = rate > 0 ? Math.round((total - done) / rate) : 0;
            synchronized (Bar.class) {
                err.printf(Locale.ROOT, "\r%-10s [%s%s] %3d%% %d/%d %.0f/s ETA %d:%02d   ", task, "#".repeat(filled), " ".repeat(width - filled),
                        Math.round(share * 100), done, total, rate, eta / 60, eta % 60);
                err.flush();
                open = this;
            }
        }
    }
}

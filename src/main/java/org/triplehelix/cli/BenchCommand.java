package org.triplehelix.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.springframework.context.ConfigurableApplicationContext;
import org.triplehelix.registry.ImportListener;
import org.triplehelix.registry.ImportReport;
import org.triplehelix.registry.ImportSource;
import org.triplehelix.registry.RegistryImport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code helix bench …}: measurements of the platform on this machine. */
@Command(name = "bench", description = "Measure the platform on this machine.", subcommands = {BenchCommand.ImportBench.class, BenchMatchCommand.class, BenchInsightCommand.class,
        BenchNavCommand.class})
class BenchCommand implements Callable<Integer> {

    @ParentCommand
    HelixCommand global;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }

    /**
     * {@code helix bench import [FILE]}: imports FILE (else a generated corpus shaped like the
     * social-science fund's: 7 % organizations, 38 % persons, 55 % outputs with links) into a fresh
     * embedded database in a temporary directory, twice, and reports records per second and the
     * peak heap of each run. Start-up of the database is not counted.
     */
    @Command(name = "import", description = "Import throughput and heap: a fresh database, the file imported twice (the second run changes nothing).")
    static class ImportBench implements Callable<Integer> {

        @ParentCommand
        BenchCommand bench;

        @Spec
        CommandSpec spec;

        @Parameters(arity = "0..1", paramLabel = "FILE", description = "A JSON Lines file (default: a generated corpus).")
        Path file;

        @Option(names = "--records", defaultValue = "141971", description = "Records of the generated corpus (default: ${DEFAULT-VALUE}).")
        int records;

        @Option(names = "--keep", description = "Keep the temporary data directory.")
        boolean keep;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            Path directory = Files.createTempDirectory("helix-bench-");
            HelixCommand global = bench.global;
            try {
                Path corpus = file != null ? file : generate(directory.resolve("corpus.jsonl"), records);
                out.println(machine());
                out.println("corpus: " + (file != null ? file : corpus + " (generated, " + records + " records)")
                        + String.format(Locale.ROOT, ", %.1f MB", Files.size(corpus) / 1e6));
                out.flush();
                // a fresh embedded database of its own, whatever --data and --db-url say
                global.data = directory.resolve("data");
                global.dbUrl = null;
                try (ConfigurableApplicationContext context = Platform.services(global)) {
                    RegistryImport imports = context.getBean(RegistryImport.class);
                    for (String run : List.of("first import ", "second import")) {
                        System.gc();
                        resetPeaks();
                        ImportReport report = imports.run(List.of(ImportSource.of(corpus, false)), ImportListener.NONE);
                        out.println(String.format(Locale.ROOT, "%s: %,d records in %.1f s = %,.0f records/s; peak heap %d MB of %d MB; %s",
                                run, report.read(), report.elapsed().toNanos() / 1e9, report.recordsPerSecond(), peakHeapMb(),
                                Runtime.getRuntime().maxMemory() >> 20, ImportCommand.summary(report)));
                        out.flush();
                    }
                }
                return 0;
            } finally {
                if (keep) {
                    out.println("data kept in " + directory);
                } else {
                    delete(directory);
                }
            }
        }

        static String machine() {
            return String.format(Locale.ROOT, "machine: %d cores, Java %s (%s), %s %s, max heap %d MB",
                    Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), System.getProperty("java.vm.name"),
                    System.getProperty("os.name"), System.getProperty("os.arch"), Runtime.getRuntime().maxMemory() >> 20);
        }

        private static void resetPeaks() {
            ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        }

        /** The sum of the heap pools' peaks since the reset: an upper bound of the heap used at once. */
        private static long peakHeapMb() {
            return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                    .mapToLong(p -> p.getPeakUsage().getUsed()).sum() >> 20;
        }

        /** A deterministic corpus with the proportions and links of the fund's corpus. */
        static Path generate(Path target, int records) throws IOException {
            Random random = new Random(42);
            int organizations = Math.max(1, records * 73 / 1000);
            int persons = Math.max(1, records * 382 / 1000);
            int outputs = records - organizations - persons;
            String[] types = {"university", "research_institute", "enterprise", "national_key_laboratory", "other"};
            String[] regions = {"湖北", "武汉市", "北京", "上海", "420100", "广东", "洪山区"};
            String[] words = {"智能", "制造", "光电", "材料", "生物", "医药", "芯片", "网络", "数据", "能源", "汽车", "农业",
                "治理", "经济", "文化", "安全", "算法", "系统", "工程", "技术"};
            try (BufferedWriter writer = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
                for (int i = 0; i < organizations; i++) {
                    writer.write(String.format(Locale.ROOT, "{\"kind\": \"organization\", \"id\": \"org-%06d\", \"name\": \"%s%s研究院%d\", \"type\": \"%s\", \"region\": \"%s\"}%n",
                            i, words[random.nextInt(words.length)], words[random.nextInt(words.length)], i,
                            types[random.nextInt(types.length)], regions[random.nextInt(regions.length)]));
                }
                for (int i = 0; i < persons; i++) {
                    writer.write(String.format(Locale.ROOT, "{\"kind\": \"person\", \"id\": \"person-%06d\", \"name\": \"研究者%d\", \"organization\": \"org-%06d\"}%n",
                            i, i, random.nextInt(organizations)));
                }
                for (int i = 0; i < outputs; i++) {
                    StringBuilder title = new StringBuilder();
                    for (int w = 0; w < 6; w++) {
                        title.append(words[random.nextInt(words.length)]);
                    }
                    String people = random.nextInt(4) == 0
                            ? String.format(Locale.ROOT, "\"person-%06d\", \"person-%06d\"", random.nextInt(persons), random.nextInt(persons))
                            : String.format(Locale.ROOT, "\"person-%06d\"", random.nextInt(persons));
                    writer.write(String.format(Locale.ROOT, "{\"kind\": \"output\", \"id\": \"output-%06d\", \"type\": \"project\", \"title\": \"%s研究\", \"people\": [%s], \"organizations\": [\"org-%06d\"], \"year\": %d, \"discipline\": \"%s\"}%n",
                            i, title, people.contains(",") && people.split(",")[0].equals(people.split(",")[1].strip()) ? people.split(",")[0] : people,
                            random.nextInt(organizations), 2000 + random.nextInt(25), words[random.nextInt(words.length)]));
                }
            }
            return target;
        }

        private static void delete(Path directory) throws IOException {
            try (Stream<Path> paths = Files.walk(directory)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}

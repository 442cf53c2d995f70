package dev.troopwatch.bench;

import dev.troopwatch.cli.VersionProvider;
import dev.troopwatch.kafka.EmbeddedKafkaBroker;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.apache.kafka.streams.StreamsConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code troopwatch bench}: how fast troopwatch is, measured against Kafka's own limit on the same machine. */
@Command(name = "bench", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Benchmarks troopwatch and prints a table plus one JSON line (prefix BENCH-JSON):",
                "1. normalise + extract on one thread (JMH), over generated wires and the dev corpus when present;",
                "2. end-to-end articles/s on an embedded broker (own JVM) under exactly_once_v2 and at_least_once, "
                        + "and a pass-through Streams app over the same records as the limit;",
                "3. publish -> alert latency p50/p95/p99 at fixed input rates under exactly_once_v2;",
                "4. peak heap and RSS, and state size as articles and situations grow;",
                "5. (--sections soak) a long fixed-rate run under exactly_once_v2: live heap, state and lag over time.",
                "The generated wires carry their expected alerts, so every run is also a correctness check."})
public final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--quick", description = "Short smoke run: few articles, short JMH, one 3 s latency run.")
    boolean quick;

    @Option(names = "--articles", paramLabel = "N",
            description = "Articles preloaded for the end-to-end runs. Default: 10000 (--quick: 300).")
    Integer articles;

    @Option(names = "--rates", paramLabel = "R[,R...]", split = ",",
            description = "Input rates (articles/s) for the latency runs. Default: 100,1000 (--quick: 100).")
    List<Integer> rates;

    @Option(names = "--rate-seconds", paramLabel = "S",
            description = "How long each latency run publishes. Default: 20 (--quick: 3).")
    Integer rateSeconds;

    @Option(names = "--repeat", paramLabel = "N", defaultValue = "1",
            description = "Repeat the end-to-end throughput runs N times. Default: ${DEFAULT-VALUE}")
    int repeat;

    @Option(names = "--seed", paramLabel = "SEED", defaultValue = "1",
            description = "Seed of the synthetic wires. Default: ${DEFAULT-VALUE}")
    long seed;

    @Option(names = "--sections", paramLabel = "S[,S...]", split = ",",
            defaultValue = "extraction,throughput,latency",
            description = "Which measurements to run: extraction, throughput, latency, soak. Default: ${DEFAULT-VALUE}")
    List<String> sections;

    @Option(names = "--soak-rate", paramLabel = "R", defaultValue = "500",
            description = "Articles/s of the soak run. Default: ${DEFAULT-VALUE}")
    int soakRate;

    @Option(names = "--soak-minutes", paramLabel = "M",
            description = "How long the soak run sends, in minutes (fractions allowed). Default: 60 (--quick: 1)")
    Double soakMinutes;

    @Option(names = "--soak-sample-seconds", paramLabel = "S",
            description = "Seconds between soak samples (each forces a full GC). Default: 30 (--quick: 5)")
    Double soakSampleSeconds;

    @Option(names = "--shared", paramLabel = "DIR",
            description = "The shared data dir holding corpus/dev. Default: system property troopwatch.shared, "
                    + "else ../shared.")
    Path shared;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Kafka Streams / client property for the troopwatch and pass-through apps, repeatable "
                    + "(e.g. --set commit.interval.ms=50 --set num.stream.threads=2).")
    Map<String, String> settings = Map.of();

    @Option(names = "--broker-heap", paramLabel = "SIZE", defaultValue = "768m",
            description = "-Xmx of the broker JVM. Default: ${DEFAULT-VALUE}")
    String brokerHeap;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Where broker logs and state go. Default: a temporary directory, deleted afterwards.")
    Path dataDir;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the JSON line to FILE.")
    Path jsonFile;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        int n = articles != null ? articles : quick ? 300 : 10_000;
        List<Integer> latencyRates = rates != null ? rates : quick ? List.of(100) : List.of(100, 1000);
        int seconds = rateSeconds != null ? rateSeconds : quick ? 3 : 20;
        double soakSeconds = 60 * (soakMinutes != null ? soakMinutes : quick ? 1 : 60);
        double soakEvery = soakSampleSeconds != null ? soakSampleSeconds : quick ? 5 : 30;
        if (n < 1 || seconds < 1 || repeat < 1 || latencyRates.stream().anyMatch(r -> r < 1) || soakRate < 1
                || soakSeconds <= 0 || soakEvery <= 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--articles, --rates, --rate-seconds, "
                    + "--repeat, --soak-rate, --soak-minutes and --soak-sample-seconds must be positive");
        }
        for (String section : sections) {
            if (!List.of("extraction", "throughput", "latency", "soak").contains(section)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "unknown section " + section);
            }
        }
        BenchReport report = new BenchReport();
        report.context = new BenchReport.Context(Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                Runtime.getRuntime().availableProcessors(), memTotal(), loadAverage(), null,
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                EmbeddedKafkaBroker.kafkaVersion(), "troopwatch " + String.join(" ", spec.commandLine()
                        .getParseResult().originalArgs()), ProcessMemory.maxHeap());
        report.printHeader(out);

        SyntheticWireGenerator generator = SyntheticWireGenerator.withDefaultData();
        if (sections.contains("extraction")) {
            List<String> corpora = new ArrayList<>();
            corpora.add("generated:" + seed + ":" + (quick ? 200 : 2000));
            Path dev = sharedDir().resolve("corpus").resolve("dev");
            if (Files.isDirectory(dev)) {
                corpora.add("dev:" + dev.toAbsolutePath());
            } else {
                report.notes.add("dev corpus not found at " + dev.toAbsolutePath() + "; measured generated wires only");
            }
            report.extraction.addAll(ExtractionRun.run(corpora, quick));
            report.printExtraction(out);
        }

        boolean temporary = dataDir == null;
        Path work = temporary ? Files.createTempDirectory("troopwatch-bench-") : dataDir;
        try {
            if (sections.contains("throughput") || sections.contains("latency") || sections.contains("soak")) {
                runPipeline(report, generator, work, n, latencyRates, seconds, out,
                        Duration.ofMillis(Math.round(soakSeconds * 1000)), Duration.ofMillis(Math.round(soakEvery * 1000)));
            }
        } finally {
            if (temporary) {
                deleteTree(work);
            }
        }
        report.context = new BenchReport.Context(report.context.date(), report.context.cores(),
                report.context.memoryBytes(), report.context.loadBefore(), loadAverage(), report.context.java(),
                report.context.kafka(), report.context.command(), report.context.maxHeap());
        if (sections.contains("throughput") || !sections.contains("soak")) {
            report.printGrowth(out);
        }
        report.printTargets(out);
        String json = report.json();
        out.println("BENCH-JSON " + json);
        out.flush();
        if (jsonFile != null) {
            Files.writeString(jsonFile, json + "\n", StandardCharsets.UTF_8);
        }
        return 0;
    }

    private void runPipeline(BenchReport report, SyntheticWireGenerator generator, Path work, int n,
                             List<Integer> latencyRates, int seconds, PrintWriter out, Duration soakFor,
                             Duration soakEvery) {
        Properties overrides = new Properties();
        overrides.putAll(settings);
        try (ChildBroker broker = ChildBroker.start(work.resolve("broker"), brokerHeap, Duration.ofSeconds(120));
             BenchCluster cluster = new BenchCluster(broker.bootstrapServers())) {
            cluster.applyTopics();
            PipelineBench bench = new PipelineBench(cluster, broker.pid(), work.resolve("app"), overrides, out);
            if (sections.contains("throughput")) {
                SyntheticWire wire = generator.generate(seed, n);
                report.articles = wire.articles().size();
                report.situations = wire.situations();
                cluster.preload(wire.articles());
                if (!quick) {
                    // The JIT compiles the extractor and the Streams internals during the first run; measured cold,
                    // half of the application's CPU went to compiling. Sustained throughput is the warm figure.
                    PipelineBench.Throughput warm = bench.runTroopwatch(StreamsConfig.EXACTLY_ONCE_V2, wire,
                            new ArrayList<>());
                    out.printf(Locale.ROOT, "   warm-up run (exactly_once_v2, not counted): %.0f articles/s, "
                            + "alerts %d/%d%n", warm.articlesPerSecond(), warm.check().expected(), warm.check().raised());
                }
                report.printThroughputHeader(out);
                for (int r = 0; r < repeat; r++) {
                    List<PipelineBench.GrowthPoint> growth = new ArrayList<>();
                    PipelineBench.Throughput eos = bench.runTroopwatch(StreamsConfig.EXACTLY_ONCE_V2, wire, growth);
                    if (r == 0) {
                        report.growth.addAll(growth);
                    }
                    add(report, eos, out);
                    add(report, bench.runTroopwatch(StreamsConfig.AT_LEAST_ONCE, wire, new ArrayList<>()), out);
                    add(report, bench.runPassThrough(StreamsConfig.EXACTLY_ONCE_V2, n), out);
                    add(report, bench.runPassThrough(StreamsConfig.AT_LEAST_ONCE, n), out);
                }
                report.printRatios(out);
            }
            if (sections.contains("latency")) {
                report.printLatencyHeader(out);
                for (int rate : latencyRates) {
                    PipelineBench.Latency latency = bench.runLatency(rate, Duration.ofSeconds(seconds),
                            seed + rate, generator);
                    report.latency.add(latency);
                    report.printLatency(out, latency);
                }
            }
            if (sections.contains("soak")) {
                report.soak = new SoakRun(cluster, bench, broker.pid(), report, out)
                        .run(soakRate, soakFor, soakEvery, seed, generator);
                report.printSoak(out);
            }
            report.brokerPeakRss = ProcessMemory.peakRss(broker.pid());
        }
    }

    private static void add(BenchReport report, PipelineBench.Throughput t, PrintWriter out) {
        report.throughput.add(t);
        report.printThroughput(out, t);
    }

    private Path sharedDir() {
        if (shared != null) {
            return shared;
        }
        return Path.of(System.getProperty("troopwatch.shared", "../shared"));
    }

    private static long memTotal() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/meminfo"))) {
            return lines.filter(l -> l.startsWith("MemTotal:")).findFirst()
                    .map(l -> Long.parseLong(l.replaceAll("\\D", "")) * 1024).orElse(-1L);
        } catch (IOException | UncheckedIOException | NumberFormatException e) {
            return -1;
        }
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).strip().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | ArrayIndexOutOfBoundsException e) {
            return String.valueOf(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // A leftover temp dir is harmless; the figures are already printed.
        }
    }
}

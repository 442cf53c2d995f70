package dev.troopwatch.cli;

import dev.troopwatch.ingest.PublishReport;
import dev.troopwatch.ingest.WirePublisher;
import dev.troopwatch.kafka.BrokerSettings;
import dev.troopwatch.kafka.EmbeddedKafkaBroker;
import dev.troopwatch.kafka.TopicChange;
import dev.troopwatch.kafka.TopicSpec;
import dev.troopwatch.kafka.TopicSpecLoader;
import dev.troopwatch.runtime.BrokerAddressFile;
import dev.troopwatch.runtime.HttpEndpoints;
import dev.troopwatch.runtime.OutputPrinter;
import dev.troopwatch.runtime.PipelineRunner;
import dev.troopwatch.runtime.SampleWires;
import dev.troopwatch.runtime.ShutdownSignal;
import dev.troopwatch.runtime.TroopwatchConfig;
import dev.troopwatch.stream.TopicNames;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code troopwatch demo}: broker, topics, pipeline, sample wires and live output in one process. */
@Command(name = "demo", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Start an embedded Kafka broker, apply the topics, run the pipeline, publish the bundled "
                + "sample wires (once per data dir) and print what the pipeline emits as it arrives, until Ctrl-C.",
                "Data is kept in --data-dir, so a restart resumes where it stopped. `publish`, `tail` and kcat can "
                        + "reach the broker meanwhile (its address is in <data-dir>/broker.address)."})
public final class DemoCommand implements Callable<Integer> {
    /** Topics whose records the demo prints; the ones not declared in topics/ are skipped. */
    private static final List<String> PRINTED = List.of(TopicNames.ARTICLES_CLEAN, TopicNames.ALERTS,
            TopicNames.SITUATIONS, TopicNames.DEADLETTER);

    @Spec
    CommandSpec spec;

    @Mixin
    HttpOptions http;

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = ".troopwatch",
            description = "Where the broker, state stores and bookkeeping live. Default: ${DEFAULT-VALUE}")
    Path dataDir;

    @Option(names = "--broker-port", paramLabel = "PORT", defaultValue = "0",
            description = "Client port of the embedded broker; 0 reuses the last one or picks a free one. "
                    + "Default: ${DEFAULT-VALUE}")
    int brokerPort;

    @Option(names = "--no-samples", negatable = false,
            description = "Do not publish the bundled sample wires.")
    boolean noSamples;

    @Option(names = "--ready-timeout", paramLabel = "DURATION", defaultValue = "120s",
            converter = DurationConverter.class,
            description = "How long broker and pipeline may take to start. Default: ${DEFAULT-VALUE}")
    Duration readyTimeout;

    @Override
    public Integer call() {
        return CommandErrors.run(spec, () -> {
            PrintWriter out = spec.commandLine().getOut();
            ShutdownSignal shutdown = new ShutdownSignal(message -> spec.commandLine().getErr().println(message));
            try {
                start(out, shutdown);
            } catch (RuntimeException e) {
                shutdown.closeNow();
                throw e;
            }
            shutdown.await();
            return 0;
        });
    }

    private void start(PrintWriter out, ShutdownSignal shutdown) {
        // Closed last: confirms that everything else stopped.
        shutdown.add(() -> say(out, "stopped   pipeline, HTTP and broker closed; data kept in %s", dataDir));
        EmbeddedKafkaBroker broker = shutdown.add(EmbeddedKafkaBroker.start(
                BrokerSettings.singleNode(dataDir.resolve("kafka")).withPort(brokerPort)));
        BrokerAddressFile.write(dataDir, broker.bootstrapServers());
        shutdown.add(() -> BrokerAddressFile.delete(dataDir));
        say(out, "broker    Kafka %s ready at %s in %.1f s (data %s)", EmbeddedKafkaBroker.kafkaVersion(),
                broker.bootstrapServers(), seconds(broker.startupTime()), broker.dataDir());

        Properties flags = new Properties();
        flags.setProperty(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        TroopwatchConfig config = TroopwatchConfig.resolve(new Properties(), flags, dataDir, http.host, http.port);
        PipelineRunner pipeline = shutdown.add(PipelineRunner.start(config, HttpEndpoints.defaultFactory(),
                readyTimeout));
        for (TopicChange change : pipeline.topicChanges()) {
            say(out, "topics    %s", change);
        }
        say(out, "pipeline  RUNNING in %.1f s; %s", seconds(pipeline.startupTime()), PipelineRunner.describe(config));
        say(out, "dashboard http://%s:%d/  (JSON API under /api, e.g. /api/health)", http.host, pipeline.http().port());

        Set<String> declared = Set.copyOf(TopicSpecLoader.load(config.topicsDir()).stream().map(TopicSpec::name)
                .toList());
        List<String> printed = PRINTED.stream().filter(declared::contains).toList();
        shutdown.add(OutputPrinter.start(broker.bootstrapServers(), printed, line -> {
            synchronized (out) {
                out.println(line);
                out.flush();
            }
        }));

        if (!noSamples) {
            publishSamples(out, broker.bootstrapServers());
        }
        say(out, "ready     printing %s as records are committed. Ctrl-C to stop.", String.join(", ", printed));
    }

    private void publishSamples(PrintWriter out, String bootstrap) {
        Optional<byte[]> samples = SampleWires.bundled();
        if (samples.isEmpty()) {
            say(out, "samples   none bundled in this build (%s); publish your own: ./troopwatch publish PATH",
                    SampleWires.RESOURCE);
            return;
        }
        Properties producer = new Properties();
        producer.setProperty(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (WirePublisher publisher = new WirePublisher(producer)) {
            Optional<PublishReport> report = SampleWires.publishOnce(samples.get(), dataDir, publisher);
            if (report.isEmpty()) {
                say(out, "samples   already published to this data dir; not sending them again");
            } else {
                say(out, "samples   %s to %s", report.get().summary(), TopicNames.ARTICLES_RAW);
                report.get().rejected().forEach(r -> say(out, "samples   rejected %s", r));
            }
        }
    }

    private static void say(PrintWriter out, String format, Object... args) {
        synchronized (out) {
            out.printf(format + "%n", args);
            out.flush();
        }
    }

    private static double seconds(Duration d) {
        return d.toMillis() / 1000.0;
    }
}

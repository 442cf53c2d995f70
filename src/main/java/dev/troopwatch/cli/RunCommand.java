package dev.troopwatch.cli;

import dev.troopwatch.kafka.TopicChange;
import dev.troopwatch.runtime.HttpEndpoints;
import dev.troopwatch.runtime.PipelineRunner;
import dev.troopwatch.runtime.ShutdownSignal;
import dev.troopwatch.runtime.TroopwatchConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.apache.kafka.streams.StreamsConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code troopwatch run}: the pipeline against an existing Kafka cluster. */
@Command(name = "run", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Run the pipeline against an existing Kafka cluster (no embedded broker) until Ctrl-C: apply "
                + "the topics, start Kafka Streams, serve HTTP.",
                "Start several on one machine with different --http-port values: each gets its own state directory "
                        + "under <data-dir>/state/ and shares the work with the others."})
public final class RunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT[,...]",
            description = "Kafka brokers. Required unless bootstrap.servers is in the --config file.")
    String bootstrapServers;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Properties file: any Kafka Streams / client property (num.standby.replicas, "
                    + "replication.factor, security...), topic overrides (topics.replication.factor=3, "
                    + "topics.<topic>.partitions=12, topics.config.min.insync.replicas=2) and troopwatch.* "
                    + "settings. Flags win over the file.")
    Path configFile;

    @Option(names = {"-D", "--set"}, paramLabel = "KEY=VALUE",
            description = "Set one property, as in the config file; repeatable. Wins over the file.")
    Map<String, String> settings = Map.of();

    @Mixin
    HttpOptions http;

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = ".troopwatch",
            description = "Where state stores live (DIR/state/<instance>). Default: ${DEFAULT-VALUE}")
    Path dataDir;

    @Option(names = "--instance-id", paramLabel = "ID",
            description = "Name of this instance's state directory. Default: http-<http port>.")
    String instanceId;

    @Option(names = "--ready-timeout", paramLabel = "DURATION", defaultValue = "120s",
            converter = DurationConverter.class,
            description = "How long the pipeline may take to reach RUNNING. Default: ${DEFAULT-VALUE}")
    Duration readyTimeout;

    @Override
    public Integer call() {
        return CommandErrors.run(spec, () -> {
            PrintWriter out = spec.commandLine().getOut();
            TroopwatchConfig config = config();
            ShutdownSignal shutdown = new ShutdownSignal(message -> spec.commandLine().getErr().println(message));
            PipelineRunner pipeline;
            try {
                pipeline = shutdown.add(PipelineRunner.start(config, HttpEndpoints.defaultFactory(), readyTimeout));
            } catch (RuntimeException e) {
                shutdown.closeNow();
                throw e;
            }
            for (TopicChange change : pipeline.topicChanges()) {
                out.println("topics    " + change);
            }
            out.printf("pipeline  RUNNING in %.1f s against %s; %s%n", pipeline.startupTime().toMillis() / 1000.0,
                    config.bootstrapServers(), PipelineRunner.describe(config));
            out.printf("dashboard http://%s:%d/  (JSON API under /api). Ctrl-C to stop.%n", http.host,
                    pipeline.http().port());
            out.flush();
            shutdown.await();
            return 0;
        });
    }

    TroopwatchConfig config() {
        Properties file = configFile == null ? new Properties() : TroopwatchConfig.loadFile(configFile);
        Properties flags = new Properties();
        settings.forEach(flags::setProperty);
        if (bootstrapServers != null) {
            flags.setProperty(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        }
        if (instanceId != null) {
            flags.setProperty(TroopwatchConfig.INSTANCE_ID, instanceId);
        }
        return TroopwatchConfig.resolve(file, flags, dataDir, http.host, http.port);
    }
}

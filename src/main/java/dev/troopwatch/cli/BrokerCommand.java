package dev.troopwatch.cli;

import dev.troopwatch.kafka.BrokerSettings;
import dev.troopwatch.kafka.EmbeddedKafkaBroker;
import dev.troopwatch.kafka.QuorumVoter;
import dev.troopwatch.runtime.BrokerAddressFile;
import dev.troopwatch.runtime.ShutdownSignal;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code troopwatch broker}: only the embedded Kafka broker, for any client; also the child JVM of test harnesses. */
@Command(name = "broker", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Run only the embedded Apache Kafka broker (KRaft, broker + controller in one process) until "
                + "Ctrl-C.", "Its address is written to <data-dir>/broker.address so `publish` and `tail` find it. "
                + "A restart on the same data dir resumes the same cluster.",
                "For a multi-node cluster start one per node with the same --cluster-id and --initial-controllers."})
public final class BrokerCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "9092",
            description = "Client listener port; 0 picks a free one. Default: ${DEFAULT-VALUE}")
    int port;

    @Option(names = "--host", paramLabel = "HOST", defaultValue = "127.0.0.1",
            description = "Address to bind and advertise. Default: ${DEFAULT-VALUE} (loopback only)")
    String host;

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = ".troopwatch",
            description = "Data directory; the broker keeps its logs in DIR/kafka. Default: ${DEFAULT-VALUE}")
    Path dataDir;

    @Option(names = "--node-id", paramLabel = "ID", defaultValue = "1",
            description = "KRaft node id. Default: ${DEFAULT-VALUE}")
    int nodeId;

    @Option(names = "--controller-port", paramLabel = "PORT", defaultValue = "0",
            description = "Controller listener port of a single-node quorum; 0 reuses the previous one or picks a "
                    + "free one. Default: ${DEFAULT-VALUE}")
    int controllerPort;

    @Option(names = "--cluster-id", paramLabel = "ID",
            description = "Cluster id to format a new data dir with (kafka-storage random-uuid form). "
                    + "Default: the stored one, else a new one.")
    String clusterId;

    @Option(names = "--initial-controllers", paramLabel = "ID@HOST:PORT:DIRID[,...]",
            description = "Controller quorum of a multi-node cluster, identical on every node, as for "
                    + "kafka-storage format --initial-controllers. Default: this node alone (--standalone).")
    String initialControllers;

    @Option(names = "--broker-config", paramLabel = "KEY=VALUE",
            description = "Extra broker property, repeatable (e.g. --broker-config log.retention.hours=1).")
    Map<String, String> brokerConfig = Map.of();

    @Option(names = "--ready-timeout", paramLabel = "DURATION", defaultValue = "60s",
            converter = DurationConverter.class,
            description = "How long to wait for the node to join its cluster. Default: ${DEFAULT-VALUE}")
    Duration readyTimeout;

    @Override
    public Integer call() {
        return CommandErrors.run(spec, () -> {
            PrintWriter out = spec.commandLine().getOut();
            List<QuorumVoter> voters = initialControllers == null ? List.of()
                    : QuorumVoter.parseList(initialControllers);
            ShutdownSignal shutdown = new ShutdownSignal(message -> spec.commandLine().getErr().println(message));
            EmbeddedKafkaBroker broker;
            try {
                broker = shutdown.add(EmbeddedKafkaBroker.start(new BrokerSettings(nodeId, dataDir.resolve("kafka"),
                        host, port, controllerPort, clusterId, voters, brokerConfig, readyTimeout)));
                BrokerAddressFile.write(dataDir, broker.bootstrapServers());
                shutdown.add(() -> BrokerAddressFile.delete(dataDir));
            } catch (RuntimeException e) {
                shutdown.closeNow();
                throw e;
            }
            out.printf("Kafka %s node %d ready at %s in %.1f s (cluster %s, data %s). Ctrl-C to stop.%n",
                    EmbeddedKafkaBroker.kafkaVersion(), broker.nodeId(), broker.bootstrapServers(),
                    broker.startupTime().toMillis() / 1000.0, broker.clusterId(), broker.dataDir());
            out.flush();
            shutdown.await();
            return 0;
        });
    }
}

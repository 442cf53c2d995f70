package dev.troopwatch.resilience;

import dev.troopwatch.kafka.EmbeddedKafkaBroker;
import dev.troopwatch.kafka.QuorumVoter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.common.Uuid;

/**
 * A KRaft cluster of combined broker+controller nodes on loopback, each a {@code troopwatch broker} child JVM, so
 * that a test can {@code kill -9} one and start it again on its data. Ports, directory ids and the cluster id are
 * picked once and kept, as a real cluster's would be.
 */
final class BrokerCluster implements AutoCloseable {
    private static final String HOST = "127.0.0.1";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(240);

    private final Path dir;
    private final Path logDir;
    private final String clusterId = Uuid.randomUuid().toString();
    private final List<QuorumVoter> voters = new ArrayList<>();
    private final Map<Integer, Integer> clientPorts = new TreeMap<>();
    private final Map<Integer, ChildJvm> nodes = new TreeMap<>();

    private BrokerCluster(Path dir, Path logDir, int size) {
        this.dir = dir;
        this.logDir = logDir;
        for (int node = 1; node <= size; node++) {
            voters.add(QuorumVoter.withNewDirectory(node, HOST, EmbeddedKafkaBroker.freePort(HOST)));
            clientPorts.put(node, EmbeddedKafkaBroker.freePort(HOST));
        }
    }

    /** Starts every node at once (a quorum needs a majority to elect) and waits until each is ready. */
    static BrokerCluster start(int size, Path dir, Path logDir) {
        BrokerCluster cluster = new BrokerCluster(dir, logDir, size);
        try {
            cluster.clientPorts.keySet().forEach(cluster::spawn);
            cluster.clientPorts.keySet().forEach(cluster::awaitReady);
            return cluster;
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    String bootstrapServers() {
        return clientPorts.values().stream().map(port -> HOST + ":" + port).collect(Collectors.joining(","));
    }

    /** {@code kill -9} of one node. */
    void kill9(int node) {
        ChildJvm jvm = nodes.remove(node);
        if (jvm != null) {
            jvm.kill9();
            jvm.close();
        }
    }

    /** Starts a killed node again on its data and waits until it has rejoined. */
    Duration restart(int node) {
        long start = System.nanoTime();
        spawn(node);
        awaitReady(node);
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private void spawn(int node) {
        nodes.put(node, ChildJvm.start("broker-" + node, "512m", logDir, List.of("broker",
                "--node-id", Integer.toString(node),
                "--host", HOST,
                "--port", Integer.toString(clientPorts.get(node)),
                "--data-dir", dir.resolve("node-" + node).toString(),
                "--cluster-id", clusterId,
                "--initial-controllers", QuorumVoter.formatList(voters),
                "--ready-timeout", READY_TIMEOUT.toSeconds() + "s")));
    }

    private void awaitReady(int node) {
        nodes.get(node).awaitLine(Pattern.compile("node " + node + " ready at"), READY_TIMEOUT.plusSeconds(30));
    }

    @Override
    public void close() {
        for (ChildJvm jvm : nodes.values()) {
            jvm.close();
        }
        nodes.clear();
    }
}

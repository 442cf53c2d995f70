package dev.troopwatch.kafka;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How to start one {@link EmbeddedKafkaBroker} node (combined broker + controller).
 *
 * @param nodeId         KRaft node id
 * @param dataDir        directory owned by this node: Kafka logs, metadata log and the generated server.properties;
 *                       kept across restarts so the node resumes
 * @param host           address both listeners bind and advertise (loopback unless told otherwise)
 * @param port           client listener port; 0 reuses the port of the previous run when free, else picks a free one
 * @param controllerPort controller listener port for a single-node quorum; 0 reuses the previous one, else picks
 *                       a free one. Ignored when {@code voters} is given (the node's own entry decides)
 * @param clusterId      cluster id to format a fresh data dir with; null reuses the stored one or makes a new one
 * @param voters         the controller quorum of a multi-node cluster, identical on every node; empty means this
 *                       node is a standalone quorum of one
 * @param overrides      broker properties that replace the generated ones
 * @param readyTimeout   how long to wait for the node to join the cluster
 */
public record BrokerSettings(int nodeId, Path dataDir, String host, int port, int controllerPort, String clusterId,
                             List<QuorumVoter> voters, Map<String, String> overrides, Duration readyTimeout) {
    public BrokerSettings {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(readyTimeout, "readyTimeout");
        voters = List.copyOf(voters);
        overrides = Map.copyOf(overrides);
        if (!voters.isEmpty() && voters.stream().noneMatch(v -> v.nodeId() == nodeId)) {
            throw new IllegalArgumentException("node " + nodeId + " is not one of the controllers " + voters
                    + "; every node of a troopwatch cluster runs broker and controller");
        }
    }

    /** A single loopback node on free ports, data kept in {@code dataDir}: what demo and the tests use. */
    public static BrokerSettings singleNode(Path dataDir) {
        return new BrokerSettings(1, dataDir, "127.0.0.1", 0, 0, null, List.of(), Map.of(), Duration.ofSeconds(60));
    }

    public BrokerSettings withPort(int newPort) {
        return new BrokerSettings(nodeId, dataDir, host, newPort, controllerPort, clusterId, voters, overrides,
                readyTimeout);
    }
}

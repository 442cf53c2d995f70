package dev.troopwatch.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.common.Uuid;

/**
 * One controller of a KRaft quorum, in the {@code id@host:port:directoryId} form that
 * {@code kafka-storage format --initial-controllers} takes. Every node of a cluster must be formatted with the same
 * list, so a harness picks the ports and directory ids once and hands the same voters to each node.
 *
 * @param nodeId      node id of the controller
 * @param host        host its controller listener binds and is reached on
 * @param port        controller listener port
 * @param directoryId metadata log directory id (a Kafka {@link Uuid} in base64)
 */
public record QuorumVoter(int nodeId, String host, int port, String directoryId) {
    public QuorumVoter {
        if (nodeId < 0) {
            throw new IllegalArgumentException("node id must be >= 0, got " + nodeId);
        }
        Objects.requireNonNull(host, "host");
        if (port <= 0 || port > 65535) {
            throw new IllegalArgumentException("controller port must be 1..65535, got " + port);
        }
        Uuid.fromString(Objects.requireNonNull(directoryId, "directoryId"));
    }

    /** A voter with a fresh directory id. */
    public static QuorumVoter withNewDirectory(int nodeId, String host, int port) {
        return new QuorumVoter(nodeId, host, port, Uuid.randomUuid().toString());
    }

    /** Parses {@code 1@127.0.0.1:9093:dirId,2@127.0.0.1:9095:dirId}. */
    public static List<QuorumVoter> parseList(String text) {
        List<QuorumVoter> voters = new ArrayList<>();
        for (String item : text.split(",")) {
            String entry = item.trim();
            int at = entry.indexOf('@');
            int lastColon = entry.lastIndexOf(':');
            int portColon = lastColon < 0 ? -1 : entry.lastIndexOf(':', lastColon - 1);
            if (at <= 0 || portColon <= at || lastColon <= portColon) {
                throw new IllegalArgumentException("controller '" + entry + "' is not id@host:port:directoryId");
            }
            try {
                voters.add(new QuorumVoter(Integer.parseInt(entry.substring(0, at)), entry.substring(at + 1, portColon),
                        Integer.parseInt(entry.substring(portColon + 1, lastColon)), entry.substring(lastColon + 1)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("controller '" + entry + "': " + e.getMessage(), e);
            }
        }
        return List.copyOf(voters);
    }

    /** The list back in {@code --initial-controllers} form. */
    public static String formatList(List<QuorumVoter> voters) {
        return String.join(",", voters.stream().map(QuorumVoter::toString).toList());
    }

    /** {@code host:port} of the controller listener, as {@code controller.quorum.bootstrap.servers} wants it. */
    public String endpoint() {
        return host + ":" + port;
    }

    @Override
    public String toString() {
        return nodeId + "@" + host + ":" + port + ":" + directoryId;
    }
}

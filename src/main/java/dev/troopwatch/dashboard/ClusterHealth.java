package dev.troopwatch.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import dev.troopwatch.stream.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.state.HostInfo;

/** Health across instances: this one from its metrics, the others via their {@code /api/internal/health}. */
public final class ClusterHealth implements HealthSource {
    static final String INTERNAL_HEALTH = "/api/internal/health";

    private final KafkaStreams streams;
    private final HostInfo self;
    private final StreamsHealth local;
    private final RemoteInstances remote;

    public ClusterHealth(KafkaStreams streams, HostInfo self, StreamsHealth local, RemoteInstances remote) {
        this.streams = streams;
        this.self = self;
        this.local = local;
        this.remote = remote;
    }

    @Override
    public InstanceHealth local() {
        return local.snapshot();
    }

    @Override
    public List<InstanceHealth> instances() {
        List<InstanceHealth> instances = new ArrayList<>();
        instances.add(local.snapshot());
        if (self == null) {
            return instances;
        }
        Collection<StreamsMetadata> clients;
        try {
            clients = streams.metadataForAllStreamsClients();
        } catch (StreamsException | IllegalStateException e) {
            // Not started, or stopped: this instance's own figures are all there is to show.
            return instances;
        }
        for (StreamsMetadata other : clients) {
            HostInfo host = other.hostInfo();
            if (host.equals(self)) {
                continue;
            }
            String name = host.host() + ":" + host.port();
            try {
                JsonNode json = remote.get(host, INTERNAL_HEALTH)
                        .orElseThrow(() -> new IOException("no health endpoint"));
                instances.add(Json.mapper().treeToValue(json, InstanceHealth.class));
            } catch (IOException e) {
                instances.add(InstanceHealth.unreachable(name, e.getMessage()));
            }
        }
        return instances;
    }
}

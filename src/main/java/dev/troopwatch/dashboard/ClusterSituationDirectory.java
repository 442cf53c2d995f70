package dev.troopwatch.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import dev.troopwatch.track.SituationKey;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.state.HostInfo;

/**
 * The situations of the whole application when several instances share the work: each key is asked of the
 * instance that owns it (Kafka Streams metadata, from every instance's {@code application.server}), a listing is
 * the union of every instance's local store. An instance that does not answer is reported, not hidden.
 */
public final class ClusterSituationDirectory implements SituationDirectory {
    static final String INTERNAL_SITUATIONS = "/api/internal/situations";

    private final KafkaStreams streams;
    private final String storeName;
    private final HostInfo self;
    private final LocalSituationStore local;
    private final RemoteInstances remote;

    public ClusterSituationDirectory(KafkaStreams streams, String storeName, HostInfo self, LocalSituationStore local,
                                     RemoteInstances remote) {
        this.streams = streams;
        this.storeName = storeName;
        this.self = self;
        this.local = local;
        this.remote = remote;
    }

    @Override
    public Listing all() {
        Collection<StreamsMetadata> owners = metadata(() -> streams.streamsMetadataForStore(storeName));
        if (owners.isEmpty() || self == null) {
            return local.all();
        }
        List<JsonNode> situations = new ArrayList<>();
        List<InstanceAnswer> answers = new ArrayList<>();
        for (StreamsMetadata owner : owners) {
            HostInfo host = owner.hostInfo();
            if (host.equals(self)) {
                Listing mine = local.all();
                situations.addAll(mine.situations());
                answers.addAll(mine.instances());
                continue;
            }
            String instance = host.host() + ":" + host.port();
            try {
                JsonNode theirs = remote.get(host, INTERNAL_SITUATIONS)
                        .orElseThrow(() -> new IOException("no situation endpoint"));
                theirs.forEach(situations::add);
                answers.add(new InstanceAnswer(instance, false, theirs.size(), null));
            } catch (IOException e) {
                answers.add(new InstanceAnswer(instance, false, 0, e.getMessage()));
            }
        }
        return new Listing(situations, answers);
    }

    /** Metadata is unavailable before Streams starts and after it stops or fails: a 503, not a 500. */
    private <T> T metadata(Supplier<T> query) {
        try {
            return query.get();
        } catch (StreamsException | IllegalStateException e) {
            throw new StoreUnavailableException("no situation store metadata (streams state " + streams.state()
                    + "): " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<JsonNode> find(SituationKey key) {
        KeyQueryMetadata owner = metadata(() -> streams.queryMetadataForKey(storeName, key.toString(),
                Serdes.String().serializer()));
        if (self == null || owner == null || KeyQueryMetadata.NOT_AVAILABLE.equals(owner)
                || owner.activeHost().equals(self)) {
            return local.find(key);
        }
        try {
            return remote.get(owner.activeHost(), INTERNAL_SITUATIONS + "/" + key);
        } catch (IOException e) {
            throw new StoreUnavailableException("the instance owning " + key + " (" + owner.activeHost().host()
                    + ":" + owner.activeHost().port() + ") did not answer: " + e.getMessage(), e);
        }
    }
}

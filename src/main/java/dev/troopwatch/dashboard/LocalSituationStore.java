package dev.troopwatch.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troopwatch.stream.Json;
import dev.troopwatch.track.SituationKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * The situations this instance owns: an interactive query of the local situation store (active partitions only,
 * so instances never answer twice for one key). Values are turned into JSON with the project's mapper, so the
 * dashboard does not depend on the state record's Java shape.
 */
public final class LocalSituationStore implements SituationDirectory {
    private final KafkaStreams streams;
    private final String storeName;
    private final String instance;

    public LocalSituationStore(KafkaStreams streams, String storeName, String instance) {
        this.streams = streams;
        this.storeName = storeName;
        this.instance = instance;
    }

    @Override
    public Listing all() {
        List<JsonNode> situations = new ArrayList<>();
        try (KeyValueIterator<String, Object> it = store().all()) {
            while (it.hasNext()) {
                KeyValue<String, Object> entry = it.next();
                if (entry.value != null) {
                    situations.add(withKey(entry.key, entry.value));
                }
            }
        } catch (InvalidStateStoreException e) {
            throw unavailable(e);
        }
        return new Listing(situations, List.of(new InstanceAnswer(instance, true, situations.size(), null)));
    }

    @Override
    public Optional<JsonNode> find(SituationKey key) {
        try {
            Object value = store().get(key.toString());
            return Optional.ofNullable(value).map(v -> withKey(key.toString(), v));
        } catch (InvalidStateStoreException e) {
            throw unavailable(e);
        }
    }

    private ReadOnlyKeyValueStore<String, Object> store() {
        try {
            return streams.store(StoreQueryParameters.fromNameAndType(storeName,
                    QueryableStoreTypes.<String, Object>keyValueStore()));
        } catch (InvalidStateStoreException e) {
            throw unavailable(e);
        }
    }

    private StoreUnavailableException unavailable(InvalidStateStoreException e) {
        return new StoreUnavailableException("situation store '" + storeName + "' is not queryable on " + instance
                + " (streams state " + streams.state() + "); retry shortly", e);
    }

    /** The state as JSON, with its store key added so the caller never has to re-derive it. */
    static JsonNode withKey(String key, Object value) {
        JsonNode json = Json.mapper().valueToTree(value);
        if (json.isObject() && !json.has("key")) {
            ((ObjectNode) json).put("key", key);
        }
        return json;
    }
}

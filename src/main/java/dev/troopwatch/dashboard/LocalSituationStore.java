package dev.troopwatch.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troopwatch.stream.Json;
import dev.troopwatch.stream.ReportKeys;
import dev.troopwatch.track.SituationKey;
import java.time.Instant;
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
 * so instances never answer twice for one key), each state joined with its history, read as one key range of the
 * history store (a situation's history lives in the same task as its state, so the instance that owns the key owns
 * both). Values are turned into JSON with the project's mapper, so the dashboard does not depend on the records'
 * Java shape; the JSON is the state's with a {@code history} array, oldest first, as the page reads it.
 */
public final class LocalSituationStore implements SituationDirectory {
    private final KafkaStreams streams;
    private final String storeName;
    private final String historyStoreName;
    private final String instance;

    public LocalSituationStore(KafkaStreams streams, String storeName, String historyStoreName, String instance) {
        this.streams = streams;
        this.storeName = storeName;
        this.historyStoreName = historyStoreName;
        this.instance = instance;
    }

    @Override
    public Listing all() {
        List<JsonNode> situations = new ArrayList<>();
        try (KeyValueIterator<String, Object> it = store(storeName).all()) {
            ReadOnlyKeyValueStore<String, Object> history = store(historyStoreName);
            while (it.hasNext()) {
                KeyValue<String, Object> entry = it.next();
                if (entry.value != null) {
                    JsonNode state = withKey(entry.key, entry.value);
                    situations.add(withHistory(state, historyOf(history, entry.key, state)));
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
            Object value = store(storeName).get(key.toString());
            if (value == null) {
                return Optional.empty();
            }
            JsonNode state = withKey(key.toString(), value);
            return Optional.of(withHistory(state, historyOf(store(historyStoreName), key.toString(), state)));
        } catch (InvalidStateStoreException e) {
            throw unavailable(e);
        }
    }

    /**
     * One situation's history records, oldest first: its key range of the history store, from the state's
     * {@code history_since} (records before it are deleted ones, which a range from the situation's first key would
     * walk until RocksDB compacts them).
     */
    private static List<Object> historyOf(ReadOnlyKeyValueStore<String, Object> history, String situation,
                                          JsonNode state) {
        String since = state.path("history_since").asText(null);
        String from = since == null ? ReportKeys.start(situation)
                : ReportKeys.from(situation, Instant.parse(since));
        List<Object> entries = new ArrayList<>();
        try (KeyValueIterator<String, Object> range = history.range(from, ReportKeys.end(situation))) {
            range.forEachRemaining(entry -> {
                if (entry.value != null) {
                    entries.add(entry.value);
                }
            });
        }
        return entries;
    }

    private ReadOnlyKeyValueStore<String, Object> store(String name) {
        try {
            return streams.store(StoreQueryParameters.fromNameAndType(name,
                    QueryableStoreTypes.<String, Object>keyValueStore()));
        } catch (InvalidStateStoreException e) {
            throw unavailable(e);
        }
    }

    private StoreUnavailableException unavailable(InvalidStateStoreException e) {
        return new StoreUnavailableException("situation stores '" + storeName + "', '" + historyStoreName
                + "' are not queryable on " + instance
                + " (streams state " + streams.state() + "); retry shortly", e);
    }

    /** The state's JSON with its history records as {@code history}, the field the page and the view read. */
    static JsonNode withHistory(JsonNode state, List<?> history) {
        if (state.isObject()) {
            ((ObjectNode) state).set("history", Json.mapper().valueToTree(history));
        }
        return state;
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

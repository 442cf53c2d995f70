package dev.troopwatch.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One topic as declared in {@code topics/NAME.json}: what the broker must have, and what travels on it.
 *
 * @param name              topic name (equals the file name without {@code .json})
 * @param description       what the topic is for
 * @param partitions        wanted partition count
 * @param replicationFactor wanted replication factor
 * @param configs           topic-level broker configs (cleanup.policy, retention.ms, ...), all as strings
 * @param keyFormat         key encoding, e.g. "string"
 * @param keyDescription    what the key holds
 * @param valueFormat       value encoding, e.g. "json"
 * @param valueSchema       JSON Schema (draft 2020-12) of the value
 * @param origin            file or resource the spec was read from, for messages
 */
public record TopicSpec(String name, String description, int partitions, int replicationFactor,
                        Map<String, String> configs, String keyFormat, String keyDescription, String valueFormat,
                        JsonNode valueSchema, String origin) {
    public TopicSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(valueSchema, "valueSchema");
        if (partitions < 1) {
            throw new IllegalArgumentException(origin + ": partitions must be >= 1, got " + partitions);
        }
        if (replicationFactor < 1 || replicationFactor > Short.MAX_VALUE) {
            throw new IllegalArgumentException(origin + ": replication_factor must be >= 1, got " + replicationFactor);
        }
        // Sorted, so reports and diffs list configs in a stable order.
        configs = Collections.unmodifiableMap(new TreeMap<>(configs));
    }

    public TopicSpec withPartitions(int newPartitions) {
        return new TopicSpec(name, description, newPartitions, replicationFactor, configs, keyFormat, keyDescription,
                valueFormat, valueSchema, origin);
    }

    public TopicSpec withReplicationFactor(int newReplicationFactor) {
        return new TopicSpec(name, description, partitions, newReplicationFactor, configs, keyFormat, keyDescription,
                valueFormat, valueSchema, origin);
    }

    public TopicSpec withConfig(String key, String value) {
        Map<String, String> merged = new TreeMap<>(configs);
        merged.put(key, value);
        return new TopicSpec(name, description, partitions, replicationFactor, merged, keyFormat, keyDescription,
                valueFormat, valueSchema, origin);
    }
}

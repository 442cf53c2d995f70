package dev.troopwatch.stream;

import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;

/** A topic travels with its serdes: use one of these at every call site instead of a bare name. */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde) {
    public Topic {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(keySerde, "keySerde");
        Objects.requireNonNull(valueSerde, "valueSerde");
    }
}

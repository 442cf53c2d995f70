package dev.troopwatch.stream;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.streams.processor.StreamPartitioner;

/**
 * Partitions the situation-reports repartition topic: a report by its situation key with Kafka's default
 * partitioner (so interactive queries find a situation's store with the default key routing), a progress note to
 * every partition, since every tracker task needs every source's progress.
 */
final class TrackerPartitioner implements StreamPartitioner<String, TrackerInput> {
    @Override
    public Optional<Set<Integer>> partitions(String topic, String key, TrackerInput value, int numPartitions) {
        if (value != null && value.isProgress()) {
            return Optional.of(IntStream.range(0, numPartitions).boxed().collect(Collectors.toUnmodifiableSet()));
        }
        return Optional.empty();
    }
}

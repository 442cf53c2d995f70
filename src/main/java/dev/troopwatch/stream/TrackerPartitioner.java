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
 *
 * <p>It also remembers the topic's partition count, which Streams gives it and nothing else does: Streams creates
 * the repartition topic with as many partitions as the input, so it is the number of sources the trackers must hear
 * from ({@link SourceClocks}). One instance serves every task of a topology, on any stream thread.
 */
final class TrackerPartitioner implements StreamPartitioner<String, TrackerInput> {
    private volatile int partitions;

    /** Partitions of the repartition topic, 0 until the first record was partitioned. */
    int partitionsSeen() {
        return partitions;
    }

    @Override
    public Optional<Set<Integer>> partitions(String topic, String key, TrackerInput value, int numPartitions) {
        partitions = numPartitions;
        if (value != null && value.isProgress()) {
            return Optional.of(IntStream.range(0, numPartitions).boxed().collect(Collectors.toUnmodifiableSet()));
        }
        return Optional.empty();
    }
}

package dev.troopwatch.stream;

import java.util.Map;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.StreamsMetrics;

/**
 * How many records of one input partition the stream thread's consumer has not fetched yet: the consumer's own
 * {@code records-lag} metric, which Kafka Streams exposes to processors with its client metrics. The metric is
 * looked up again every {@link #RELOOKUP_MS}, since a rebalance replaces it.
 */
final class InputLag {
    static final long UNKNOWN = -1L;
    private static final long RELOOKUP_MS = 1_000L;
    private static final String GROUP = "consumer-fetch-manager-metrics";

    private final StreamsMetrics metrics;
    private final String topic;
    private final String partition;
    private Metric metric;
    private long lookedUpAt = Long.MIN_VALUE;

    InputLag(StreamsMetrics metrics, String topic, int partition) {
        this.metrics = metrics;
        this.topic = topic;
        this.partition = Integer.toString(partition);
    }

    /** Records not yet fetched, or {@link #UNKNOWN} (no consumer, as under a TopologyTestDriver, or no fetch yet). */
    long recordsLag(long now) {
        if (metric == null || now - lookedUpAt >= RELOOKUP_MS) {
            metric = lookUp(Thread.currentThread().getName());
            lookedUpAt = now;
        }
        if (metric == null || !(metric.metricValue() instanceof Double lag) || lag.isNaN() || lag < 0) {
            return UNKNOWN;
        }
        return lag.longValue();
    }

    /** The records-lag metric of the main consumer of {@code thread} (a stream thread) for this partition. */
    private Metric lookUp(String thread) {
        for (Map.Entry<MetricName, ? extends Metric> entry : metrics.metrics().entrySet()) {
            MetricName name = entry.getKey();
            if (!name.name().equals("records-lag") || !name.group().equals(GROUP)) {
                continue;
            }
            Map<String, String> tags = name.tags();
            String tagTopic = tags.get("topic");
            String client = tags.getOrDefault("client-id", "");
            if (partition.equals(tags.get("partition"))
                    && (topic.equals(tagTopic) || topic.replace('.', '_').equals(tagTopic))
                    && client.startsWith(thread) && !client.endsWith("restore-consumer")) {
                return entry.getValue();
            }
        }
        return null;
    }
}

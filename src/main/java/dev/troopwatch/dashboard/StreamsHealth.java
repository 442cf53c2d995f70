package dev.troopwatch.dashboard;

import dev.troopwatch.stream.PipelineMetrics;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Reads an instance's health from its Kafka Streams client metrics: the main consumers' per-topic fetch metrics
 * (articles in, lag), the producers' per-topic send totals (alerts, dead letters) and the extract stage's count of
 * reports (events). Counting on the
 * client rather than on topic offsets matters under exactly-once: transaction markers take offsets too.
 */
public final class StreamsHealth {
    private static final String FETCH_GROUP = "consumer-fetch-manager-metrics";
    private static final String PRODUCER_TOPIC_GROUP = "producer-topic-metrics";

    private final KafkaStreams streams;
    private final String instance;
    private final PipelineTopics topics;

    public StreamsHealth(KafkaStreams streams, String instance, PipelineTopics topics) {
        this.streams = streams;
        this.instance = instance;
        this.topics = topics;
    }

    public InstanceHealth snapshot() {
        Map<MetricName, ? extends Metric> metrics = streams.metrics();
        return new InstanceHealth(instance, streams.state().name(),
                sum(metrics, FETCH_GROUP, "records-consumed-rate", topics::isInput),
                Math.round(sum(metrics, FETCH_GROUP, "records-consumed-total", topics::isInput)),
                Math.round(sumAll(metrics, PipelineMetrics.GROUP, PipelineMetrics.REPORTS_TOTAL)),
                Math.round(sum(metrics, PRODUCER_TOPIC_GROUP, "record-send-total", topics::isAlerts)),
                Math.round(sum(metrics, PRODUCER_TOPIC_GROUP, "record-send-total", topics::isDeadLetters)),
                Math.round(sum(metrics, FETCH_GROUP, "records-lag", topics::isInput)),
                null);
    }

    /** Sums every instance of a metric (one per task), NaN counting as zero. */
    static double sumAll(Map<MetricName, ? extends Metric> metrics, String group, String name) {
        return total(metrics, group, name, tags -> true);
    }

    /**
     * Sums a metric over the topic-tagged instances whose topic passes the filter, on the stream threads' main
     * clients only (restore and global consumers read changelogs, not the pipeline's input). NaN, which Kafka
     * reports before the first sample, counts as zero.
     */
    static double sum(Map<MetricName, ? extends Metric> metrics, String group, String name,
                      Predicate<String> topic) {
        return total(metrics, group, name, tags -> {
            String topicTag = tags.get("topic");
            String clientId = tags.getOrDefault("client-id", "");
            return topicTag != null && topic.test(topicTag) && !clientId.contains("restore")
                    && !clientId.contains("global");
        });
    }

    private static double total(Map<MetricName, ? extends Metric> metrics, String group, String name,
                                Predicate<Map<String, String>> tags) {
        double total = 0;
        for (Map.Entry<MetricName, ? extends Metric> entry : metrics.entrySet()) {
            MetricName metric = entry.getKey();
            if (metric.group().equals(group) && metric.name().equals(name) && tags.test(metric.tags())
                    && entry.getValue().metricValue() instanceof Number number && !Double.isNaN(number.doubleValue())) {
                total += number.doubleValue();
            }
        }
        return total;
    }
}

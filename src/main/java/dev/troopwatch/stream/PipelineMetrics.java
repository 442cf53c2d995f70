package dev.troopwatch.stream;

/**
 * troopwatch's own metrics among an instance's Kafka Streams metrics ({@code KafkaStreams#metrics()}, and so
 * {@code /metrics}): the count of reports the extract stage sends to the tracker, one metric per task (tag
 * {@code troopwatch-id} = "extract-" + task id). It is what the health panel counts as events; the repartition
 * topic's send count would include the extract tasks' progress notes.
 */
public final class PipelineMetrics {
    public static final String GROUP = "stream-troopwatch-metrics";
    public static final String REPORTS_TOTAL = "reports-total";
    static final String SCOPE = "troopwatch";
    static final String REPORTS = "reports";

    private PipelineMetrics() {
    }
}

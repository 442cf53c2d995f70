package dev.troopwatch.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.troopwatch.stream.PipelineMetrics;
import java.util.Map;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.metrics.stats.CumulativeCount;
import org.junit.jupiter.api.Test;

class StreamsHealthTest {
    @Test
    void eventsAreTheExtractStagesReportCountsOverEveryTask() {
        try (Metrics metrics = new Metrics()) {
            Sensor task0 = metrics.sensor("t0");
            task0.add(name(metrics, "extract-0_0"), new CumulativeCount());
            Sensor task1 = metrics.sensor("t1");
            task1.add(name(metrics, "extract-0_1"), new CumulativeCount());
            Sensor other = metrics.sensor("other");
            other.add(metrics.metricName(PipelineMetrics.REPORTS_TOTAL, "stream-task-metrics", Map.of()),
                    new CumulativeCount());
            task0.record();
            task0.record();
            task1.record();
            other.record();
            assertEquals(3.0, StreamsHealth.sumAll(metrics.metrics(), PipelineMetrics.GROUP,
                    PipelineMetrics.REPORTS_TOTAL));
        }
    }

    private static MetricName name(Metrics metrics, String task) {
        return metrics.metricName(PipelineMetrics.REPORTS_TOTAL, PipelineMetrics.GROUP, Map.of("troopwatch-id", task));
    }
}

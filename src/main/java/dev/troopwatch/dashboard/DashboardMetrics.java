package dev.troopwatch.dashboard;

import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.kafka.streams.KafkaStreams;

/**
 * The meters behind {@code /metrics}: Micrometer's own Kafka Streams and JVM binders, so every client metric Kafka
 * exposes appears in Prometheus format without hand-written counters.
 */
public final class DashboardMetrics implements AutoCloseable {
    private final JvmGcMetrics gc;
    private final KafkaStreamsMetrics kafka;

    private DashboardMetrics(JvmGcMetrics gc, KafkaStreamsMetrics kafka) {
        this.gc = gc;
        this.kafka = kafka;
    }

    /** Binds JVM meters, and Kafka Streams meters when {@code streams} is given; close to unbind. */
    public static DashboardMetrics bind(PrometheusMeterRegistry registry, KafkaStreams streams) {
        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        JvmGcMetrics gc = new JvmGcMetrics();
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        KafkaStreamsMetrics kafka = null;
        if (streams != null) {
            kafka = new KafkaStreamsMetrics(streams);
            kafka.bindTo(registry);
        }
        return new DashboardMetrics(gc, kafka);
    }

    /** A registry of its own, for callers that do not bring one. */
    public static PrometheusMeterRegistry newRegistry() {
        return new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    }

    @Override
    public void close() {
        gc.close();
        if (kafka != null) {
            kafka.close();
        }
    }
}

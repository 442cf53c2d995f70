package dev.troopwatch.dashboard;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * What the HTTP layer reads from. The runtime builds one over Kafka Streams ({@link DashboardServer#start(
 * DashboardConfig, org.apache.kafka.streams.KafkaStreams, java.util.Properties,
 * io.micrometer.core.instrument.MeterRegistry)}); handler tests build one over in-memory parts.
 *
 * @param situations      every instance's situations (answers the public API)
 * @param localSituations this instance's situations only (answers other instances)
 * @param health          health of this and the other instances
 * @param alerts          the recent alerts buffer the feed fills
 * @param deadLetters     the latest dead letters the feed saw
 * @param feedCaughtUp    whether the feed has read up to the end of the alert topic
 * @param metrics         the meters {@code /metrics} exposes
 */
public record DashboardBackend(SituationDirectory situations, SituationDirectory localSituations,
                               HealthSource health, AlertLog alerts, DeadLetterLog deadLetters,
                               BooleanSupplier feedCaughtUp, PrometheusMeterRegistry metrics) {
    public DashboardBackend {
        Objects.requireNonNull(situations, "situations");
        Objects.requireNonNull(localSituations, "localSituations");
        Objects.requireNonNull(health, "health");
        Objects.requireNonNull(alerts, "alerts");
        Objects.requireNonNull(deadLetters, "deadLetters");
        Objects.requireNonNull(feedCaughtUp, "feedCaughtUp");
        Objects.requireNonNull(metrics, "metrics");
    }
}

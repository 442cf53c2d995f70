package dev.troopwatch.stream;

import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The Streams settings the topology relies on. The runtime calls {@link #applyTo(Properties)} after loading its
 * config file and flags; every value is set with {@code putIfAbsent}, so an operator's explicit setting wins.
 *
 * <ul>
 *   <li>{@code processing.guarantee=exactly_once_v2}: an alert is written exactly once, with its state change.</li>
 *   <li>{@code processing.exception.handler}: {@link DeadLetterProcessingExceptionHandler}.</li>
 *   <li>{@code deserialization.exception.handler}: {@link DeadLetterDeserializationExceptionHandler}.</li>
 *   <li>{@code production.exception.handler}: {@link DeadLetterProductionExceptionHandler}.</li>
 *   <li>{@code producer.max.request.size=8 MiB}: a dead letter for the largest record the raw topic accepts fits
 *       in one request (the broker still applies each topic's own max.message.bytes).</li>
 *   <li>{@code processing.exception.handler.global.enabled=true}: the same handling for global stores, should
 *       one be added (and the behaviour Kafka 5.0 makes the default).</li>
 * </ul>
 * The topology names every processor, store and repartition topic itself; it does not depend on
 * {@code topology.optimization}, which is left at its default.
 */
public final class StreamsDefaults {
    /**
     * The dead-letter topic's max.message.bytes (topics/troopwatch.deadletter.json). A dead letter carries the
     * original record base64-encoded, so one for a raw record near the raw topic's 2 MiB limit is larger than the
     * producer's default 1 MiB request; refused, it failed its task on the same record again and again.
     */
    static final int DEAD_LETTER_MAX_BYTES = 8 * 1024 * 1024;

    private StreamsDefaults() {
    }

    public static Properties applyTo(Properties config) {
        config.putIfAbsent(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        config.putIfAbsent(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
                DeadLetterProcessingExceptionHandler.class.getName());
        config.putIfAbsent(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                DeadLetterDeserializationExceptionHandler.class.getName());
        config.putIfAbsent(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG,
                DeadLetterProductionExceptionHandler.class.getName());
        config.putIfAbsent(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, "true");
        config.putIfAbsent(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG),
                Integer.toString(DEAD_LETTER_MAX_BYTES));
        return config;
    }
}

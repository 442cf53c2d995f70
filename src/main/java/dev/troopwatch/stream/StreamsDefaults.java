package dev.troopwatch.stream;

import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
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
 *   <li>{@code processing.exception.handler.global.enabled=true}: the same handler for global stores; the
 *       topology has none today, and without it Streams warns at every start (it becomes the default in 5.0).</li>
 *   <li>{@code ensure.explicit.internal.resource.naming=true}: the topology refuses to build if an operator added
 *       later leaves a store, changelog or repartition topic with a generated name (which would shift on the next
 *       change and break upgrades).</li>
 *   <li>{@code producer.max.request.size=8 MiB}: a dead letter for the largest record the raw topic accepts fits
 *       in one request (the broker still applies each topic's own max.message.bytes).</li>
 *   <li>{@code topic.max.message.bytes=8 MiB} for the changelog and repartition topics Streams creates: a report
 *       or a situation state grown from a large article must never be refused by the broker's 1 MiB default.
 *       Under exactly-once a refused write aborts the transaction whatever the production handler answers, so the
 *       task would fail on the same record again and again.</li>
 * </ul>
 * The topology reads one troopwatch key of its own from the same properties:
 * {@code troopwatch.tracking.reorder.window.ms} (default 3000), how long a report waits in the tracker's reorder
 * buffer for an upstream source never heard from (see {@code SituationTracker}); 0 decides every report on arrival,
 * in whatever order reports arrive. Streams logs it as an unknown config and ignores it.
 *
 * <p>The topology names every processor, store and repartition topic itself; it does not depend on
 * {@code topology.optimization}, which is left at its default.
 */
public final class StreamsDefaults {
    /**
     * How long, in milliseconds of the tracker's input clock, a report waits for an upstream source never heard from
     * (default 3000); 0 decides every report on arrival. Under a {@code TopologyTestDriver} the extract task's
     * progress notes are sent on wall-clock punctuations: a test advances the driver's wall clock before reading the
     * outputs, or sets this to 0.
     */
    public static final String REORDER_WINDOW_MS = "troopwatch.tracking.reorder.window.ms";

    /**
     * The largest record the application writes: the dead-letter topic's max.message.bytes
     * (topics/troopwatch.deadletter.json). A dead letter carries the original record base64-encoded, so one for a
     * raw record near the raw topic's 2 MiB limit is larger than the producer's default 1 MiB request; refused, it
     * failed its task on the same record again and again.
     */
    static final int MAX_RECORD_BYTES = 8 * 1024 * 1024;

    private StreamsDefaults() {
    }

    public static Properties applyTo(Properties config) {
        config.putIfAbsent(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        config.putIfAbsent(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
                DeadLetterProcessingExceptionHandler.class.getName());
        config.putIfAbsent(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, "true");
        config.putIfAbsent(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, "true");
        config.putIfAbsent(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                DeadLetterDeserializationExceptionHandler.class.getName());
        config.putIfAbsent(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG,
                DeadLetterProductionExceptionHandler.class.getName());
        config.putIfAbsent(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG),
                Integer.toString(MAX_RECORD_BYTES));
        config.putIfAbsent(StreamsConfig.topicPrefix(TopicConfig.MAX_MESSAGE_BYTES_CONFIG),
                Integer.toString(MAX_RECORD_BYTES));
        return config;
    }
}

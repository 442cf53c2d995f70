package dev.troopwatch.stream;

import dev.troopwatch.normalise.NormalisedArticle;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyConfig;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;

/**
 * The troopwatch topology. Pure: builds and returns, opens no sockets, starts nothing.
 *
 * <pre>
 * troopwatch.articles.raw ─ read-raw-articles (event time = published)
 *   └ validate-normalise ─ cleaning-rejected ─ rejection-to-deadletter ─ write-rejections ─▶ troopwatch.deadletter
 *                        └ cleaning-clean ─ clean-article ┬ write-clean-articles ─▶ troopwatch.articles.clean
 *                                                         └ extract-mentions (one report per situation, key
 *                                                           "ACTOR-HOST", and the task's progress: SourceClocks)
 *     └ situation-reports (repartition: a report by situation, a progress note to every partition)
 *       └ track-situations [situation-report-buffer, situation-store]
 *           ├ tracked-alerts ─ alert-value ─ write-alerts ─▶ troopwatch.alerts
 *           └ tracked-states ─ state-value ─ write-situations ─▶ troopwatch.situations (compacted)
 * </pre>
 * Validated articles are written out for other consumers and extracted in the same task, without reading them back:
 * a round trip through the clean topic cost a transaction commit of latency and a JSON parse per article, and its
 * bursts of committed records made an extract task look idle between commits. The repartition puts every report of
 * a situation on one task.
 */
public final class TroopwatchTopology {
    private TroopwatchTopology() {
    }

    /** The production topology: the real normaliser, extractor and decision rules. */
    public static Topology buildTopology(Properties config) {
        return buildTopology(config, ProductionParts.create());
    }

    /**
     * The production topology on a {@link KafkaStreams} instance whose input offsets its extract tasks follow (see
     * {@link InputOffsets}); the way to run it.
     *
     * @param topologyConfig the properties the topology is built with (troopwatch.* settings included)
     * @param streamsConfig  the properties of the Kafka Streams instance
     */
    public static KafkaStreams streams(Properties topologyConfig, Properties streamsConfig, PipelineParts parts) {
        InputOffsets offsets = new InputOffsets(Topics.ARTICLES_RAW.name());
        KafkaStreams streams = new KafkaStreams(buildTopology(topologyConfig, parts, offsets), streamsConfig);
        offsets.attach(streams, streamsConfig);
        return streams;
    }

    /** {@link #streams(Properties, Properties, PipelineParts)} with the production parts. */
    public static KafkaStreams streams(Properties topologyConfig, Properties streamsConfig) {
        return streams(topologyConfig, streamsConfig, ProductionParts.create());
    }

    /** {@link #streams(Properties, Properties, PipelineParts)} with the production parts and one config. */
    public static KafkaStreams streams(Properties config) {
        return streams(config, config, ProductionParts.create());
    }

    /** The topology with the given parts; its extract tasks do not know their input offsets. */
    public static Topology buildTopology(Properties config, PipelineParts parts) {
        return buildTopology(config, parts, new InputOffsets(Topics.ARTICLES_RAW.name()));
    }

    /**
     * The topology with the given parts, its extract tasks following {@code offsets} of the raw topic.
     *
     * @param config the application's Streams properties (application.id and bootstrap.servers included, as
     *               {@link StreamsConfig} requires): topology-level settings such as the explicit-naming check of
     *               {@link StreamsDefaults} only take effect when the builder is given them
     */
    static Topology buildTopology(Properties config, PipelineParts parts, InputOffsets offsets) {
        StreamsBuilder builder = new StreamsBuilder(new TopologyConfig(new StreamsConfig(config)));

        SourcePositions positions = new SourcePositions();
        KStream<byte[], byte[]> raw = builder.stream(Topics.ARTICLES_RAW.name(),
                Consumed.with(Topics.ARTICLES_RAW.keySerde(), Topics.ARTICLES_RAW.valueSerde())
                        .withTimestampExtractor(new PublishedTimestampExtractor())
                        .withName("read-raw-articles"));
        Map<String, KStream<String, ValidatedRecord>> validated = raw
                .process(() -> new ValidateNormaliseProcessor(parts.cleaner(), positions),
                        Named.as(ValidateNormaliseProcessor.STAGE))
                .split(Named.as("cleaning-"))
                .branch((key, value) -> value.isRejected(), Branched.as("rejected"))
                .defaultBranch(Branched.as("clean"));
        validated.get("cleaning-rejected")
                .mapValues(ValidatedRecord::deadLetter, Named.as("rejection-to-deadletter"))
                .to(Topics.DEADLETTER.name(), Produced.with(Topics.DEADLETTER.keySerde(),
                        Topics.DEADLETTER.valueSerde()).withName("write-rejections"));
        KStream<String, NormalisedArticle> clean = validated.get("cleaning-clean")
                .mapValues(ValidatedRecord::article, Named.as("clean-article"));
        TrackerPartitioner partitioner = new TrackerPartitioner();
        Map<String, KStream<String, TrackerOutput>> tracked = clean
                .process(() -> new ExtractProcessor(parts.extractor(), partitioner, offsets, positions),
                        Named.as("extract-mentions"))
                .repartition(Repartitioned.<String, TrackerInput>as(Topics.SITUATION_REPORTS.name())
                        .withKeySerde(Topics.SITUATION_REPORTS.keySerde())
                        .withValueSerde(Topics.SITUATION_REPORTS.valueSerde())
                        .withStreamPartitioner(partitioner))
                .process(new SituationTracker(parts.decider(), reorderWindow(config)), Named.as("track-situations"))
                .split(Named.as("tracked-"))
                .branch((key, value) -> value.isAlert(), Branched.as("alerts"))
                .defaultBranch(Branched.as("states"));
        // Written out after extraction, not before: sending a record to a sink frees the task's copy of the raw
        // source record, and a dead letter for an article the extractor fails on must carry its original bytes.
        clean.to(Topics.ARTICLES_CLEAN.name(), Produced.with(Topics.ARTICLES_CLEAN.keySerde(),
                Topics.ARTICLES_CLEAN.valueSerde()).withName("write-clean-articles"));
        tracked.get("tracked-alerts")
                .mapValues(TrackerOutput::alert, Named.as("alert-value"))
                .to(Topics.ALERTS.name(), Produced.with(Topics.ALERTS.keySerde(), Topics.ALERTS.valueSerde())
                        .withName("write-alerts"));
        tracked.get("tracked-states")
                .mapValues(TrackerOutput::state, Named.as("state-value"))
                .to(Topics.SITUATIONS.name(), Produced.with(Topics.SITUATIONS.keySerde(),
                        Topics.SITUATIONS.valueSerde()).withName("write-situations"));
        return builder.build(config);
    }

    /** {@value StreamsDefaults#REORDER_WINDOW_MS} from the config, else the default window. */
    static Duration reorderWindow(Properties config) {
        Object value = config.get(StreamsDefaults.REORDER_WINDOW_MS);
        if (value == null) {
            return SituationTracker.DEFAULT_REORDER_WINDOW;
        }
        try {
            return Duration.ofMillis(Long.parseLong(value.toString().trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(StreamsDefaults.REORDER_WINDOW_MS + " must be milliseconds: "
                    + value, e);
        }
    }
}

package dev.troopwatch.stream;

import dev.troopwatch.alert.Alert;
import dev.troopwatch.normalise.NormalisedArticle;
import dev.troopwatch.track.SituationUpdate;
import org.apache.kafka.common.serialization.Serdes;

/** Every topic the topology touches, each with its serdes. Configs and schemas: {@code topics/<name>.json}. */
public final class Topics {
    /** Input; bytes on both sides so that any key or value, however broken, reaches the validation stage. */
    public static final Topic<byte[], byte[]> ARTICLES_RAW =
            new Topic<>(TopicNames.ARTICLES_RAW, Serdes.ByteArray(), Serdes.ByteArray());
    public static final Topic<String, NormalisedArticle> ARTICLES_CLEAN =
            new Topic<>(TopicNames.ARTICLES_CLEAN, Serdes.String(), JsonSerde.serdeFor(NormalisedArticle.class));
    /**
     * Internal repartition: per-situation reports (key = situation) and the extract tasks' progress notes
     * ({@link TrackerInput}). The name is the repartition's, not a topic's.
     */
    public static final Topic<String, TrackerInput> SITUATION_REPORTS =
            new Topic<>(StoreNames.SITUATION_REPORTS_REPARTITION, Serdes.String(),
                    JsonSerde.serdeFor(TrackerInput.class));
    public static final Topic<String, Alert> ALERTS =
            new Topic<>(TopicNames.ALERTS, Serdes.String(), JsonSerde.serdeFor(Alert.class));
    /** Output, compacted: the situation's state after each report, with that report. */
    public static final Topic<String, SituationUpdate> SITUATIONS =
            new Topic<>(TopicNames.SITUATIONS, Serdes.String(), JsonSerde.serdeFor(SituationUpdate.class));
    public static final Topic<String, DeadLetter> DEADLETTER =
            new Topic<>(TopicNames.DEADLETTER, Serdes.String(), JsonSerde.serdeFor(DeadLetter.class));

    private Topics() {
    }
}

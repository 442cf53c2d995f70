package dev.troopwatch.stream;

import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

/**
 * The troopwatch topology: raw articles in, alerts and situation states out.
 * Pure: builds and returns, opens no sockets. (First shape; the tracking stages are added by the track work.)
 */
public final class TroopwatchTopology {
    private TroopwatchTopology() {
    }

    public static Topology buildTopology(Properties config) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(TopicNames.ARTICLES_RAW, Consumed.with(Serdes.String(), Serdes.ByteArray())
                        .withName("read-raw-articles"))
                .to(TopicNames.ARTICLES_CLEAN, Produced.with(Serdes.String(), Serdes.ByteArray())
                        .withName("write-clean-articles"));
        return builder.build(config);
    }
}

package dev.troopwatch.runtime;

import java.io.IOException;
import org.apache.kafka.streams.KafkaStreams;

/** The HTTP side of a running pipeline (API, dashboard); started by {@link PipelineRunner}, closed with it. */
public interface HttpEndpoint extends AutoCloseable {
    /** Bound port. */
    int port();

    @Override
    void close();

    /** Starts an endpoint for a pipeline; {@link HttpEndpoints#defaultFactory()} is the one demo and run use. */
    @FunctionalInterface
    interface Factory {
        HttpEndpoint start(TroopwatchConfig config, KafkaStreams streams) throws IOException;
    }
}

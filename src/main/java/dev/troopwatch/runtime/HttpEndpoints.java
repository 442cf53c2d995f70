package dev.troopwatch.runtime;

import dev.troopwatch.dashboard.DashboardConfig;
import dev.troopwatch.dashboard.DashboardServer;
import org.apache.kafka.streams.KafkaStreams;

/** The one place that decides which HTTP server {@code demo} and {@code run} start. */
public final class HttpEndpoints {
    private HttpEndpoints() {
    }

    /** The operators' dashboard with its JSON API and {@code /metrics}, on the configured host and port. */
    public static HttpEndpoint.Factory defaultFactory() {
        return HttpEndpoints::dashboard;
    }

    private static HttpEndpoint dashboard(TroopwatchConfig config, KafkaStreams streams) {
        DashboardServer server = DashboardServer.start(DashboardConfig.of(config.httpHost(), config.httpPort()),
                streams, config.streamsProperties(), null);
        return new HttpEndpoint() {
            @Override
            public int port() {
                return server.port();
            }

            @Override
            public void close() {
                server.close();
            }
        };
    }
}

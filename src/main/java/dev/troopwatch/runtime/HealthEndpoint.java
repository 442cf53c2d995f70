package dev.troopwatch.runtime;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.troopwatch.stream.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.ThreadMetadata;

/**
 * {@code GET /api/health}: the streams state of this instance as JSON, on the JDK's own HTTP server. HTTP 200 while
 * RUNNING or REBALANCING, 503 otherwise, so a load balancer or compose health check can use it.
 */
public final class HealthEndpoint implements HttpEndpoint {
    private final HttpServer server;
    private final ExecutorService executor;

    private HealthEndpoint(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    public static HealthEndpoint start(TroopwatchConfig config, KafkaStreams streams) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(config.httpHost(), config.httpPort()), 0);
        ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "troopwatch-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/api/health", exchange -> health(exchange, config, streams));
        server.createContext("/", exchange -> send(exchange, 404, Json.mapper().createObjectNode()
                .put("error", "not found").put("path", exchange.getRequestURI().getPath())));
        server.start();
        return new HealthEndpoint(server, executor);
    }

    private static void health(HttpExchange exchange, TroopwatchConfig config, KafkaStreams streams)
            throws IOException {
        if (!"GET".equals(exchange.getRequestMethod())) {
            send(exchange, 405, Json.mapper().createObjectNode().put("error", "use GET"));
            return;
        }
        KafkaStreams.State state = streams.state();
        ObjectNode body = Json.mapper().createObjectNode()
                .put("state", state.name())
                .put("instance", config.applicationServer())
                .put("applicationId", config.streams().getProperty("application.id"))
                .put("bootstrapServers", config.bootstrapServers())
                .put("time", Instant.now().toString());
        int tasks = 0;
        for (ThreadMetadata thread : streams.metadataForLocalThreads()) {
            tasks += thread.activeTasks().size();
        }
        body.put("activeTasks", tasks);
        boolean healthy = state == KafkaStreams.State.RUNNING || state == KafkaStreams.State.REBALANCING;
        send(exchange, healthy ? 200 : 503, body);
    }

    private static void send(HttpExchange exchange, int status, ObjectNode body) throws IOException {
        byte[] bytes = Json.mapper().writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}

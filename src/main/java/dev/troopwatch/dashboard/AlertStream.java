package dev.troopwatch.dashboard;

import dev.troopwatch.stream.Json;
import io.javalin.http.sse.SseClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes alerts to browsers over server-sent events: "alert" for news, "backfill" for history the dashboard reads
 * while catching up with the topic at start. Every event id is "EPOCH-SEQ": a browser that reconnects sends
 * the last id it saw (the EventSource does this by itself) and gets exactly what it missed from the buffer; an id
 * from an earlier server run (another epoch) gets the whole buffer, which the page deduplicates by alert_id.
 * Sends happen on one thread of their own so a slow browser never stalls the Kafka reader.
 */
public final class AlertStream implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AlertStream.class);
    /** Comment lines keep idle connections open through proxies and Jetty's idle timeout. */
    private static final long HEARTBEAT_SECONDS = 15;

    private final AlertLog log;
    private final String epoch = UUID.randomUUID().toString().substring(0, 8);
    private final Set<SseClient> clients = ConcurrentHashMap.newKeySet();
    private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> daemon(r, "dashboard-sse"));
    private final ScheduledExecutorService heartbeat =
            Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "dashboard-sse-heartbeat"));
    private final AutoCloseable subscription;

    public AlertStream(AlertLog log) {
        this.log = log;
        this.subscription = log.subscribe(entry -> sender.execute(() -> {
            for (SseClient client : clients) {
                send(client, entry);
            }
        }));
        heartbeat.scheduleAtFixedRate(() -> sender.execute(() -> {
            for (SseClient client : clients) {
                try {
                    client.sendComment("heartbeat");
                } catch (RuntimeException e) {
                    clients.remove(client);
                }
            }
        }), HEARTBEAT_SECONDS, HEARTBEAT_SECONDS, TimeUnit.SECONDS);
    }

    /**
     * Javalin SSE handler: greets the browser with the buffer position, replays what it missed since
     * {@code lastEventId} (header Last-Event-ID, else query parameter {@code after}), then keeps it for live alerts.
     */
    public void connect(SseClient client) {
        String lastEventId = client.ctx().header("Last-Event-ID");
        if (lastEventId == null) {
            lastEventId = client.ctx().queryParam("after");
        }
        long after = replayFrom(lastEventId);
        client.keepAlive();
        client.onClose(() -> clients.remove(client));
        sender.execute(() -> {
            client.sendEvent("hello", helloJson(), null);
            for (AlertLog.Entry entry : log.after(after)) {
                send(client, entry);
            }
            clients.add(client);
        });
    }

    /** The sequence number after which to replay: the one in an id of this epoch, else 0 (everything). */
    long replayFrom(String lastEventId) {
        if (lastEventId == null || lastEventId.isBlank()) {
            return log.lastSeq();
        }
        String prefix = epoch + "-";
        if (lastEventId.startsWith(prefix)) {
            try {
                return Long.parseLong(lastEventId.substring(prefix.length()));
            } catch (NumberFormatException e) {
                return 0;
            }
        }
        return 0;
    }

    /** The id of the newest buffered alert, for {@code GET /api/alerts} to hand to the page. */
    public String cursor() {
        return epoch + "-" + log.lastSeq();
    }

    public int clientCount() {
        return clients.size();
    }

    private String helloJson() {
        try {
            return Json.mapper().writeValueAsString(Map.of("cursor", cursor(), "buffered", log.size()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void send(SseClient client, AlertLog.Entry entry) {
        if (client.terminated()) {
            clients.remove(client);
            return;
        }
        try {
            client.sendEvent(entry.live() ? "alert" : "backfill", Json.mapper().writeValueAsString(entry.alert()),
                    epoch + "-" + entry.seq());
        } catch (IOException | RuntimeException e) {
            LOG.debug("dropping SSE client: {}", e.toString());
            clients.remove(client);
        }
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }

    @Override
    public void close() {
        try {
            subscription.close();
        } catch (Exception e) {
            LOG.debug("closing alert subscription", e);
        }
        heartbeat.shutdownNow();
        sender.shutdownNow();
        for (SseClient client : List.copyOf(clients)) {
            client.close();
        }
        clients.clear();
    }
}

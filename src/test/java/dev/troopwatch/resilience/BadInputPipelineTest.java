package dev.troopwatch.resilience;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.troopwatch.dashboard.DashboardConfig;
import dev.troopwatch.dashboard.DashboardMetrics;
import dev.troopwatch.dashboard.DashboardServer;
import dev.troopwatch.kafka.BrokerSettings;
import dev.troopwatch.kafka.EmbeddedKafkaBroker;
import dev.troopwatch.kafka.TopicApplier;
import dev.troopwatch.kafka.TopicSpecLoader;
import dev.troopwatch.normalise.ArticleValidator;
import dev.troopwatch.stream.DeadLetter;
import dev.troopwatch.stream.Json;
import dev.troopwatch.stream.StreamsDefaults;
import dev.troopwatch.stream.TopicNames;
import dev.troopwatch.stream.TroopwatchTopology;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Bad input against the real thing: an embedded broker, the production topology in Kafka Streams (exactly-once,
 * the default 1 MiB article limit, plus an extractor that throws on a marker) and the dashboard over it. Every bad
 * record must reach {@code troopwatch.deadletter} with its reason, its original bytes and the partition and offset
 * the broker gave it; the good alerts must all arrive; the dashboard must count the dead letters. The same live
 * dashboard then takes malformed and oversized HTTP requests.
 */
class BadInputPipelineTest {
    private static Path dir;
    private static EmbeddedKafkaBroker broker;
    private static KafkaStreams streams;
    private static DashboardServer dashboard;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeAll
    static void startPipeline() throws Exception {
        dir = Files.createTempDirectory("troopwatch-bad-input-");
        broker = EmbeddedKafkaBroker.start(BrokerSettings.singleNode(dir.resolve("broker")));
        Properties admin = new Properties();
        admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        try (Admin client = Admin.create(admin)) {
            new TopicApplier(client, Duration.ofSeconds(60)).apply(TopicSpecLoader.loadBundled());
        }
        int httpPort = EmbeddedKafkaBroker.freePort(DashboardConfig.LOOPBACK);
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "troopwatch-bad-input-live");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        config.put(StreamsConfig.STATE_DIR_CONFIG, dir.resolve("state").toString());
        config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "100");
        config.put(StreamsConfig.APPLICATION_SERVER_CONFIG, DashboardConfig.LOOPBACK + ":" + httpPort);
        config.put(StreamsConfig.consumerPrefix("auto.offset.reset"), "earliest");
        StreamsDefaults.applyTo(config);
        streams = TroopwatchTopology.streams(config, config,
                PoisonableParts.create(ArticleValidator.DEFAULT_MAX_BYTES));
        CountDownLatch running = new CountDownLatch(1);
        streams.setStateListener((now, before) -> {
            if (now == KafkaStreams.State.RUNNING) {
                running.countDown();
            }
        });
        streams.start();
        assertTrue(running.await(3, TimeUnit.MINUTES), "Kafka Streams RUNNING");
        dashboard = DashboardServer.start(DashboardConfig.loopback(httpPort), streams, config,
                DashboardMetrics.newRegistry());
    }

    @AfterAll
    static void stopPipeline() {
        if (dashboard != null) {
            dashboard.close();
        }
        if (streams != null) {
            streams.close(Duration.ofSeconds(30));
        }
        if (broker != null) {
            broker.close();
        }
        if (dir != null) {
            UninterruptedRun.deleteTree(dir);
        }
    }

    @Test
    void badRecordsAreDeadLetteredWithBytesAndPositionGoodAlertsArriveAndTheDashboardCountsThem() throws Exception {
        List<ArticleStream.Wire> good = ArticleStream.generate(11, 6, 6);
        Outcome expected = UninterruptedRun.of(good);
        List<BadRecords.Bad> bad = BadRecords.all(ArticleValidator.DEFAULT_MAX_BYTES);
        Map<String, RecordMetadata> position = new HashMap<>();
        Properties producerConfig = new Properties();
        producerConfig.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
        // The raw topic takes records up to 2 MiB, so that the pipeline, not the broker, refuses an oversized one.
        producerConfig.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Integer.toString(2 * 1024 * 1024));
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerConfig, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            int every = Math.max(1, good.size() / bad.size());
            int next = 0;
            for (int i = 0; i < good.size(); i++) {
                producer.send(new ProducerRecord<>(TopicNames.ARTICLES_RAW, good.get(i).key(),
                        UninterruptedRun.json(good.get(i))));
                if (i % every == every - 1 && next < bad.size()) {
                    send(producer, bad.get(next++), position);
                }
            }
            while (next < bad.size()) {
                send(producer, bad.get(next++), position);
            }
            producer.flush();
        }

        try (ClusterProbe probe = new ClusterProbe(broker.bootstrapServers())) {
            ClusterProbe.await("every good alert and every dead letter", Duration.ofMinutes(3), () -> {
                if (!streams.state().isRunningOrRebalancing()) {
                    throw new AssertionError("Kafka Streams stopped: " + streams.state());
                }
                Outcome now = probe.readOutcome();
                return now.missingAlerts(expected).isEmpty() && probe.deadLetters().size() >= bad.size();
            });
            Outcome actual = probe.readOutcome();
            System.out.printf("[bad-input live] %d good articles, %d bad records: %s%n", good.size(), bad.size(),
                    actual.compareTo(expected));
            assertEquals(expected.alerts(), actual.alerts(), "every good alert, unchanged");
            assertEquals(0, actual.duplicateCount(), "no duplicate alerts");

            Map<String, DeadLetter> byKey = new HashMap<>();
            for (ConsumerRecord<String, byte[]> record : probe.deadLetters()) {
                DeadLetter letter = Json.mapper().readValue(record.value(), DeadLetter.class);
                byKey.put(new String(Base64.getDecoder().decode(letter.keyBase64()), StandardCharsets.UTF_8), letter);
                System.out.printf("[bad-input live] %-22s %-18s %s-%d@%d value %s bytes%n", letter.reason(),
                        letter.stage(), letter.sourceTopic(), letter.sourcePartition(), letter.sourceOffset(),
                        letter.valueBase64() == null ? "no" : Base64.getDecoder().decode(letter.valueBase64()).length);
            }
            assertEquals(bad.size(), byKey.size(), "one dead letter per bad record: " + byKey.keySet());
            for (BadRecords.Bad record : bad) {
                DeadLetter letter = byKey.get(record.key());
                assertTrue(letter != null, "no dead letter for " + record.key());
                assertEquals(record.reason(), letter.reason(), record.key());
                if (record.reason().equals(DeadLetter.PROCESSING_ERROR)) {
                    assertEquals(TopicNames.ARTICLES_RAW, letter.sourceTopic(), "failed in the extraction stage");
                    assertTrue(new String(Base64.getDecoder().decode(letter.valueBase64()), StandardCharsets.UTF_8)
                            .contains(PoisonableParts.POISON), "the dead letter carries the failing record");
                } else {
                    RecordMetadata sent = position.get(record.key());
                    assertEquals(TopicNames.ARTICLES_RAW, letter.sourceTopic(), record.key());
                    assertEquals(sent.partition(), letter.sourcePartition(), record.key());
                    assertEquals(sent.offset(), letter.sourceOffset(), record.key());
                    assertArrayEquals(record.value(), Base64.getDecoder().decode(letter.valueBase64()),
                            "original bytes of " + record.key());
                }
            }
        }

        JsonNode health = awaitHealth(bad.size());
        System.out.printf("[bad-input live] /api/health totals %s, dead letters seen %s%n", health.get("totals"),
                health.at("/dead_letters/seen"));
        assertEquals(bad.size(), health.at("/dead_letters/seen").asLong(), "committed dead letters on the panel");
        // The per-instance figure is the producer's send count: sends in a transaction that was aborted and redone
        // count too, so under exactly-once it may exceed the committed number.
        assertTrue(health.at("/totals/dead_letters").asLong() >= bad.size(), "dead-letter sends in the totals");
        String deadLetterMetric = awaitDeadLetterMetric();
        System.out.println("[bad-input live] /metrics: " + deadLetterMetric);
        assertTrue(!deadLetterMetric.isEmpty(), "/metrics carries the dead-letter topic's send total");
    }

    @Test
    void theApiRejectsMalformedAndOversizedRequestsCleanly() throws Exception {
        Map<String, Integer> statusByProbe = new LinkedHashMap<>();
        statusByProbe.put("unknown route", get("/no/such/route").statusCode());
        statusByProbe.put("unknown situation", get("/api/situations/ZZ-QQ").statusCode());
        statusByProbe.put("malformed situation key", get("/api/situations/%22%3Cscript%3E").statusCode());
        statusByProbe.put("bad percent-encoding", rawStatus("GET /api/situations/%ZZ HTTP/1.1\r\nHost: x\r\n"
                + "Connection: close\r\n\r\n"));
        statusByProbe.put("bad since", get("/api/alerts?since=yesterday").statusCode());
        statusByProbe.put("bad type", get("/api/alerts?type=" + "A".repeat(300)).statusCode());
        statusByProbe.put("long url", get("/api/situations?q=" + "x".repeat(64 * 1024)).statusCode());
        statusByProbe.put("huge header", rawStatus("GET /api/health HTTP/1.1\r\nHost: x\r\nX-Big: "
                + "y".repeat(64 * 1024) + "\r\nConnection: close\r\n\r\n"));
        statusByProbe.put("oversized body", HTTP.send(HttpRequest.newBuilder(uri("/api/situations"))
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[2 * 1024 * 1024])).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode());
        statusByProbe.put("garbage request line", rawStatus("\u0001\u0002 garbage \u0003\r\n\r\n"));
        statusByProbe.put("event stream without Accept", get("/api/alerts/stream").statusCode());
        statusByProbe.forEach((probe, status) -> System.out.printf("[http] %-30s -> %d%n", probe, status));

        assertEquals(404, statusByProbe.get("unknown route"));
        assertEquals(404, statusByProbe.get("unknown situation"));
        assertEquals(400, statusByProbe.get("malformed situation key"));
        assertEquals(400, statusByProbe.get("bad percent-encoding"));
        assertEquals(400, statusByProbe.get("bad since"));
        assertEquals(400, statusByProbe.get("bad type"));
        assertEquals(414, statusByProbe.get("long url"));
        assertEquals(431, statusByProbe.get("huge header"));
        assertTrue(List.of(405, 413).contains(statusByProbe.get("oversized body")), "POST of 2 MiB refused");
        assertEquals(400, statusByProbe.get("garbage request line"));
        assertEquals(406, statusByProbe.get("event stream without Accept"));
        for (String path : List.of("/no/such/route", "/api/situations/ZZ-QQ", "/api/alerts?since=yesterday")) {
            HttpResponse<String> response = get(path);
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
                    path + " answers JSON");
            assertTrue(Json.mapper().readTree(response.body()).has("error"), path + " names the error");
        }
        // Jetty's parser answers an over-long URL before any route runs; what it sends is printed, not asserted.
        HttpResponse<String> longUrl = get("/api/situations?q=" + "x".repeat(64 * 1024));
        System.out.printf("[http] long url body: %s %s%n", longUrl.headers().firstValue("Content-Type").orElse("-"),
                longUrl.body().substring(0, Math.min(120, longUrl.body().length())));
        HttpResponse<String> post = HTTP.send(HttpRequest.newBuilder(uri("/api/situations"))
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[2 * 1024 * 1024])).build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(post.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
                "the refused POST answers JSON: " + post.body());
        assertEquals(200, get("/api/health").statusCode(), "the server still answers after all that");
    }

    private static void send(KafkaProducer<byte[], byte[]> producer, BadRecords.Bad record,
                             Map<String, RecordMetadata> position) throws Exception {
        position.put(record.key(), producer.send(new ProducerRecord<>(TopicNames.ARTICLES_RAW,
                record.key().getBytes(StandardCharsets.UTF_8), record.value())).get(60, TimeUnit.SECONDS));
    }

    private static JsonNode awaitHealth(int deadLetters) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (true) {
            JsonNode health = Json.mapper().readTree(get("/api/health").body());
            if (health.at("/dead_letters/seen").asLong() >= deadLetters
                    && health.at("/totals/dead_letters").asLong() >= deadLetters) {
                return health;
            }
            if (System.nanoTime() > deadline) {
                return health;
            }
            // The dashboard's topic feed and the producer metrics are read asynchronously; ask again shortly.
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(500));
        }
    }

    /**
     * The Prometheus line with the producer's send total for the dead-letter topic. Micrometer's Kafka binder picks
     * up metrics that appear after it was bound (a topic's first send) on its periodic rescan, so this asks again
     * for a while.
     */
    private static String awaitDeadLetterMetric() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (true) {
            String line = get("/metrics").body().lines()
                    .filter(l -> !l.startsWith("#") && l.contains(TopicNames.DEADLETTER) && l.contains("record_send"))
                    .findFirst().orElse("");
            if (!line.isEmpty() || System.nanoTime() > deadline) {
                return line;
            }
            LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(1));
        }
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + dashboard.port() + path);
    }

    /** Sends bytes no well-behaved client would, and reads the status code of the answer. */
    private static int rawStatus(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", dashboard.port())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            String statusLine = new String(in.readNBytes(12), StandardCharsets.ISO_8859_1);
            return Integer.parseInt(statusLine.substring(9, 12));
        }
    }
}

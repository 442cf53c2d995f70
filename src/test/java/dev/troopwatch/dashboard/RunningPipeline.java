package dev.troopwatch.dashboard;

import dev.troopwatch.ingest.ParsedArticle;
import dev.troopwatch.ingest.PublishReport;
import dev.troopwatch.ingest.RawArticle;
import dev.troopwatch.ingest.ReadBatch;
import dev.troopwatch.ingest.WirePublisher;
import dev.troopwatch.kafka.BrokerSettings;
import dev.troopwatch.kafka.EmbeddedKafkaBroker;
import dev.troopwatch.kafka.TopicApplier;
import dev.troopwatch.kafka.TopicSpecLoader;
import dev.troopwatch.stream.Json;
import dev.troopwatch.stream.StreamsDefaults;
import dev.troopwatch.stream.TopicNames;
import dev.troopwatch.stream.TroopwatchTopology;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The whole pipeline for dashboard tests: the project's embedded KRaft broker, the topics from {@code topics/},
 * the production topology in Kafka Streams, and the dashboard server over it, as the runtime wires them.
 */
final class RunningPipeline implements AutoCloseable {
    final EmbeddedKafkaBroker broker;
    final KafkaStreams streams;
    final DashboardServer dashboard;
    private RunningPipeline(EmbeddedKafkaBroker broker, KafkaStreams streams, DashboardServer dashboard) {
        this.broker = broker;
        this.streams = streams;
        this.dashboard = dashboard;
    }

    static RunningPipeline start(Path dataDir) throws Exception {
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(BrokerSettings.singleNode(dataDir.resolve("broker")));
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.bootstrapServers()))) {
            new TopicApplier(admin, Duration.ofSeconds(60)).apply(TopicSpecLoader.loadBundled());
        }
        Instance first = Instance.start(broker, dataDir.resolve("instance-1"));
        return new RunningPipeline(broker, first.streams(), first.dashboard());
    }

    /**
     * Another instance of the same application (same application id, its own state dir and HTTP port): Kafka
     * Streams splits the partitions between the instances, and each dashboard must still show everything.
     */
    Instance startAnotherInstance(Path stateDir) throws Exception {
        return Instance.start(broker, stateDir);
    }

    /** One Kafka Streams instance of the application with its dashboard, advertised as application.server. */
    record Instance(KafkaStreams streams, DashboardServer dashboard, Properties config) implements AutoCloseable {
        static Instance start(EmbeddedKafkaBroker broker, Path stateDir) throws Exception {
            int httpPort = EmbeddedKafkaBroker.freePort("127.0.0.1");
            Properties config = new Properties();
            config.put(StreamsConfig.APPLICATION_ID_CONFIG, "troopwatch-dashboard-test");
            config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
            config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
            config.put(StreamsConfig.APPLICATION_SERVER_CONFIG, "127.0.0.1:" + httpPort);
            // Short commits so a committed alert reaches the read_committed feed within a fraction of a second.
            config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "100");
            StreamsDefaults.applyTo(config);
            KafkaStreams streams = TroopwatchTopology.streams(config);
            CountDownLatch running = new CountDownLatch(1);
            streams.setStateListener((now, before) -> {
                if (now == KafkaStreams.State.RUNNING) {
                    running.countDown();
                }
            });
            streams.start();
            if (!running.await(90, TimeUnit.SECONDS)) {
                streams.close(Duration.ofSeconds(10));
                throw new IllegalStateException("streams did not reach RUNNING within 90 s: " + streams.state());
            }
            DashboardServer dashboard = DashboardServer.start(DashboardConfig.loopback(httpPort), streams, config,
                    DashboardMetrics.newRegistry());
            // Alerts read before the feed reaches the end of the topic count as history, not news: wait for it.
            HttpClient http = HttpClient.newHttpClient();
            Await.until(Duration.ofSeconds(60), "the dashboard's alert feed to catch up", () -> Json.mapper()
                    .readTree(http.send(HttpRequest.newBuilder(dashboard.uri().resolve("/api/health")).build(),
                            HttpResponse.BodyHandlers.ofString()).body())
                    .at("/alert_feed/caught_up").asBoolean());
            return new Instance(streams, dashboard, config);
        }

        @Override
        public void close() {
            dashboard.close();
            streams.close(Duration.ofSeconds(30));
        }
    }

    /** Publishes one article with the project's wire producer (idempotent, acks=all), as {@code publish} does. */
    void publish(String id, String source, String headline, String published, String body) {
        Properties producer = new Properties();
        producer.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        try (WirePublisher publisher = new WirePublisher(producer)) {
            RawArticle article = new RawArticle(id, "https://example.org/wire/" + id, source, headline, published,
                    "en", body);
            PublishReport report = publisher.publish(new ReadBatch(List.of(new ParsedArticle(id, article)),
                    List.of()));
            if (report.published() != 1) {
                throw new IllegalStateException("article " + id + " not published: " + report.summary());
            }
        }
    }

    /** Sends bytes that are not an article at all, which the pipeline must turn into a dead letter. */
    void publishGarbage(String key) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(TopicNames.ARTICLES_RAW, key,
                    "this is not an article".getBytes(StandardCharsets.UTF_8))).get(30, TimeUnit.SECONDS);
        }
    }

    @Override
    public void close() {
        dashboard.close();
        streams.close(Duration.ofSeconds(30));
        broker.close();
    }
}

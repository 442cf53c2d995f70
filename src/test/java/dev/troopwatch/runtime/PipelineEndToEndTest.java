package dev.troopwatch.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.troopwatch.cli.Main;
import dev.troopwatch.ingest.ArticleKeys;
import dev.troopwatch.ingest.ParsedArticle;
import dev.troopwatch.ingest.PublishReport;
import dev.troopwatch.ingest.RawArticle;
import dev.troopwatch.ingest.ReadBatch;
import dev.troopwatch.ingest.Rejection;
import dev.troopwatch.ingest.WirePublisher;
import dev.troopwatch.kafka.BrokerSettings;
import dev.troopwatch.kafka.EmbeddedKafkaBroker;
import dev.troopwatch.stream.Json;
import dev.troopwatch.stream.TopicNames;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * What {@code demo} does, minus the terminal: a real embedded broker, topics applied, the topology running in
 * Kafka Streams, articles published by our producer and by kcat, and the pipeline's output read back.
 */
class PipelineEndToEndTest {
    @TempDir
    static Path dataDir;
    private static EmbeddedKafkaBroker broker;
    private static PipelineRunner pipeline;
    private static TroopwatchConfig config;

    @BeforeAll
    static void start() {
        broker = EmbeddedKafkaBroker.start(BrokerSettings.singleNode(dataDir.resolve("kafka")));
        Properties flags = new Properties();
        flags.setProperty(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        config = TroopwatchConfig.resolve(new Properties(), flags, dataDir, "127.0.0.1", 0);
        pipeline = PipelineRunner.start(config, HttpEndpoints.defaultFactory(), Duration.ofSeconds(90));
        System.out.println("broker ready in " + broker.startupTime().toMillis() + " ms, pipeline RUNNING in "
                + pipeline.startupTime().toMillis() + " ms");
    }

    @AfterAll
    static void stop() {
        if (pipeline != null) {
            pipeline.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void pipelineIsRunningAndAnswersHealth() throws Exception {
        assertEquals(KafkaStreams.State.RUNNING, pipeline.streams().state());
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + pipeline.http().port() + "/api/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        JsonNode instances = Json.mapper().readTree(response.body()).path("instances");
        assertEquals(1, instances.size(), response.body());
        assertEquals("RUNNING", instances.path(0).path("state").asText(), response.body());
        assertEquals(config.applicationServer(), instances.path(0).path("instance").asText(), response.body());
    }

    @Test
    void articlePublishedWithOurProducerReachesTheCleanTopic() {
        RawArticle article = new RawArticle("e2e-producer-1", "https://example.org/e2e/1", "Example Wire (AFP)",
                "More soldiers sent to the border region, officials say", "2025-02-27",
                "en", "A further contingent of soldiers was sent to the border region on Thursday, officials said.\n\n"
                + "The exact size of the group is still being assessed, they added.");
        Properties producer = new Properties();
        producer.setProperty(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        PublishReport report;
        try (WirePublisher publisher = new WirePublisher(producer)) {
            report = publisher.publish(new ReadBatch(List.of(new ParsedArticle("test", article)), List.of()),
                    published -> { });
        }
        assertEquals(new PublishReport(1, List.of()), report);
        JsonNode clean = awaitClean("e2e-producer-1");
        assertEquals("e2e-producer-1", clean.path("id").asText());
    }

    @Test
    void kcatPublishesARawArticleReadsItBackAndThePipelinePicksItUp() throws Exception {
        Optional<Path> kcat = kcat();
        Assumptions.assumeTrue(kcat.isPresent(), "kcat is not installed (apt-get install -y kcat); kcat test SKIPPED");
        String json = "{\"id\":\"e2e-kcat-1\",\"url\":\"https://example.org/e2e/kcat\",\"source\":\"Example Wire\","
                + "\"headline\":\"Engineers return from the front, ministry says\",\"published\":\"2025-03-01\","
                + "\"language\":\"en\",\"body\":\"Military engineers returned home on Saturday after months of mine "
                + "clearance, the ministry said.\"}";
        Process produce = new ProcessBuilder(kcat.get().toString(), "-P", "-b", broker.bootstrapServers(), "-t",
                TopicNames.ARTICLES_RAW, "-k", "e2e-kcat-1", "-X", "enable.idempotence=true", "-X", "acks=all")
                .redirectErrorStream(true).start();
        produce.getOutputStream().write((json + "\n").getBytes(StandardCharsets.UTF_8));
        produce.getOutputStream().close();
        assertTrue(produce.waitFor(30, TimeUnit.SECONDS), "kcat -P did not finish");
        assertEquals(0, produce.exitValue(), new String(produce.getInputStream().readAllBytes()));

        String readBack = kcatRead(kcat.get(), TopicNames.ARTICLES_RAW, "e2e-kcat-1");
        assertEquals(Json.mapper().readTree(json), Json.mapper().readTree(readBack));

        assertEquals("e2e-kcat-1", awaitClean("e2e-kcat-1").path("id").asText());
        assertEquals("e2e-kcat-1", Json.mapper().readTree(kcatRead(kcat.get(), TopicNames.ARTICLES_CLEAN,
                "e2e-kcat-1")).path("id").asText());
    }

    @Test
    void oneArticleTheBrokerRefusesDoesNotStopTheBatch() {
        RawArticle good = new RawArticle("e2e-batch-good", null, "Example Wire", "Troops return to barracks",
                "2025-03-02", "en", "The soldiers returned to their barracks on Sunday, the army said.");
        RawArticle huge = new RawArticle("e2e-batch-huge", null, "Example Wire", "Oversized",
                "2025-03-02", "en", "x".repeat(3 * 1024 * 1024));
        Properties producer = new Properties();
        producer.setProperty(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        PublishReport report;
        try (WirePublisher publisher = new WirePublisher(producer)) {
            report = publisher.publish(new ReadBatch(List.of(new ParsedArticle("huge.json", huge),
                    new ParsedArticle("good.json", good)), List.of()), published -> { });
        }
        assertEquals(1, report.published(), report.toString());
        assertEquals(1, report.rejected().size(), report.toString());
        assertEquals("huge.json", report.rejected().get(0).origin());
        assertEquals("e2e-batch-good", awaitClean("e2e-batch-good").path("id").asText());
    }

    @Test
    void aBatchForATopicThatDoesNotExistIsRejectedWholeNamingTheTopic() {
        Properties producer = new Properties();
        producer.setProperty(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        producer.setProperty(ProducerConfig.MAX_BLOCK_MS_CONFIG, "2000");
        List<ParsedArticle> articles = List.of(
                new ParsedArticle("a.json", new RawArticle("e2e-missing-a", null, "Example Wire", "Convoy seen",
                        "2025-03-03", "en", "A convoy was seen near the border on Monday.")),
                new ParsedArticle("b.json", new RawArticle("e2e-missing-b", null, "Example Wire", "Convoy gone",
                        "2025-03-04", "en", "The convoy had left the border by Tuesday.")));
        PublishReport report;
        try (WirePublisher publisher = new WirePublisher(producer, "troopwatch.no-such-topic")) {
            report = publisher.publish(new ReadBatch(articles, List.of()), published -> { });
        }
        assertEquals(0, report.published(), report.toString());
        assertEquals(List.of("a.json", "b.json"), report.rejected().stream().map(Rejection::origin).toList());
        assertTrue(report.rejected().get(0).reason().contains("troopwatch.no-such-topic"), report.toString());
    }

    @Test
    void publishTailAndTopicsCommandsWorkAgainstTheBroker() throws Exception {
        Path wires = dataDir.resolve("cli-wires");
        Files.createDirectories(wires);
        Files.writeString(wires.resolve("one.txt"), """
                url: https://example.org/e2e/cli-1
                outlet: Example Wire
                title: Reinforcements reach the northern front
                published: 2025-03-03
                ---
                Reinforcements reached the northern front on Monday, the defence ministry said.
                """);
        Files.writeString(wires.resolve("broken.json"), "{\"headline\": ");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = new CommandLine(new Main()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute("publish", "--bootstrap-servers", broker.bootstrapServers(), wires.toString());
        assertEquals(1, exit, "one file was rejected");
        assertTrue(out.toString().startsWith("published 1, rejected 1"), out.toString());
        assertTrue(err.toString().contains("broken.json: invalid JSON"), err.toString());

        String id = ArticleKeys.withId(new RawArticle(null, "https://example.org/e2e/cli-1", null, null, null, null,
                null)).id();
        awaitClean(id);
        StringWriter tail = new StringWriter();
        assertEquals(0, new CommandLine(new Main()).setOut(new PrintWriter(tail)).execute("tail",
                "--bootstrap-servers", broker.bootstrapServers(), "--topic", TopicNames.ARTICLES_RAW,
                "--from-beginning", "--idle-timeout", "3s"));
        JsonNode line = null;
        for (String l : tail.toString().split("\n")) {
            JsonNode node = Json.mapper().readTree(l);
            if (id.equals(node.path("key").asText())) {
                line = node;
            }
        }
        assertTrue(line != null, "tail printed the published article:\n" + tail);
        assertEquals(TopicNames.ARTICLES_RAW, line.path("topic").asText());
        assertTrue(line.path("offset").isIntegralNumber() && line.path("timestamp").isTextual());
        assertEquals("Reinforcements reach the northern front", line.path("value").path("headline").asText());

        StringWriter topics = new StringWriter();
        assertEquals(0, new CommandLine(new Main()).setOut(new PrintWriter(topics)).execute("topics", "--apply",
                "--bootstrap-servers", broker.bootstrapServers()));
        assertTrue(topics.toString().contains(" 0 changed"), "the pipeline applied them already:\n" + topics);
    }

    @Test
    void publishFeedPublishesEachItemOnceAcrossRuns() throws Exception {
        byte[] rss;
        try (InputStream in = PipelineEndToEndTest.class.getResourceAsStream("/feeds/wires.rss.xml")) {
            rss = in.readAllBytes();
        }
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/feed.xml", exchange -> {
            exchange.sendResponseHeaders(200, rss.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(rss);
            }
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/feed.xml";
            Path feedData = dataDir.resolve("feed-cli");
            StringWriter first = new StringWriter();
            int exit = new CommandLine(new Main()).setOut(new PrintWriter(first)).setErr(new PrintWriter(new StringWriter()))
                    .execute("publish", "--bootstrap-servers", broker.bootstrapServers(), "--data-dir",
                            feedData.toString(), "--feed", url);
            assertEquals(1, exit, "the item without text is rejected");
            assertTrue(first.toString().startsWith("published 2, rejected 1"), first.toString());
            StringWriter second = new StringWriter();
            assertEquals(0, new CommandLine(new Main()).setOut(new PrintWriter(second)).execute("publish",
                    "--bootstrap-servers", broker.bootstrapServers(), "--data-dir", feedData.toString(), "--feed", url));
            assertTrue(second.toString().startsWith("published 0, rejected 0"), second.toString());
        } finally {
            server.stop(0);
        }
    }

    /** kcat -C over the whole topic, committed records only; the value of the record with {@code key}. */
    private static String kcatRead(Path kcat, String topic, String key) throws IOException, InterruptedException {
        Process consume = new ProcessBuilder(kcat.toString(), "-C", "-b", broker.bootstrapServers(), "-t", topic,
                "-o", "beginning", "-e", "-q", "-X", "isolation.level=read_committed", "-f", "%k\t%s\n")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String output = new String(consume.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(consume.waitFor(30, TimeUnit.SECONDS), "kcat -C did not finish");
        List<String> values = new ArrayList<>();
        for (String line : output.split("\n")) {
            if (line.startsWith(key + "\t")) {
                values.add(line.substring(key.length() + 1));
            }
        }
        assertEquals(1, values.size(), "records with key " + key + " in " + topic + ":\n" + output);
        return values.get(0);
    }

    private static JsonNode awaitClean(String key) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "e2e-" + key);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(TopicNames.ARTICLES_CLEAN));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (key.equals(record.key())) {
                        return Json.mapper().readTree(record.value());
                    }
                }
            }
        } catch (IOException e) {
            throw new AssertionError("clean record for " + key + " is not JSON", e);
        }
        throw new AssertionError("no clean record for " + key + " within 60 s");
    }

    private static Optional<Path> kcat() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path candidate = Path.of(dir, "kcat");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}

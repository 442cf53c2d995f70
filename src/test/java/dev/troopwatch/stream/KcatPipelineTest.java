package dev.troopwatch.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.troopwatch.alert.Alert;
import dev.troopwatch.ingest.RawArticle;
import dev.troopwatch.kafka.BrokerSettings;
import dev.troopwatch.kafka.EmbeddedKafkaBroker;
import dev.troopwatch.kafka.TopicApplier;
import dev.troopwatch.kafka.TopicSpecLoader;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample timeline through a real broker, with a client we did not write on both ends: kcat publishes the raw
 * wires and reads the alerts back ({@code read_committed}). Skipped, visibly, when kcat is not installed.
 */
class KcatPipelineTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    @TempDir
    Path dir;

    @Test
    void kcatInKcatOutGivesTheSampleAlerts() throws Exception {
        Assumptions.assumeTrue(kcatAvailable(), "SKIPPED: kcat is not installed (apt-get install -y kcat)");
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(BrokerSettings.singleNode(dir.resolve("kafka")))) {
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                    broker.bootstrapServers()))) {
                // the topics as shipped: several partitions, so reports reach the tracker interleaved
                new TopicApplier(admin, Duration.ofSeconds(60)).apply(TopicSpecLoader.loadDirectory(Path.of("topics")));
            }
            Properties config = new Properties();
            config.put(StreamsConfig.APPLICATION_ID_CONFIG, "troopwatch-kcat-test");
            config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
            config.put(StreamsConfig.STATE_DIR_CONFIG, dir.resolve("state").toString());
            config.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1);
            StreamsDefaults.applyTo(config);
            try (KafkaStreams streams = TroopwatchTopology.streams(config)) {
                CountDownLatch running = new CountDownLatch(1);
                streams.setStateListener((now, before) -> {
                    if (now == KafkaStreams.State.RUNNING) {
                        running.countDown();
                    }
                });
                streams.start();
                assertTrue(running.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS), "streams never reached RUNNING");

                Path wires = dir.resolve("wires.txt");
                StringBuilder lines = new StringBuilder();
                for (RawArticle article : PipelineHarness.samples()) {
                    lines.append(article.id()).append('|')
                            .append(new String(PipelineHarness.bytes(article), StandardCharsets.UTF_8)).append('\n');
                }
                Files.writeString(wires, lines);
                run(List.of("kcat", "-P", "-b", broker.bootstrapServers(), "-t", TopicNames.ARTICLES_RAW, "-K", "|",
                        "-X", "acks=all", "-l", wires.toString()), null);

                List<String> expectedLines = PipelineHarness.sampleAlertLines(dir.resolve("ttd"));
                int expected = expectedLines.size();
                String out = run(List.of("kcat", "-C", "-b", broker.bootstrapServers(), "-t", TopicNames.ALERTS,
                        "-o", "beginning", "-c", Integer.toString(expected), "-q", "-f", "%s\n",
                        "-X", "isolation.level=read_committed"), null);
                List<Alert> alerts = new ArrayList<>();
                for (String line : out.split("\n")) {
                    if (!line.isBlank()) {
                        alerts.add(Json.mapper().readValue(line, Alert.class));
                    }
                }
                alerts.forEach(a -> System.out.println("kcat alert: " + SampleTimelineTest.line(a)));
                // the same alerts as the topology test driver gives (SampleTimelineTest pins those); partitions
                // interleave situations, but within a situation the order is the sequence
                assertEquals(expectedLines.stream().sorted().toList(),
                        alerts.stream().map(SampleTimelineTest::line).sorted().toList());
                List<String> kpRu = alerts.stream().map(Alert::alertId).filter(id -> id.startsWith("KP-RU#")).toList();
                assertEquals(expectedLines.stream().filter(l -> l.startsWith("KP-RU#"))
                        .map(l -> l.substring(0, l.indexOf(' '))).toList(), kpRu);

                // a record on an internal topic that cannot be read reaches the dead letters through the handler
                Path garbage = dir.resolve("garbage.txt");
                Files.writeString(garbage, "broken|{\"id\": 3, \"text\": [\n");
                String reports = "troopwatch-kcat-test-" + StoreNames.SITUATION_REPORTS_REPARTITION + "-repartition";
                run(List.of("kcat", "-P", "-b", broker.bootstrapServers(), "-t", reports, "-K", "|",
                        "-l", garbage.toString()), null);
                String dead = run(List.of("kcat", "-C", "-b", broker.bootstrapServers(), "-t", TopicNames.DEADLETTER,
                        "-o", "beginning", "-c", "1", "-q", "-f", "%s\n", "-X", "isolation.level=read_committed"),
                        null);
                DeadLetter letter = Json.mapper().readValue(dead.trim(), DeadLetter.class);
                assertEquals(DeadLetter.DESERIALIZATION_ERROR, letter.reason());
                assertEquals(reports, letter.sourceTopic());
            }
        }
    }

    private static boolean kcatAvailable() {
        try {
            Process p = new ProcessBuilder("kcat", "-V").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Runs a command to completion within the timeout and returns its standard output. */
    private static String run(List<String> command, byte[] stdin) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (OutputStream in = process.getOutputStream()) {
            if (stdin != null) {
                in.write(stdin);
            }
        }
        byte[][] out = new byte[1][];
        Thread reader = new Thread(() -> {
            try {
                out[0] = process.getInputStream().readAllBytes();
            } catch (IOException e) {
                out[0] = new byte[0];
            }
        });
        reader.start();
        if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("timed out: " + String.join(" ", command));
        }
        reader.join(TimeUnit.SECONDS.toMillis(10));
        assertEquals(0, process.exitValue(), "exit code of " + String.join(" ", command));
        return new String(out[0], StandardCharsets.UTF_8);
    }
}

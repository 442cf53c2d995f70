package dev.troopwatch.resilience;

import dev.troopwatch.stream.Json;
import dev.troopwatch.stream.StreamsDefaults;
import dev.troopwatch.stream.TopicNames;
import dev.troopwatch.stream.TroopwatchTopology;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

/**
 * The reference result: the production topology run over a stream in a TopologyTestDriver, one record at a time,
 * nothing killed. The crash and failover tests compare what a real cluster produced against this.
 */
final class UninterruptedRun {
    private UninterruptedRun() {
    }

    static Outcome of(List<ArticleStream.Wire> wires) {
        Path stateDir;
        try {
            stateDir = Files.createTempDirectory("troopwatch-reference-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "troopwatch-reference");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        // Every report decided on arrival: the driver feeds one record at a time in publication order, which is
        // the order the tracker's reorder buffer restores on a real cluster.
        config.put(StreamsDefaults.REORDER_WINDOW_MS, "0");
        StreamsDefaults.applyTo(config);
        Outcome.Builder outcome = new Outcome.Builder();
        try (TopologyTestDriver driver = new TopologyTestDriver(TroopwatchTopology.buildTopology(config), config)) {
            TestInputTopic<byte[], byte[]> raw = driver.createInputTopic(TopicNames.ARTICLES_RAW,
                    new ByteArraySerializer(), new ByteArraySerializer());
            TestOutputTopic<String, byte[]> alerts = driver.createOutputTopic(TopicNames.ALERTS,
                    new StringDeserializer(), new ByteArrayDeserializer());
            TestOutputTopic<String, byte[]> situations = driver.createOutputTopic(TopicNames.SITUATIONS,
                    new StringDeserializer(), new ByteArrayDeserializer());
            for (ArticleStream.Wire wire : wires) {
                raw.pipeInput(wire.key(), json(wire));
            }
            alerts.readValuesToList().forEach(outcome::alert);
            for (TestRecord<String, byte[]> state : situations.readRecordsToList()) {
                outcome.situation(state.key(), state.value());
            }
        } finally {
            deleteTree(stateDir);
        }
        return outcome.build();
    }

    /** Removes a temporary directory and everything under it; what cannot be removed is left to the OS. */
    static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a leftover temp directory is not worth failing a test for
        }
    }

    static byte[] json(ArticleStream.Wire wire) {
        try {
            return Json.mapper().writeValueAsBytes(wire.article());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

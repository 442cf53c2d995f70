package dev.troopwatch.stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.troopwatch.alert.Alert;
import dev.troopwatch.ingest.RawArticle;
import dev.troopwatch.track.HistoryEntry;
import dev.troopwatch.track.ReportFingerprint;
import dev.troopwatch.track.SituationState;
import dev.troopwatch.track.SituationUpdate;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/** A TopologyTestDriver with the troopwatch topics attached: publish raw records, drain what comes out. */
final class PipelineHarness implements AutoCloseable {
    private final Properties config;
    private final TopologyTestDriver driver;
    private final TestInputTopic<byte[], byte[]> raw;
    private final TestOutputTopic<String, Alert> alerts;
    private final TestOutputTopic<String, SituationUpdate> situations;
    private final TestOutputTopic<String, DeadLetter> deadLetters;

    PipelineHarness(Topology topology, Properties config) {
        this.config = config;
        driver = new TopologyTestDriver(topology, config);
        raw = driver.createInputTopic(Topics.ARTICLES_RAW.name(), Topics.ARTICLES_RAW.keySerde().serializer(),
                Topics.ARTICLES_RAW.valueSerde().serializer());
        alerts = driver.createOutputTopic(Topics.ALERTS.name(), Topics.ALERTS.keySerde().deserializer(),
                Topics.ALERTS.valueSerde().deserializer());
        situations = driver.createOutputTopic(Topics.SITUATIONS.name(), Topics.SITUATIONS.keySerde().deserializer(),
                Topics.SITUATIONS.valueSerde().deserializer());
        deadLetters = driver.createOutputTopic(Topics.DEADLETTER.name(), Topics.DEADLETTER.keySerde().deserializer(),
                Topics.DEADLETTER.valueSerde().deserializer());
    }

    /** The production topology with a per-test state directory. */
    static PipelineHarness production(Path stateDir) {
        Properties config = TopologyWiringTest.config(stateDir);
        return new PipelineHarness(TroopwatchTopology.buildTopology(config), config);
    }

    void publish(String key, byte[] value) {
        raw.pipeInput(key == null ? null : key.getBytes(StandardCharsets.UTF_8), value);
    }

    void publish(RawArticle article) {
        publish(article.id(), bytes(article));
    }

    static byte[] bytes(RawArticle article) {
        try {
            return Json.mapper().writeValueAsBytes(article);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lets the reorder window pass (wall-clock time of the driver), so every buffered report is decided. */
    void settle() {
        driver.advanceWallClockTime(TroopwatchTopology.reorderWindow(config).plusSeconds(1));
    }

    List<Alert> alerts() {
        settle();
        return alerts.readValuesToList();
    }

    /** Moves the driver's wall clock without letting the whole window pass. */
    void advance(Duration wallClock) {
        driver.advanceWallClockTime(wallClock);
    }

    /** The alerts decided so far, without waiting out the reorder window. */
    List<Alert> alertsSoFar() {
        return alerts.readValuesToList();
    }

    List<SituationUpdate> situationUpdates() {
        settle();
        return situations.readValuesToList();
    }

    List<DeadLetter> deadLetters() {
        settle();
        return deadLetters.readValuesToList();
    }

    SituationState situation(String key) {
        settle();
        KeyValueStore<String, SituationState> store = driver.getKeyValueStore(StoreNames.SITUATIONS);
        return store.get(key);
    }

    /** A situation's history records, oldest first: its key range of the history store. */
    List<HistoryEntry> history(String key) {
        settle();
        return rangeOf(driver.<String, HistoryEntry>getKeyValueStore(StoreNames.HISTORY), key);
    }

    /** The fingerprints the situation remembers, oldest first. */
    List<ReportFingerprint> fingerprints(String key) {
        settle();
        return rangeOf(driver.<String, ReportFingerprint>getKeyValueStore(StoreNames.FINGERPRINTS), key);
    }

    private static <V> List<V> rangeOf(KeyValueStore<String, V> store, String situation) {
        List<V> values = new ArrayList<>();
        try (KeyValueIterator<String, V> range = store.range(ReportKeys.start(situation), ReportKeys.end(situation))) {
            range.forEachRemaining(entry -> values.add(entry.value));
        }
        return values;
    }

    /** The driver itself, for reading stores and wall clock directly. */
    TopologyTestDriver driver() {
        return driver;
    }

    /** Alert lines ("id type article") that the production topology raises for the bundled samples alone. */
    static List<String> sampleAlertLines(Path stateDir) {
        try (PipelineHarness pipeline = production(stateDir)) {
            samples().forEach(pipeline::publish);
            return pipeline.alerts().stream().map(SampleTimelineTest::line).toList();
        }
    }

    /** The bundled sample wires, in file (publication) order. */
    static List<RawArticle> samples() {
        List<RawArticle> articles = new ArrayList<>();
        try (InputStream in = PipelineHarness.class.getResourceAsStream("/samples/wires.ndjson")) {
            if (in == null) {
                throw new IllegalStateException("samples/wires.ndjson is missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    articles.add(Json.mapper().readValue(line, RawArticle.class));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return articles;
    }

    @Override
    public void close() {
        driver.close();
    }
}

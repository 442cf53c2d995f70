package dev.troopwatch.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.troopwatch.alert.Alert;
import dev.troopwatch.alert.AlertType;
import dev.troopwatch.extract.Status;
import dev.troopwatch.track.HistoryEntry;
import dev.troopwatch.track.SituationState;
import dev.troopwatch.track.SituationUpdate;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The topology's wiring with scripted stages: routing, keys, dead letters, the store. */
class TopologyWiringTest {
    @TempDir
    Path stateDir;

    /** Test config; each test gets its own state directory so that parallel builds never share one. */
    static Properties config(Path stateDir) {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "troopwatch-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        return StreamsDefaults.applyTo(config);
    }

    private static String article(String id, String published, String body) {
        return "{\"id\":\"" + id + "\",\"headline\":\"Headline " + id + "\",\"published\":\"" + published
                + "\",\"body\":\"" + body + "\"}";
    }

    @Test
    void reportsAreKeyedBySituationAndAlertsAndStatesComeOut() {
        PipelineParts parts = new ScriptedParts()
                .script("a1", "KP", "RU", Status.DEPLOYED, true)
                .script("a2", "KP", "RU", Status.ENGAGED, true)
                .script("a2", "US", "PL", Status.DEPLOYED, true)
                .parts();
        try (TopologyTestDriver driver = new TopologyTestDriver(TroopwatchTopology.buildTopology(config(stateDir), parts),
                config(stateDir))) {
            TestInputTopic<byte[], byte[]> raw = driver.createInputTopic(TopicNames.ARTICLES_RAW,
                    Topics.ARTICLES_RAW.keySerde().serializer(), Topics.ARTICLES_RAW.valueSerde().serializer());
            TestOutputTopic<String, Alert> alerts = driver.createOutputTopic(TopicNames.ALERTS,
                    Topics.ALERTS.keySerde().deserializer(), Topics.ALERTS.valueSerde().deserializer());
            TestOutputTopic<String, SituationUpdate> states = driver.createOutputTopic(TopicNames.SITUATIONS,
                    Topics.SITUATIONS.keySerde().deserializer(), Topics.SITUATIONS.valueSerde().deserializer());
            raw.pipeInput("a1".getBytes(StandardCharsets.UTF_8),
                    article("a1", "2024-10-18", "first body words here").getBytes(StandardCharsets.UTF_8));
            raw.pipeInput("a2".getBytes(StandardCharsets.UTF_8),
                    article("a2", "2024-11-05", "second body other words").getBytes(StandardCharsets.UTF_8));

            driver.advanceWallClockTime(Duration.ofSeconds(5));
            var out = alerts.readKeyValuesToList();
            assertEquals(List.of("KP-RU", "KP-RU", "US-PL"), out.stream().map(kv -> kv.key).toList());
            assertEquals(List.of(AlertType.NEW_DEPLOYMENT, AlertType.ENGAGEMENT, AlertType.NEW_DEPLOYMENT),
                    out.stream().map(kv -> kv.value.type()).toList());
            var updates = states.readKeyValuesToList();
            assertEquals(3, updates.size());
            assertEquals(List.of("a1", "a2", "a2"), updates.stream().map(kv -> kv.value.report().articleId()).toList(),
                    "every update carries the report it applied");
            KeyValueStore<String, SituationState> store = driver.getKeyValueStore(StoreNames.SITUATIONS);
            assertEquals(Status.ENGAGED, store.get("KP-RU").status());
            assertEquals(2, store.get("KP-RU").historyCount());
            KeyValueStore<String, HistoryEntry> history = driver.getKeyValueStore(StoreNames.HISTORY);
            try (var range = history.range(ReportKeys.start("KP-RU"), ReportKeys.end("KP-RU"))) {
                List<String> ids = new java.util.ArrayList<>();
                range.forEachRemaining(kv -> ids.add(kv.value.articleId()));
                assertEquals(List.of("a1", "a2"), ids);
            }
        }
    }

    @Test
    void aRecordWhoseProcessingThrowsIsDeadLetteredAndTheNextOneStillAlerts() {
        PipelineParts parts = new ScriptedParts().script("good", "KP", "RU", Status.DEPLOYED, true).parts();
        try (TopologyTestDriver driver = new TopologyTestDriver(TroopwatchTopology.buildTopology(config(stateDir), parts),
                config(stateDir))) {
            TestInputTopic<byte[], byte[]> raw = driver.createInputTopic(TopicNames.ARTICLES_RAW,
                    Topics.ARTICLES_RAW.keySerde().serializer(), Topics.ARTICLES_RAW.valueSerde().serializer());
            TestOutputTopic<String, DeadLetter> dead = driver.createOutputTopic(TopicNames.DEADLETTER,
                    Topics.DEADLETTER.keySerde().deserializer(), Topics.DEADLETTER.valueSerde().deserializer());
            TestOutputTopic<String, Alert> alerts = driver.createOutputTopic(TopicNames.ALERTS,
                    Topics.ALERTS.keySerde().deserializer(), Topics.ALERTS.valueSerde().deserializer());
            raw.pipeInput("bad".getBytes(StandardCharsets.UTF_8),
                    article("bad", "2024-10-17", "THROW").getBytes(StandardCharsets.UTF_8));
            raw.pipeInput("junk".getBytes(StandardCharsets.UTF_8), "not json".getBytes(StandardCharsets.UTF_8));
            raw.pipeInput("good".getBytes(StandardCharsets.UTF_8),
                    article("good", "2024-10-18", "fine").getBytes(StandardCharsets.UTF_8));

            driver.advanceWallClockTime(Duration.ofSeconds(5));
            List<DeadLetter> letters = dead.readValuesToList();
            assertEquals(List.of(DeadLetter.PROCESSING_ERROR, "not-json"),
                    letters.stream().map(DeadLetter::reason).toList());
            DeadLetter thrown = letters.get(0);
            assertEquals("extract-mentions", thrown.stage());
            assertEquals(TopicNames.ARTICLES_RAW, thrown.sourceTopic());
            assertTrue(thrown.detail().contains("scripted extractor failure"), thrown.detail());
            assertNotNull(thrown.valueBase64());
            DeadLetter junk = letters.get(1);
            assertEquals(TopicNames.ARTICLES_RAW, junk.sourceTopic());
            assertEquals("not json", new String(Base64.getDecoder().decode(junk.valueBase64()),
                    StandardCharsets.UTF_8));
            assertEquals("junk", new String(Base64.getDecoder().decode(junk.keyBase64()), StandardCharsets.UTF_8));
            assertEquals(1, junk.sourceOffset());
            assertEquals(List.of(AlertType.NEW_DEPLOYMENT),
                    alerts.readValuesToList().stream().map(Alert::type).toList());
            assertNull(driver.getKeyValueStore(StoreNames.SITUATIONS).get("XX-YY"));
        }
    }
}

package dev.troopwatch.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.troopwatch.alert.Alert;
import dev.troopwatch.stream.Json;
import dev.troopwatch.stream.StreamsDefaults;
import dev.troopwatch.stream.Topics;
import dev.troopwatch.stream.TroopwatchTopology;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The soak run's correctness check ({@link SoakCheck}) over the endless generator ({@link WireStream}) and the
 * production topology: first timelines raise exactly their expected alerts, later timelines alert only through their
 * original reports, copies and distractors never.
 */
class WireStreamTopologyTest {
    private static final int ARTICLES = 12_000;

    @TempDir
    Path stateDir;

    @Test
    void streamedWiresPassTheSoakCheckOnTheProductionTopology() throws Exception {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "bench-wirestream-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        // The driver pipes the articles in publication order, so the tracker can decide each report on arrival.
        config.put(StreamsDefaults.REORDER_WINDOW_MS, "0");
        StreamsDefaults.applyTo(config);
        WireStream wire = SyntheticWireGenerator.withDefaultData().stream(3L, ARTICLES);
        SoakCheck check = new SoakCheck();
        try (TopologyTestDriver driver = new TopologyTestDriver(TroopwatchTopology.buildTopology(config), config)) {
            TestInputTopic<byte[], byte[]> raw = driver.createInputTopic(Topics.ARTICLES_RAW.name(),
                    Topics.ARTICLES_RAW.keySerde().serializer(), Topics.ARTICLES_RAW.valueSerde().serializer());
            TestOutputTopic<String, Alert> alerts = driver.createOutputTopic(Topics.ALERTS.name(),
                    Topics.ALERTS.keySerde().deserializer(), Topics.ALERTS.valueSerde().deserializer());
            for (int i = 0; i < ARTICLES; i++) {
                WireStream.Item item = wire.next();
                check.sent(item, i);
                raw.pipeInput(item.article().raw().id().getBytes(StandardCharsets.UTF_8),
                        Json.mapper().writeValueAsBytes(item.article().raw()));
                for (Alert a : alerts.readValuesToList()) {
                    check.alert(a.situation().actor() + "-" + a.situation().host(), a.type().name(),
                            a.evidence().articleId());
                }
            }
        }
        SoakCheck.Totals totals = check.finish();
        System.out.println("streamed " + ARTICLES + " articles: " + totals);
        assertTrue(totals.firstCycleExpected() > 500, "many first-timeline alerts: " + totals);
        assertTrue(totals.laterOriginals() > 0, "some lanes began a second timeline: " + totals);
        assertEquals(totals.firstCycleExpected(), totals.exact(), totals.toString());
        assertTrue(totals.ok(), totals.toString());
    }
}

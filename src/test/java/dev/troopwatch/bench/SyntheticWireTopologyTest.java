package dev.troopwatch.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.troopwatch.alert.Alert;
import dev.troopwatch.bench.GeneratedArticle.Role;
import dev.troopwatch.stream.Json;
import dev.troopwatch.stream.StreamsDefaults;
import dev.troopwatch.stream.Topics;
import dev.troopwatch.stream.TroopwatchTopology;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generator's expected alert set checked against the production topology: what makes a benchmark run also a
 * correctness check.
 */
class SyntheticWireTopologyTest {
    @TempDir
    Path stateDir;

    @Test
    void theProductionTopologyRaisesExactlyTheExpectedAlerts() throws Exception {
        SyntheticWire wire = SyntheticWireGenerator.withDefaultData().generate(7L, 1_500);
        List<String> actual = run(wire);
        List<String> expected = wire.expected().stream().map(ExpectedAlert::toString).toList();
        List<String> missing = new ArrayList<>(expected);
        missing.removeAll(actual);
        List<String> unexpected = new ArrayList<>(actual);
        unexpected.removeAll(expected);
        System.out.println("synthetic wire: " + wire.articles().size() + " articles, " + wire.situations()
                + " situations, " + expected.size() + " expected alerts, " + actual.size() + " raised");
        missing.forEach(m -> System.out.println("  missing:    " + m));
        unexpected.forEach(u -> System.out.println("  unexpected: " + u));
        assertEquals(expected, actual);
    }

    @Test
    void aSeedGivesTheSameArticlesAndVolumeIsExact() {
        SyntheticWireGenerator generator = SyntheticWireGenerator.withDefaultData();
        SyntheticWire a = generator.generate(42L, 700);
        SyntheticWire b = generator.generate(42L, 700);
        assertEquals(700, a.articles().size());
        assertEquals(a.articles(), b.articles());
        assertEquals(a.expected(), b.expected());
        assertTrue(a.articles().stream().anyMatch(x -> x.role() == Role.REPRINT));
        assertTrue(a.articles().stream().anyMatch(x -> x.role() == Role.REREPORT));
        assertTrue(a.articles().stream().anyMatch(x -> x.role() == Role.DISTRACTOR));
        assertTrue(a.situations() > 10, "many situations, not one story: " + a.situations());
    }

    private List<String> run(SyntheticWire wire) throws Exception {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "bench-synthetic-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        // The driver pipes the articles in publication order, so the tracker can decide each report on arrival.
        config.put(StreamsDefaults.REORDER_WINDOW_MS, "0");
        StreamsDefaults.applyTo(config);
        try (TopologyTestDriver driver = new TopologyTestDriver(TroopwatchTopology.buildTopology(config), config)) {
            TestInputTopic<byte[], byte[]> raw = driver.createInputTopic(Topics.ARTICLES_RAW.name(),
                    Topics.ARTICLES_RAW.keySerde().serializer(), Topics.ARTICLES_RAW.valueSerde().serializer());
            TestOutputTopic<String, Alert> alerts = driver.createOutputTopic(Topics.ALERTS.name(),
                    Topics.ALERTS.keySerde().deserializer(), Topics.ALERTS.valueSerde().deserializer());
            for (GeneratedArticle article : wire.articles()) {
                raw.pipeInput(article.raw().id().getBytes(StandardCharsets.UTF_8), Json.mapper().writeValueAsBytes(article.raw()));
            }
            return alerts.readValuesToList().stream()
                    .map(a -> a.situation().actor() + "-" + a.situation().host() + " " + a.type() + " "
                            + a.evidence().articleId())
                    .toList();
        }
    }
}

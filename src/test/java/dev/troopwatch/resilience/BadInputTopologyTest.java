package dev.troopwatch.resilience;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.troopwatch.stream.DeadLetter;
import dev.troopwatch.stream.Json;
import dev.troopwatch.stream.StreamsDefaults;
import dev.troopwatch.stream.TopicNames;
import dev.troopwatch.stream.Topics;
import dev.troopwatch.stream.TroopwatchTopology;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of bad record, scattered among a generated stream of good articles, through the production topology
 * (with the size limit lowered and an extractor that throws on a marker): each bad record is in the dead-letter
 * topic with its reason, its exact bytes and its source position, and the good articles raise exactly the alerts
 * they raise without any bad record around.
 */
class BadInputTopologyTest {
    private static final int MAX_ARTICLE_BYTES = 64 * 1024;

    @TempDir
    Path stateDir;

    @Test
    void everyBadKindIsDeadLetteredAndEveryGoodAlertStillArrives() throws IOException {
        List<ArticleStream.Wire> good = ArticleStream.generate(7, 8, 1);
        Outcome expected = UninterruptedRun.of(good);
        List<BadRecords.Bad> bad = BadRecords.all(MAX_ARTICLE_BYTES);

        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "troopwatch-bad-input");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        config.put(StreamsDefaults.REORDER_WINDOW_MS, "0");
        StreamsDefaults.applyTo(config);
        Outcome.Builder outcome = new Outcome.Builder();
        Map<String, Long> offsetOfBad = new LinkedHashMap<>();
        List<DeadLetter> letters = new ArrayList<>();
        try (TopologyTestDriver driver = new TopologyTestDriver(
                TroopwatchTopology.buildTopology(config, PoisonableParts.create(MAX_ARTICLE_BYTES)), config)) {
            TestInputTopic<byte[], byte[]> raw = driver.createInputTopic(TopicNames.ARTICLES_RAW,
                    new ByteArraySerializer(), new ByteArraySerializer());
            long offset = 0;
            int every = Math.max(1, good.size() / bad.size());
            int next = 0;
            for (int i = 0; i < good.size(); i++) {
                raw.pipeInput(good.get(i).key(), UninterruptedRun.json(good.get(i)));
                offset++;
                if (i % every == every - 1 && next < bad.size()) {
                    BadRecords.Bad record = bad.get(next++);
                    raw.pipeInput(record.key().getBytes(StandardCharsets.UTF_8), record.value());
                    offsetOfBad.put(record.key(), offset++);
                }
            }
            while (next < bad.size()) {
                BadRecords.Bad record = bad.get(next++);
                raw.pipeInput(record.key().getBytes(StandardCharsets.UTF_8), record.value());
                offsetOfBad.put(record.key(), offset++);
            }
            TestOutputTopic<String, byte[]> alerts = driver.createOutputTopic(TopicNames.ALERTS,
                    new StringDeserializer(), new ByteArrayDeserializer());
            TestOutputTopic<String, byte[]> situations = driver.createOutputTopic(TopicNames.SITUATIONS,
                    new StringDeserializer(), new ByteArrayDeserializer());
            TestOutputTopic<String, DeadLetter> deadLetters = driver.createOutputTopic(TopicNames.DEADLETTER,
                    Topics.DEADLETTER.keySerde().deserializer(), Topics.DEADLETTER.valueSerde().deserializer());
            alerts.readValuesToList().forEach(outcome::alert);
            for (TestRecord<String, byte[]> state : situations.readRecordsToList()) {
                outcome.situation(state.key(), state.value());
            }
            letters.addAll(deadLetters.readValuesToList());
        }

        letters.forEach(l -> System.out.printf("[bad-input] %-22s %-18s %s-%d@%d %s%n", l.reason(), l.stage(),
                l.sourceTopic(), l.sourcePartition(), l.sourceOffset(), l.detail().lines().findFirst().orElse("")));
        Map<String, DeadLetter> byKey = new LinkedHashMap<>();
        for (DeadLetter letter : letters) {
            byKey.put(new String(Base64.getDecoder().decode(letter.keyBase64()), StandardCharsets.UTF_8), letter);
        }
        assertEquals(bad.size(), letters.size(), "one dead letter per bad record, nothing else");
        for (BadRecords.Bad record : bad) {
            DeadLetter letter = byKey.get(record.key());
            assertTrue(letter != null, "no dead letter for " + record.key());
            assertEquals(record.reason(), letter.reason(), record.key());
            if (record.reason().equals(DeadLetter.PROCESSING_ERROR)) {
                // It failed in the extraction stage, which runs in the task that read the raw article: the dead
                // letter carries the raw record as it was published, pointing at where it sits there.
                assertEquals(TopicNames.ARTICLES_RAW, letter.sourceTopic());
                assertEquals("extract-mentions", letter.stage());
                JsonNode article = Json.mapper().readTree(
                        Base64.getDecoder().decode(letter.valueBase64()));
                assertTrue(article.path("body").asText().contains(PoisonableParts.POISON), "the failing record");
            } else {
                assertEquals(TopicNames.ARTICLES_RAW, letter.sourceTopic(), record.key());
                assertEquals(0, letter.sourcePartition(), record.key());
                assertEquals(offsetOfBad.get(record.key()), letter.sourceOffset(), record.key());
                assertArrayEquals(record.value(), Base64.getDecoder().decode(letter.valueBase64()),
                        "original bytes of " + record.key());
            }
        }

        Outcome actual = outcome.build();
        System.out.printf("[bad-input] %d good articles, %d bad records: %s%n", good.size(), bad.size(),
                actual.compareTo(expected));
        assertTrue(expected.alerts().size() >= 20, "the good articles raise alerts");
        assertEquals(expected.alerts(), actual.alerts(), "every good alert, unchanged by the bad records around it");
        assertEquals(expected.situations(), actual.situations(), "situation states unchanged by bad records");
    }
}

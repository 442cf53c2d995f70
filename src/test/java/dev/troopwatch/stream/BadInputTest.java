package dev.troopwatch.stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.troopwatch.extract.EventExtractor;
import dev.troopwatch.ingest.RawArticle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One record of every bad kind among good articles: each bad one reaches the dead-letter topic with its reason, its
 * original bytes and its source position, and every good alert still arrives.
 */
class BadInputTest {
    private static final String POISON = "POISON-PILL-FOR-TESTS";

    @TempDir
    Path stateDir;

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String json(String published, String language, String body) {
        return "{\"id\":\"x\",\"headline\":\"Troops in the news\",\"published\":\"" + published + "\""
                + (language == null ? "" : ",\"language\":\"" + language + "\"") + ",\"body\":\"" + body + "\"}";
    }

    /** Bad records by the reason each must be dead-lettered with. */
    private static Map<String, byte[]> badRecords() {
        String english = "Soldiers were seen near the border on Monday, officials said, as talks continued.";
        Map<String, byte[]> bad = new LinkedHashMap<>();
        bad.put("not-json", utf8("North Korea sends troops <html> this is not json"));
        bad.put("missing-field", utf8("{\"headline\":\"No body here\",\"published\":\"2025-01-02\"}"));
        bad.put("empty-body", utf8(json("2025-01-02", "en", "   ")));
        bad.put("oversized", utf8(json("2025-01-02", "en", "word ".repeat(260_000))));
        byte[] broken = utf8(json("2025-01-02", "en", english + " XX"));
        int at = new String(broken, StandardCharsets.UTF_8).indexOf("XX");
        broken[at] = (byte) 0xC3;
        broken[at + 1] = (byte) 0x28;
        bad.put("invalid-utf8", broken);
        bad.put("binary", utf8(json("2025-01-02", "en", english + "\\u0000\\u0001\\u0002".repeat(40)
                + "\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007".repeat(30))));
        bad.put("unsupported-language", utf8(json("2025-01-02", "fr",
                "Des soldats ont ete vus pres de la frontiere lundi, selon les autorites, alors que les "
                        + "discussions se poursuivaient dans la capitale et que le gouvernement restait silencieux.")));
        bad.put("bad-published", utf8(json("1900-01-01", "en", english)));
        return bad;
    }

    @Test
    void everyBadRecordIsDeadLetteredWithItsReasonAndGoodAlertsStillArrive() {
        Properties config = TopologyWiringTest.config(stateDir);
        PipelineParts production = ProductionParts.create();
        EventExtractor real = production.extractor();
        EventExtractor poisonable = article -> {
            if (article.text().contains(POISON)) {
                throw new IllegalStateException("extractor failed on purpose");
            }
            return real.extract(article);
        };
        List<RawArticle> samples = PipelineHarness.samples();
        Map<String, byte[]> bad = badRecords();
        try (PipelineHarness pipeline = new PipelineHarness(
                TroopwatchTopology.buildTopology(config, production.withExtractor(poisonable)), config)) {
            int sample = 0;
            for (Map.Entry<String, byte[]> record : bad.entrySet()) {
                pipeline.publish(samples.get(sample++));
                pipeline.publish("bad-" + record.getKey(), record.getValue());
            }
            pipeline.publish(new RawArticle("poison", null, "Test Wire", "A poisonous article",
                    "2025-01-03", "en", "North Korean troops are in Russia. " + POISON));
            pipeline.publish("far-future", utf8(json("2999-01-01", "en",
                    "Soldiers were seen near the border on Monday, officials said, as talks continued.")));
            while (sample < samples.size()) {
                pipeline.publish(samples.get(sample++));
            }

            List<DeadLetter> letters = pipeline.deadLetters();
            letters.forEach(l -> System.out.println("dead letter: " + l.reason() + " " + l.stage() + " "
                    + l.sourceTopic() + "-" + l.sourcePartition() + "@" + l.sourceOffset() + " " + l.detail()));
            Map<String, String> reasonByKey = new LinkedHashMap<>();
            for (DeadLetter letter : letters) {
                reasonByKey.put(new String(Base64.getDecoder().decode(letter.keyBase64()), StandardCharsets.UTF_8),
                        letter.reason());
            }
            Map<String, String> expected = new LinkedHashMap<>();
            bad.keySet().forEach(reason -> expected.put("bad-" + reason, reason));
            expected.put("poison", DeadLetter.PROCESSING_ERROR);
            expected.put("far-future", "bad-published");
            assertEquals(expected, reasonByKey);

            DeadLetter notJson = letters.get(0);
            assertEquals(TopicNames.ARTICLES_RAW, notJson.sourceTopic());
            assertEquals(1, notJson.sourceOffset(), "the second record published");
            assertEquals(ValidateNormaliseProcessor.STAGE, notJson.stage());
            assertArrayEquals(bad.get("not-json"), Base64.getDecoder().decode(notJson.valueBase64()));
            DeadLetter poison = letters.stream().filter(l -> l.reason().equals(DeadLetter.PROCESSING_ERROR))
                    .findFirst().orElseThrow();
            assertEquals("extract-mentions", poison.stage());
            assertTrue(new String(Base64.getDecoder().decode(poison.valueBase64()), StandardCharsets.UTF_8)
                    .contains(POISON), "the dead letter carries the failing record");

            List<String> alerts = pipeline.alerts().stream().map(SampleTimelineTest::line).toList();
            assertEquals(PipelineHarness.sampleAlertLines(stateDir.resolve("clean-run")), alerts,
                    "every alert of the samples alone still arrives, and nothing else");
            assertTrue(alerts.size() >= 10, alerts.toString());
        }
    }
}

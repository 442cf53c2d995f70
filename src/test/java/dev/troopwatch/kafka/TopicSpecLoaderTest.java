package dev.troopwatch.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.troopwatch.ingest.RawArticle;
import dev.troopwatch.normalise.NormalisedArticle;
import dev.troopwatch.normalise.TextSpan;
import dev.troopwatch.stream.Json;
import dev.troopwatch.stream.TopicNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TopicSpecLoaderTest {
    private static final Path TOPICS = Path.of("topics");
    private static final Path SAMPLES = Path.of("src/test/resources/topic-samples");

    @TempDir
    Path dir;

    @Test
    void repositoryAndBundledTopicFilesAgree() {
        List<TopicSpec> files = TopicSpecLoader.loadDirectory(TOPICS);
        List<TopicSpec> bundled = TopicSpecLoader.loadBundled();
        assertEquals(names(files), names(bundled));
        assertTrue(names(files).containsAll(List.of(TopicNames.ARTICLES_RAW, TopicNames.ARTICLES_CLEAN,
                TopicNames.DEADLETTER)));
        TopicSpec raw = byName(files).get(TopicNames.ARTICLES_RAW);
        assertEquals("string", raw.keyFormat());
        assertEquals("json", raw.valueFormat());
        assertEquals("delete", raw.configs().get("cleanup.policy"));
        assertEquals(names(TopicSpecLoader.load(Optional.empty())), names(bundled));
    }

    @Test
    void everyValueSchemaIsValidDraft202012() {
        JsonSchema metaSchema = factory().getSchema(
                SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
        for (TopicSpec spec : TopicSpecLoader.loadDirectory(TOPICS)) {
            Set<ValidationMessage> errors = metaSchema.validate(spec.valueSchema());
            assertTrue(errors.isEmpty(), spec.origin() + ": " + errors);
        }
    }

    @Test
    void everySampleMessageMeetsItsTopicsSchema() throws IOException {
        Map<String, TopicSpec> specs = byName(TopicSpecLoader.loadDirectory(TOPICS));
        List<String> longestFirst = specs.keySet().stream()
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
        Set<String> topicsWithValidSample = new TreeSet<>();
        try (Stream<Path> samples = Files.list(SAMPLES)) {
            for (Path sample : samples.sorted().toList()) {
                String file = sample.getFileName().toString();
                String topic = longestFirst.stream().filter(n -> file.startsWith(n + ".")).findFirst()
                        .orElseThrow(() -> new AssertionError(file + " names no topic in topics/"));
                boolean valid = file.endsWith(".valid.json");
                assertTrue(valid || file.endsWith(".invalid.json"), file + " must end in .valid.json or .invalid.json");
                Set<ValidationMessage> errors = schemaOf(specs.get(topic))
                        .validate(Json.mapper().readTree(sample.toFile()));
                assertEquals(valid, errors.isEmpty(), file + ": " + errors);
                if (valid) {
                    topicsWithValidSample.add(topic);
                }
            }
        }
        assertTrue(topicsWithValidSample.containsAll(List.of(TopicNames.ARTICLES_RAW, TopicNames.ARTICLES_CLEAN,
                TopicNames.DEADLETTER)), "samples found for " + topicsWithValidSample);
    }

    @Test
    void javaRecordsSerialiseToWhatTheSchemasDeclare() {
        Map<String, TopicSpec> specs = byName(TopicSpecLoader.loadDirectory(TOPICS));
        RawArticle raw = new RawArticle(null, "https://example.org/a", "Example Wire", "Soldiers arrive",
                "2025-02-27", "en", "Soldiers arrived at the base on Thursday.");
        assertEquals(Set.of(), schemaOf(specs.get(TopicNames.ARTICLES_RAW)).validate(Json.mapper().valueToTree(raw)));
        String text = "Soldiers arrive\n\nSoldiers arrived at the base on Thursday.";
        NormalisedArticle clean = new NormalisedArticle("a1", null, "Example Wire", "Soldiers arrive",
                Instant.parse("2025-02-27T00:00:00Z"), "en", text, List.of(new TextSpan(0, 15), new TextSpan(17, 58)),
                List.of(new TextSpan(0, 15), new TextSpan(17, 58)), 58, null, null);
        assertEquals(Set.of(), schemaOf(specs.get(TopicNames.ARTICLES_CLEAN))
                .validate(Json.mapper().valueToTree(clean)));
    }

    @Test
    void rejectsUnknownFieldsNamingTheFile() throws IOException {
        Path file = copyRaw();
        Files.writeString(file, Files.readString(file).replaceFirst("\"partitions\"", "\"partitons\""));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TopicSpecLoader.parse(file));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("partitons"), e.getMessage());
    }

    @Test
    void rejectsANameThatDoesNotMatchTheFile() throws IOException {
        Path file = copyRaw();
        Path renamed = Files.move(file, dir.resolve("troopwatch.other.json"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TopicSpecLoader.parse(renamed));
        assertTrue(e.getMessage().contains("must match the file name"), e.getMessage());
    }

    @Test
    void rejectsBrokenJsonMissingFieldsAndOtherSchemaDialects() throws IOException {
        Path file = copyRaw();
        String good = Files.readString(file);
        Files.writeString(file, good.substring(0, good.length() / 2));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TopicSpecLoader.parse(file)).getMessage()
                .contains("not valid JSON"));
        Files.writeString(file, good.replace("\"partitions\": 6,", ""));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TopicSpecLoader.parse(file)).getMessage()
                .contains("'partitions' must be an integer"));
        Files.writeString(file, good.replace("\"partitions\": 6,", "\"partitions\": 0,"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TopicSpecLoader.parse(file)).getMessage()
                .contains("partitions must be >= 1"));
        Files.writeString(file, good.replace("draft/2020-12", "draft-07"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TopicSpecLoader.parse(file)).getMessage()
                .contains("2020-12"));
    }

    @Test
    void emptyOrMissingDirectoryFails() {
        assertThrows(IllegalArgumentException.class, () -> TopicSpecLoader.loadDirectory(dir));
        assertThrows(IllegalArgumentException.class, () -> TopicSpecLoader.loadDirectory(dir.resolve("nope")));
    }

    @Test
    void overridesRaiseReplicationAndPartitionsPerTopicOrForAll() {
        List<TopicSpec> specs = TopicSpecLoader.loadDirectory(TOPICS);
        Properties props = new Properties();
        props.setProperty("topics.replication.factor", "3");
        props.setProperty("topics.config.min.insync.replicas", "2");
        props.setProperty("topics.troopwatch.articles.raw.partitions", "12");
        props.setProperty("topics.troopwatch.deadletter.config.retention.ms", "-1");
        props.setProperty("topics.dir", "ignored-here");
        Map<String, TopicSpec> result = byName(TopicOverrides.apply(specs, props));
        result.values().forEach(s -> assertEquals(3, s.replicationFactor(), s.name()));
        result.values().forEach(s -> assertEquals("2", s.configs().get("min.insync.replicas"), s.name()));
        assertEquals(12, result.get(TopicNames.ARTICLES_RAW).partitions());
        assertEquals(byName(specs).get(TopicNames.ARTICLES_CLEAN).partitions(),
                result.get(TopicNames.ARTICLES_CLEAN).partitions());
        assertEquals("-1", result.get(TopicNames.DEADLETTER).configs().get("retention.ms"));
        assertFalse(result.get(TopicNames.ARTICLES_RAW).configs().get("retention.ms").equals("-1"));
    }

    @Test
    void overrideTyposFail() {
        List<TopicSpec> specs = TopicSpecLoader.loadDirectory(TOPICS);
        for (String key : List.of("topics.replication", "topics.troopwatch.articles.rw.partitions",
                "topics.troopwatch.articles.raw.config.")) {
            Properties props = new Properties();
            props.setProperty(key, "3");
            assertThrows(IllegalArgumentException.class, () -> TopicOverrides.apply(specs, props), key);
        }
        Properties zero = new Properties();
        zero.setProperty("topics.partitions", "0");
        assertThrows(IllegalArgumentException.class, () -> TopicOverrides.apply(specs, zero));
    }

    private Path copyRaw() throws IOException {
        return Files.copy(TOPICS.resolve(TopicNames.ARTICLES_RAW + ".json"),
                dir.resolve(TopicNames.ARTICLES_RAW + ".json"));
    }

    private static JsonSchema schemaOf(TopicSpec spec) {
        JsonNode schema = spec.valueSchema();
        assertNotNull(schema);
        return factory().getSchema(schema, SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
    }

    private static JsonSchemaFactory factory() {
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    }

    private static List<String> names(List<TopicSpec> specs) {
        return specs.stream().map(TopicSpec::name).toList();
    }

    private static Map<String, TopicSpec> byName(List<TopicSpec> specs) {
        return specs.stream().collect(Collectors.toMap(TopicSpec::name, Function.identity()));
    }
}

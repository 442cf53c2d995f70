package dev.troopwatch.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.troopwatch.kafka.TopicSpec;
import dev.troopwatch.kafka.TopicSpecLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every record the topology writes to a public topic meets the JSON Schema in that topic's file. */
class OutputSchemaTest {
    @TempDir
    Path stateDir;

    private static JsonSchema schemaOf(String topic) {
        TopicSpec spec = TopicSpecLoader.loadDirectory(Path.of("topics")).stream()
                .filter(s -> s.name().equals(topic)).findFirst().orElseThrow();
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(spec.valueSchema(), SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
    }

    private static int validateAll(TestOutputTopic<String, String> topic, String name) throws IOException {
        JsonSchema schema = schemaOf(name);
        List<String> values = topic.readValuesToList();
        for (String value : values) {
            JsonNode json = Json.mapper().readTree(value);
            Set<ValidationMessage> errors = schema.validate(json);
            assertEquals(Set.of(), errors, name + " record does not meet its schema: " + value);
        }
        return values.size();
    }

    @Test
    void alertsSituationsAndDeadLettersMeetTheirSchemas() throws IOException {
        Properties config = TopologyWiringTest.config(stateDir);
        try (TopologyTestDriver driver = new TopologyTestDriver(TroopwatchTopology.buildTopology(config), config)) {
            TestInputTopic<byte[], byte[]> raw = driver.createInputTopic(TopicNames.ARTICLES_RAW,
                    Topics.ARTICLES_RAW.keySerde().serializer(), Topics.ARTICLES_RAW.valueSerde().serializer());
            for (var article : PipelineHarness.samples()) {
                raw.pipeInput(article.id().getBytes(StandardCharsets.UTF_8), PipelineHarness.bytes(article));
            }
            raw.pipeInput("junk".getBytes(StandardCharsets.UTF_8), "not json".getBytes(StandardCharsets.UTF_8));
            raw.pipeInput(null, new byte[] {0, 1, 2, (byte) 0xff});
            driver.advanceWallClockTime(Duration.ofSeconds(10));

            StringDeserializer text = new StringDeserializer();
            int alerts = validateAll(driver.createOutputTopic(TopicNames.ALERTS, text, text), TopicNames.ALERTS);
            int states = validateAll(driver.createOutputTopic(TopicNames.SITUATIONS, text, text),
                    TopicNames.SITUATIONS);
            int letters = validateAll(driver.createOutputTopic(TopicNames.DEADLETTER, text, text),
                    TopicNames.DEADLETTER);
            assertTrue(alerts >= 10 && states >= 15, alerts + " alerts, " + states + " states");
            assertEquals(2, letters);
        }
    }
}

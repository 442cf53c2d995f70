package dev.troopwatch.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.troopwatch.kafka.TopicSpec;
import dev.troopwatch.kafka.TopicSpecLoader;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

class StreamsDefaultsTest {
    @Test
    void anOperatorsSettingWinsOverEveryDefault() {
        Properties config = new Properties();
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE);
        config.put(StreamsConfig.topicPrefix(TopicConfig.MAX_MESSAGE_BYTES_CONFIG), "2097152");
        StreamsDefaults.applyTo(config);
        assertEquals(StreamsConfig.AT_LEAST_ONCE, config.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG));
        assertEquals("2097152", config.get(StreamsConfig.topicPrefix(TopicConfig.MAX_MESSAGE_BYTES_CONFIG)));
        assertEquals(DeadLetterProcessingExceptionHandler.class.getName(),
                config.get(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG));
    }

    @Test
    void theInternalTopicsAcceptEverythingTheProducerMaySendAndSoDoesTheDeadLetterTopic() {
        Properties config = StreamsDefaults.applyTo(new Properties());
        long request = Long.parseLong(config.getProperty(StreamsConfig.producerPrefix(
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG)));
        long internal = Long.parseLong(config.getProperty(StreamsConfig.topicPrefix(
                TopicConfig.MAX_MESSAGE_BYTES_CONFIG)));
        assertEquals(request, internal, "changelog and repartition topics take the producer's largest record");
        TopicSpec deadLetters = TopicSpecLoader.load(Optional.empty()).stream()
                .filter(spec -> spec.name().equals(TopicNames.DEADLETTER)).findFirst().orElseThrow();
        assertEquals(request, Long.parseLong(deadLetters.configs().get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG)));
    }

    @Test
    void topologyLevelChecksAreOn() {
        Properties config = StreamsDefaults.applyTo(new Properties());
        assertEquals(StreamsConfig.EXACTLY_ONCE_V2, config.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG));
        assertTrue(Boolean.parseBoolean(config.getProperty(
                StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG)));
        assertTrue(Boolean.parseBoolean(config.getProperty(
                StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG)));
    }
}

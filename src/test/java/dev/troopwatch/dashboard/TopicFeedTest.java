package dev.troopwatch.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.troopwatch.stream.TopicNames;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

final class TopicFeedTest {

    @Test
    void readsThePipelinesDeadLetterJson() {
        String json = "{\"reason\":\"missing-field\",\"detail\":\"headline is missing\",\"stage\":\"validate\","
                + "\"failed_at\":\"2026-01-02T03:04:05Z\"}";
        DeadLetterLog.DeadLetter letter = TopicFeed.deadLetterOf(new ConsumerRecord<>(TopicNames.DEADLETTER, 0, 7L,
                "article-1", json.getBytes(StandardCharsets.UTF_8)));
        assertEquals("article-1", letter.key());
        assertEquals("missing-field", letter.reason());
        assertEquals("headline is missing", letter.detail());
        assertEquals("validate", letter.stage());
        assertEquals(Instant.parse("2026-01-02T03:04:05Z"), letter.at());
    }

    @Test
    void anUnreadableDeadLetterStillCounts() {
        DeadLetterLog.DeadLetter letter = TopicFeed.deadLetterOf(new ConsumerRecord<>(TopicNames.DEADLETTER, 0, 7L,
                "k", new byte[] {(byte) 0xff, 0x00}));
        assertEquals("unreadable dead letter", letter.reason());
    }

    @Test
    void consumerReadsCommittedOnlyAndKeepsOnlyConnectionSettings() {
        Properties streams = new Properties();
        streams.setProperty("bootstrap.servers", "127.0.0.1:9092");
        streams.setProperty("application.id", "troopwatch");
        streams.setProperty("processing.guarantee", "exactly_once_v2");
        streams.setProperty("security.protocol", "PLAINTEXT");
        Properties consumer = TopicFeed.consumerConfig(streams);
        assertEquals("read_committed", consumer.getProperty("isolation.level"));
        assertEquals("PLAINTEXT", consumer.getProperty("security.protocol"));
        assertFalse(consumer.containsKey("application.id"));
        assertThrows(IllegalArgumentException.class, () -> TopicFeed.consumerConfig(new Properties()));
    }
}

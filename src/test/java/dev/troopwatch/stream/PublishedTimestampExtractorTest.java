package dev.troopwatch.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class PublishedTimestampExtractorTest {
    private static final long RECORD_TIME = Instant.parse("2026-06-01T00:00:00Z").toEpochMilli();
    private final PublishedTimestampExtractor extractor = new PublishedTimestampExtractor();

    private long extract(String json) {
        ConsumerRecord<Object, Object> record = new ConsumerRecord<>("t", 0, 0L, RECORD_TIME,
                TimestampType.CREATE_TIME, 0, 0, null, json.getBytes(StandardCharsets.UTF_8), new RecordHeaders(),
                Optional.empty());
        return extractor.extract(record, 0L);
    }

    @Test
    void readsTheTopLevelPublishedDateOrDateTime() {
        assertEquals(Instant.parse("2025-02-27T00:00:00Z").toEpochMilli(),
                extract("{\"headline\":\"h\",\"nested\":{\"published\":\"1999-01-01\"},\"published\":\"2025-02-27\"}"));
        assertEquals(Instant.parse("2025-02-27T05:40:00Z").toEpochMilli(),
                extract("{\"published\":\"2025-02-27T07:40:00+02:00\",\"body\":\"b\"}"));
    }

    @Test
    void aPublicationTimeLaterThanTheRecordIsCappedAtTheRecordTime() {
        assertEquals(RECORD_TIME, extract("{\"published\":\"2999-01-01\"}"));
    }

    @Test
    void fallsBackToTheRecordTimeForMissingBrokenOrPre1970Dates() {
        assertEquals(RECORD_TIME, extract("{\"body\":\"no date\"}"));
        assertEquals(RECORD_TIME, extract("{\"published\":\"yesterday\"}"));
        assertEquals(RECORD_TIME, extract("{\"published\":\"1900-01-01\"}"));
        assertEquals(RECORD_TIME, extract("not json at all"));
        assertEquals(RECORD_TIME, extract("{\"published\":12345}"));
    }
}

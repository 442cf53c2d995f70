package dev.troopwatch.stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.NotLeaderOrFollowerException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.apache.kafka.streams.processor.TaskId;
import org.junit.jupiter.api.Test;

/**
 * The deserialization and production handlers configured by {@link StreamsDefaults}. (The processing handler runs
 * inside the topology in {@code BadInputTest}; the deserialization path through a real broker in
 * {@code KcatPipelineTest}: the topology test driver drops dead letters of the deserialization handler.)
 */
class ExceptionHandlersTest {
    @Test
    void anUnreadableInternalRecordIsDeadLetteredWithItsBytesAndProcessingResumes() throws Exception {
        byte[] broken = "{\"id\": 3, \"text\": [".getBytes(StandardCharsets.UTF_8);
        ConsumerRecord<byte[], byte[]> record = new ConsumerRecord<>(TopicNames.ARTICLES_CLEAN, 2, 41L,
                "a1".getBytes(StandardCharsets.UTF_8), broken);
        DeserializationExceptionHandler.Response response = new DeadLetterDeserializationExceptionHandler()
                .handleError(CONTEXT, record, new SerializationException("cannot read"));
        assertEquals(DeserializationExceptionHandler.Result.RESUME, response.result());
        ProducerRecord<byte[], byte[]> dead = response.deadLetterQueueRecords().get(0);
        assertEquals(TopicNames.DEADLETTER, dead.topic());
        DeadLetter letter = Json.mapper().readValue(dead.value(), DeadLetter.class);
        assertEquals(DeadLetter.DESERIALIZATION_ERROR, letter.reason());
        assertEquals("read-" + TopicNames.ARTICLES_CLEAN, letter.stage());
        assertEquals(41L, letter.sourceOffset());
        assertArrayEquals(broken, Base64.getDecoder().decode(letter.valueBase64()));
    }

    @Test
    void aRecordTooLargeIsDeadLetteredWithoutItsBytesRetriableErrorsRetryAndOthersFail() throws Exception {
        DeadLetterProductionExceptionHandler handler = new DeadLetterProductionExceptionHandler();
        ProducerRecord<byte[], byte[]> alert = new ProducerRecord<>(TopicNames.ALERTS,
                "KP-RU".getBytes(StandardCharsets.UTF_8), new byte[64]);

        ProductionExceptionHandler.Response tooLarge = handler.handleError(CONTEXT, alert,
                new RecordTooLargeException("too large"));
        assertEquals(ProductionExceptionHandler.Result.RESUME, tooLarge.result());
        ProducerRecord<byte[], byte[]> dead = tooLarge.deadLetterQueueRecords().get(0);
        assertEquals(TopicNames.DEADLETTER, dead.topic());
        DeadLetter letter = Json.mapper().readValue(dead.value(), DeadLetter.class);
        assertEquals(DeadLetter.PRODUCTION_ERROR, letter.reason());
        assertEquals("write-" + TopicNames.ALERTS, letter.stage());
        assertNull(letter.valueBase64(), "the oversized bytes would fail again");
        assertTrue(letter.detail().contains("RecordTooLargeException"));

        assertEquals(ProductionExceptionHandler.Result.RETRY,
                handler.handleError(CONTEXT, alert, new NotLeaderOrFollowerException("moving")).result());
        assertEquals(ProductionExceptionHandler.Result.FAIL,
                handler.handleError(CONTEXT, alert, new TopicAuthorizationException("denied")).result());
    }

    private static final ErrorHandlerContext CONTEXT = new ErrorHandlerContext() {
        @Override
        public String topic() {
            return TopicNames.ARTICLES_RAW;
        }

        @Override
        public int partition() {
            return 2;
        }

        @Override
        public long offset() {
            return 41L;
        }

        @Override
        public Headers headers() {
            return new RecordHeaders();
        }

        @Override
        public String processorNodeId() {
            return "write-alerts";
        }

        @Override
        public TaskId taskId() {
            return new TaskId(2, 2);
        }

        @Override
        public long timestamp() {
            return 0L;
        }

        @Override
        public byte[] sourceRawKey() {
            return null;
        }

        @Override
        public byte[] sourceRawValue() {
            return null;
        }
    };
}

package dev.troopwatch.stream;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.errors.ErrorHandlerContext;

/** Builds dead-letter records; shared by the validation stage and the exception handlers. */
public final class DeadLetters {
    /** Messages are cut here: a dead letter must never fail to be produced because of its own size. */
    private static final int MAX_DETAIL_CHARS = 2_000;

    private DeadLetters() {
    }

    public static DeadLetter of(String reason, String detail, String stage, String topic, int partition, long offset,
                                byte[] key, byte[] value, Instant failedAt) {
        return new DeadLetter(reason, truncate(detail), stage, topic, partition, offset, base64(key), base64(value),
                failedAt);
    }

    /** A dead letter for a failure seen by an exception handler, as a record ready for the handler's response. */
    public static List<ProducerRecord<byte[], byte[]>> forHandler(String reason, Exception error, String stage,
                                                                  ErrorHandlerContext context, byte[] key,
                                                                  byte[] value) {
        DeadLetter letter = of(reason, describe(error), stage, context.topic(), context.partition(), context.offset(),
                key, value, Instant.now());
        return List.of(record(letter, key));
    }

    static ProducerRecord<byte[], byte[]> record(DeadLetter letter, byte[] key) {
        Serde<DeadLetter> serde = Topics.DEADLETTER.valueSerde();
        return new ProducerRecord<>(Topics.DEADLETTER.name(), null, key,
                serde.serializer().serialize(Topics.DEADLETTER.name(), letter));
    }

    static String describe(Throwable error) {
        StringBuilder text = new StringBuilder(error.getClass().getName());
        if (error.getMessage() != null) {
            text.append(": ").append(error.getMessage());
        }
        Throwable cause = error.getCause();
        if (cause != null && cause != error) {
            text.append(" (caused by ").append(cause.getClass().getName());
            if (cause.getMessage() != null) {
                text.append(": ").append(cause.getMessage());
            }
            text.append(')');
        }
        return text.toString();
    }

    public static String keyText(byte[] key) {
        return key == null ? null : new String(key, StandardCharsets.UTF_8);
    }

    private static String base64(byte[] bytes) {
        return bytes == null ? null : Base64.getEncoder().encodeToString(bytes);
    }

    private static String truncate(String text) {
        if (text == null || text.length() <= MAX_DETAIL_CHARS) {
            return text;
        }
        return text.substring(0, MAX_DETAIL_CHARS) + "...";
    }
}

package dev.troopwatch.stream;

import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A record of an internal topic that cannot be read (reason {@code deserialization-error}) goes to the dead-letter
 * topic with its bytes and processing resumes. The raw-article source reads bytes and never fails here: invalid
 * articles are rejected, with a precise reason, by the validation stage.
 */
public final class DeadLetterDeserializationExceptionHandler implements DeserializationExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterDeserializationExceptionHandler.class);

    @Override
    public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record,
                                Exception exception) {
        LOG.warn("cannot read {}-{}@{}; record sent to {}", record.topic(), record.partition(), record.offset(),
                TopicNames.DEADLETTER, exception);
        return Response.resume(DeadLetters.forHandler(DeadLetter.DESERIALIZATION_ERROR, exception,
                "read-" + record.topic(), context, record.key(), record.value()));
    }

    @Override
    public void configure(Map<String, ?> configs) {
        // nothing to configure: the dead-letter topic is part of the topology's contract
    }
}

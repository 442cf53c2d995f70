package dev.troopwatch.stream;

import java.util.Map;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An exception thrown while processing one record sends that record's original source bytes to the dead-letter
 * topic (reason {@code processing-error}, stage = the failing processor) and processing resumes with the next
 * record: one poisonous article never stops the pipeline. The dead letter is produced in the same transaction as
 * the task's other output under exactly-once.
 */
public final class DeadLetterProcessingExceptionHandler implements ProcessingExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterProcessingExceptionHandler.class);

    @Override
    public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        LOG.warn("processing failed in {} for {}-{}@{}; record sent to {}", context.processorNodeId(),
                context.topic(), context.partition(), context.offset(), TopicNames.DEADLETTER, exception);
        return Response.resume(DeadLetters.forHandler(DeadLetter.PROCESSING_ERROR, exception,
                context.processorNodeId(), context, context.sourceRawKey(), context.sourceRawValue()));
    }

    @Override
    public void configure(Map<String, ?> configs) {
        // nothing to configure: the dead-letter topic is part of the topology's contract
    }
}

package dev.troopwatch.stream;

import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Output that cannot be written. A value that cannot be serialised, or a record larger than the broker accepts,
 * is the record's own fault: it goes to the dead-letter topic (without the oversized bytes) and processing
 * resumes. A retriable broker error is retried. Anything else (authorisation, a missing topic) is the cluster's
 * fault and fails the task, so that no output is silently lost.
 */
public final class DeadLetterProductionExceptionHandler implements ProductionExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterProductionExceptionHandler.class);

    @Override
    public Response handleError(ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record,
                                Exception exception) {
        if (exception instanceof RetriableException) {
            return Response.retry();
        }
        if (exception instanceof RecordTooLargeException && !TopicNames.DEADLETTER.equals(record.topic())) {
            LOG.warn("record for {} too large; dead-lettered without its value", record.topic(), exception);
            return Response.resume(DeadLetters.forHandler(DeadLetter.PRODUCTION_ERROR, exception,
                    "write-" + record.topic(), context, record.key(), null));
        }
        return Response.fail();
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Response handleSerializationError(ErrorHandlerContext context, ProducerRecord record, Exception exception,
                                             SerializationExceptionOrigin origin) {
        LOG.warn("cannot serialise the {} of a record for {}; source record dead-lettered", origin, record.topic(),
                exception);
        return Response.resume(DeadLetters.forHandler(DeadLetter.SERIALIZATION_ERROR, exception,
                "write-" + record.topic(), context, context.sourceRawKey(), context.sourceRawValue()));
    }

    @Override
    public void configure(Map<String, ?> configs) {
        // nothing to configure: the dead-letter topic is part of the topology's contract
    }
}

package dev.troopwatch.stream;

import dev.troopwatch.normalise.NormalisedArticle;
import java.time.Instant;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * Validates and normalises raw articles. A clean article is forwarded keyed by its article id (which the
 * normaliser derives when the producer gave none); a rejected one becomes a {@link DeadLetter} with the reason,
 * the original bytes and where they came from.
 */
final class ValidateNormaliseProcessor implements Processor<byte[], byte[], String, ValidatedRecord> {
    static final String STAGE = "validate-normalise";

    private final ArticleCleaner cleaner;
    private final SourcePositions positions;
    private ProcessorContext<String, ValidatedRecord> context;

    /** @param positions where the offset of every record processed is noted, for the extract stage's progress */
    ValidateNormaliseProcessor(ArticleCleaner cleaner, SourcePositions positions) {
        this.cleaner = cleaner;
        this.positions = positions;
    }

    @Override
    public void init(ProcessorContext<String, ValidatedRecord> context) {
        this.context = context;
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        RecordMetadata source = context.recordMetadata().orElse(null);
        if (source != null) {
            positions.processed(source.partition(), source.offset());
        }
        CleaningOutcome outcome = cleaner.clean(record.value(), Instant.ofEpochMilli(record.timestamp()));
        if (outcome.article() != null) {
            NormalisedArticle article = outcome.article();
            context.forward(record.withKey(article.id()).withValue(ValidatedRecord.clean(article)));
            return;
        }
        DeadLetter letter = DeadLetters.of(outcome.reason(), outcome.detail(), STAGE,
                source == null ? null : source.topic(), source == null ? -1 : source.partition(),
                source == null ? -1L : source.offset(), record.key(), record.value(),
                Instant.ofEpochMilli(context.currentSystemTimeMs()));
        context.forward(record.withKey(DeadLetters.keyText(record.key()))
                .withValue(ValidatedRecord.rejected(letter)));
    }
}

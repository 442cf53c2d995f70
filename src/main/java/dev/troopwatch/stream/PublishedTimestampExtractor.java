package dev.troopwatch.stream;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.troopwatch.normalise.ArticleValidator;
import dev.troopwatch.normalise.NormalisedArticle;
import java.io.IOException;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

/**
 * Event time is the article's publication time: for raw bytes, the top-level {@code published} field of the JSON,
 * read exactly as the validator reads it ({@link ArticleValidator#publishedInstant}); for a clean article, its
 * {@code published} instant. When it is missing, unreadable or before 1970 (Kafka timestamps cannot be negative),
 * the record's own timestamp is used, and that timestamp also caps a publication time later than itself; the
 * validation stage decides separately whether the date is acceptable. Raw JSON is streamed through its top-level
 * fields only, so a huge or hostile record costs one pass.
 */
public final class PublishedTimestampExtractor implements TimestampExtractor {
    private static final JsonFactory FACTORY = new JsonFactory();

    @Override
    public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
        Instant published = null;
        if (record.value() instanceof byte[] bytes) {
            published = published(bytes);
        } else if (record.value() instanceof NormalisedArticle article) {
            published = article.published();
        }
        if (published != null && !published.isBefore(Instant.EPOCH)) {
            // A story cannot have been published after it was written to Kafka. A later date (a typo, a far-future
            // placeholder) would also become the timestamp of what the topology writes for it, dead letter
            // included, and the broker refuses timestamps ahead of its clock (log.message.timestamp.after.max.ms),
            // which failed the task on that record again and again.
            long millis = published.toEpochMilli();
            return record.timestamp() >= 0 ? Math.min(millis, record.timestamp()) : millis;
        }
        return record.timestamp() >= 0 ? record.timestamp() : Math.max(partitionTime, 0L);
    }

    static Instant published(byte[] json) {
        try (JsonParser parser = FACTORY.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("published".equals(field)) {
                    return value == JsonToken.VALUE_STRING
                            ? ArticleValidator.publishedInstantOrNull(parser.getText()) : null;
                }
                parser.skipChildren();
            }
            return null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}

package dev.troopwatch.ingest;

import java.util.function.Consumer;

/** Where read articles go: the Kafka producer in production, a list in tests. */
public interface ArticleSink {
    /** Publishes the batch's articles, calls {@code onPublished} for each acknowledged one, and reports. */
    PublishReport publish(ReadBatch batch, Consumer<ParsedArticle> onPublished);
}

package dev.troopwatch.normalise;

import dev.troopwatch.ingest.RawArticle;
import java.time.Instant;

/**
 * A record that passed validation.
 *
 * @param article   the article, with its id filled in ({@link ArticleIds}) when the publisher sent none
 * @param published its publication instant, or null when it had none (the caller falls back to the record time)
 */
public record ValidArticle(RawArticle article, Instant published) implements ValidationResult {
    public ValidArticle {
        if (article == null || article.id() == null || article.id().isBlank()) {
            throw new IllegalArgumentException("a valid article has an id");
        }
    }
}

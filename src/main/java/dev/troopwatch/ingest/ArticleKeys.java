package dev.troopwatch.ingest;

import dev.troopwatch.normalise.ArticleIds;

/**
 * The one place the producer decides an article's id, which is also its record key: the id when given, else the
 * pipeline's own rule ({@link ArticleIds}: from the url, else from a hash of the content), so producer and topology
 * never disagree. The same story read twice gets the same key, so republishing is harmless downstream.
 */
public final class ArticleKeys {
    private ArticleKeys() {
    }

    /** The article with its id filled in. */
    public static RawArticle withId(RawArticle article) {
        if (article.id() != null && !article.id().isBlank()) {
            return article;
        }
        return new RawArticle(ArticleIds.derive(article.url(), article.headline(), article.body()), article.url(),
                article.source(), article.headline(), article.published(), article.language(), article.body());
    }
}

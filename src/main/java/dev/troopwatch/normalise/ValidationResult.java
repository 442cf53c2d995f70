package dev.troopwatch.normalise;

/** What {@link ArticleValidator} makes of one raw record: a {@link ValidArticle} or a {@link Rejection}. */
public sealed interface ValidationResult permits ValidArticle, Rejection {
}

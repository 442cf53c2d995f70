package dev.troopwatch.ingest;

/** Input that cannot become a {@link RawArticle}; the message is the reason shown to whoever published it. */
public final class UnreadableArticleException extends RuntimeException {
    public UnreadableArticleException(String reason) {
        super(reason);
    }
}

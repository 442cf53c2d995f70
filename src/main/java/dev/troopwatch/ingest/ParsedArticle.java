package dev.troopwatch.ingest;

import java.util.Objects;

/**
 * An article read from a file, a line of one, stdin or a feed.
 *
 * @param origin  where it came from ("wires/a.txt", "wires/day.ndjson:12", "https://example.org/feed.xml")
 * @param article the article, its id filled in by {@link ArticleKeys}
 */
public record ParsedArticle(String origin, RawArticle article) {
    public ParsedArticle {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(article, "article");
    }
}

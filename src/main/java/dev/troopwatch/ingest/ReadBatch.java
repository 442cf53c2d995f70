package dev.troopwatch.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything read from some paths: the articles, and a reason for each file or line that was not an article.
 *
 * @param articles   articles in reading order
 * @param rejections unreadable inputs
 */
public record ReadBatch(List<ParsedArticle> articles, List<Rejection> rejections) {
    public ReadBatch {
        articles = List.copyOf(articles);
        rejections = List.copyOf(rejections);
    }

    public static ReadBatch empty() {
        return new ReadBatch(List.of(), List.of());
    }

    public ReadBatch plus(ReadBatch other) {
        List<ParsedArticle> a = new ArrayList<>(articles);
        a.addAll(other.articles);
        List<Rejection> r = new ArrayList<>(rejections);
        r.addAll(other.rejections);
        return new ReadBatch(a, r);
    }
}

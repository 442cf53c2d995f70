package dev.troopwatch.extract;

import dev.troopwatch.ingest.ArticleFiles;
import dev.troopwatch.ingest.ParsedArticle;
import dev.troopwatch.ingest.ReadBatch;
import dev.troopwatch.ingest.RawArticle;
import dev.troopwatch.normalise.ArticleNormaliser;
import dev.troopwatch.normalise.ArticleValidator;
import dev.troopwatch.normalise.NormalisedArticle;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Articles read from files (any format {@link ArticleFiles} reads) and normalised, for the offline commands
 * ({@code extract}, {@code evaluate}) and the benchmark. A file that is not an article is a {@link Failure}.
 */
public final class ArticleInput {
    /** One article ready for extraction. */
    public record Loaded(String origin, String articleId, NormalisedArticle article) {
    }

    /** A file or line that could not be read or normalised, with the reason. */
    public record Failure(String origin, String error) {
    }

    /** Everything read from the given paths, in path order. */
    public record Batch(List<Loaded> articles, List<Failure> failures) {
        public Batch {
            articles = List.copyOf(articles);
            failures = List.copyOf(failures);
        }
    }

    private ArticleInput() {
    }

    public static Batch read(List<Path> paths, ArticleNormaliser normaliser) {
        List<Loaded> loaded = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        for (Path path : paths) {
            ReadBatch batch = ArticleFiles.read(path);
            batch.rejections().forEach(r -> failures.add(new Failure(r.origin(), r.reason())));
            for (ParsedArticle p : batch.articles()) {
                try {
                    loaded.add(new Loaded(p.origin(), p.article().id(), normalise(p.article(), normaliser)));
                } catch (RuntimeException e) {
                    failures.add(new Failure(p.origin(), "cannot normalise: " + e.getMessage()));
                }
            }
        }
        return new Batch(loaded, failures);
    }

    /** Normalises with the article's own publication date; "unknown" or unparseable dates give none. */
    public static NormalisedArticle normalise(RawArticle raw, ArticleNormaliser normaliser) {
        return normaliser.normalise(raw, published(raw.published()));
    }

    static Instant published(String text) {
        try {
            return ArticleValidator.publishedInstant(text);
        } catch (DateTimeException e) {
            return null;
        }
    }
}

package dev.troopwatch.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The one place the producer decides an article's id, which is also its record key: the id when given, else one
 * derived from the url, else from a hash of the content. The same story read twice gets the same key, so
 * republishing is harmless downstream.
 *
 * <p>Kept in one method so that it can delegate to the pipeline's own rule (normalise.ArticleIds) and producer and
 * topology can never disagree.
 */
public final class ArticleKeys {
    private ArticleKeys() {
    }

    /** The article with its id filled in. */
    public static RawArticle withId(RawArticle article) {
        if (article.id() != null && !article.id().isBlank()) {
            return article;
        }
        return new RawArticle(idFor(article), article.url(), article.source(), article.headline(),
                article.published(), article.language(), article.body());
    }

    static String idFor(RawArticle article) {
        if (article.url() != null && !article.url().isBlank()) {
            return "url-" + sha256(article.url().trim()).substring(0, 32);
        }
        String content = String.join("\n", nullToEmpty(article.source()), nullToEmpty(article.headline()),
                nullToEmpty(article.published()), nullToEmpty(article.body()));
        return "sha-" + sha256(content).substring(0, 32);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}

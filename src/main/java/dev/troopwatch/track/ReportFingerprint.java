package dev.troopwatch.track;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Objects;

/**
 * What the syndication check remembers of a recent report of a situation.
 *
 * @param articleId  article id
 * @param signature  MinHash signature of the normalised body ({@link MinHash})
 * @param agency     originating agency, or null
 * @param source     outlet, or null
 * @param published  publication time
 * @param copyOf     the article this one copies, or null when it is an original
 */
public record ReportFingerprint(@JsonProperty("article_id") String articleId, String signature, String agency,
                                String source, Instant published, @JsonProperty("copy_of") String copyOf) {
    public ReportFingerprint {
        Objects.requireNonNull(articleId, "articleId");
        Objects.requireNonNull(signature, "signature");
        Objects.requireNonNull(published, "published");
    }

    /** The report this one ultimately copies: itself when it is an original. */
    public String originalId() {
        return copyOf == null ? articleId : copyOf;
    }
}

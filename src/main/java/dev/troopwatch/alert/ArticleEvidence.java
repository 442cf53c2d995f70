package dev.troopwatch.alert;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * The report behind a state or an alert: which article, and the sentence that asserts the status.
 *
 * @param articleId article id
 * @param source    outlet that published it, or null
 * @param url       story url, or null
 * @param headline  headline, or null
 * @param sentence  the sentence of the article that asserts the status
 */
public record ArticleEvidence(@JsonProperty("article_id") String articleId, String source, String url,
                              String headline, String sentence) {
    public ArticleEvidence {
        Objects.requireNonNull(articleId, "articleId");
    }
}

package dev.troopwatch.stream;

import dev.troopwatch.normalise.NormalisedArticle;

/**
 * Either a clean article or the reason it was rejected; exactly one side is set. Lives only between the
 * validation processor and the branch that routes it, never on a topic.
 *
 * @param article the normalised article, or null
 * @param reason  rejection reason code, or null
 * @param detail  rejection detail, or null
 */
public record CleaningOutcome(NormalisedArticle article, String reason, String detail) {
    public CleaningOutcome {
        if ((article == null) == (reason == null)) {
            throw new IllegalArgumentException("exactly one of article and reason must be set");
        }
    }

    public static CleaningOutcome clean(NormalisedArticle article) {
        return new CleaningOutcome(article, null, null);
    }

    public static CleaningOutcome rejected(String reason, String detail) {
        return new CleaningOutcome(null, reason, detail);
    }
}

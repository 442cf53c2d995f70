package dev.troopwatch.stream;

import dev.troopwatch.normalise.NormalisedArticle;

/**
 * Output of the validation processor: a clean article or a dead letter, routed by a named branch. Never written
 * to a topic as such.
 */
record ValidatedRecord(NormalisedArticle article, DeadLetter deadLetter) {
    static ValidatedRecord clean(NormalisedArticle article) {
        return new ValidatedRecord(article, null);
    }

    static ValidatedRecord rejected(DeadLetter deadLetter) {
        return new ValidatedRecord(null, deadLetter);
    }

    boolean isRejected() {
        return deadLetter != null;
    }
}

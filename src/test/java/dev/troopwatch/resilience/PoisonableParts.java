package dev.troopwatch.resilience;

import dev.troopwatch.extract.EventExtractor;
import dev.troopwatch.extract.RuleExtractor;
import dev.troopwatch.normalise.ArticleNormaliser;
import dev.troopwatch.normalise.ArticleValidator;
import dev.troopwatch.normalise.LanguageCheck;
import dev.troopwatch.normalise.Rejection;
import dev.troopwatch.normalise.ValidArticle;
import dev.troopwatch.normalise.ValidationResult;
import dev.troopwatch.stream.ArticleCleaner;
import dev.troopwatch.stream.CleaningOutcome;
import dev.troopwatch.stream.PipelineParts;
import dev.troopwatch.track.TrackingPolicy;
import dev.troopwatch.track.TransitionDecider;
import java.time.Clock;

/**
 * The production stages (the same validator, normaliser, rule extractor and decision policy the topology uses by
 * default) with two test hooks: the validator's size limit, and an extractor that throws for any article whose text
 * contains a marker, so that a record whose processing fails can be produced on purpose.
 */
final class PoisonableParts {
    static final String POISON = "POISON-PILL-7f3a";

    private PoisonableParts() {
    }

    static PipelineParts create(int maxArticleBytes) {
        ArticleValidator validator = new ArticleValidator(Clock.systemUTC(), maxArticleBytes, LanguageCheck.load());
        ArticleNormaliser normaliser = ArticleNormaliser.withDefaultRules();
        ArticleCleaner cleaner = (value, recordTime) -> {
            ValidationResult result = validator.validate(value);
            if (result instanceof Rejection rejection) {
                return CleaningOutcome.rejected(rejection.reason(), rejection.detail());
            }
            ValidArticle valid = (ValidArticle) result;
            return CleaningOutcome.clean(normaliser.normalise(valid.article(),
                    valid.published() != null ? valid.published() : recordTime));
        };
        EventExtractor real = RuleExtractor.withDefaultRules();
        EventExtractor poisonable = article -> {
            if (article.text().contains(POISON)) {
                throw new IllegalStateException("extractor failed on purpose for a test");
            }
            return real.extract(article);
        };
        return new PipelineParts(cleaner, poisonable, new TransitionDecider(TrackingPolicy.defaults()));
    }
}

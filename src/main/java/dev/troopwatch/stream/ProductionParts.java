package dev.troopwatch.stream;

import dev.troopwatch.extract.RuleExtractor;
import dev.troopwatch.normalise.ArticleNormaliser;
import dev.troopwatch.normalise.ArticleValidator;
import dev.troopwatch.normalise.Rejection;
import dev.troopwatch.normalise.ValidArticle;
import dev.troopwatch.normalise.ValidationResult;
import dev.troopwatch.track.TrackingPolicy;
import dev.troopwatch.track.TransitionDecider;
import java.time.Clock;

/** The production stages: the normaliser's validator and rules, the rule-based extractor, the default policy. */
final class ProductionParts {
    private ProductionParts() {
    }

    static PipelineParts create() {
        ArticleValidator validator = ArticleValidator.withDefaults(Clock.systemUTC());
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
        return new PipelineParts(cleaner, RuleExtractor.withDefaultRules(),
                new TransitionDecider(TrackingPolicy.defaults()));
    }
}

package dev.troopwatch.extract;

import java.util.List;
import java.util.Locale;

/**
 * Scores of an extractor against labelled articles, as {@code corpus/LABELING.md} defines them. Counts are
 * micro-averaged: summed over all articles before dividing.
 *
 * @param articles          articles scored
 * @param relevanceCorrect  articles whose predicted relevance equals the label
 * @param status            status-triple counts
 * @param lead              lead-triple counts
 * @param theatre           theatre accuracy over labelled lead situations with a theatre
 * @param troops            troops accuracy over labelled lead situations with a number
 * @param claimant          claimant accuracy over labelled lead situations with a claimant
 * @param distractorEvents  events output for articles labelled not relevant
 * @param perArticle        what went wrong, article by article
 */
public record EvaluationReport(int articles, int relevanceCorrect, Counts status, Counts lead, Accuracy theatre,
                               Accuracy troops, Accuracy claimant, int distractorEvents,
                               List<ArticleResult> perArticle) {
    public EvaluationReport {
        perArticle = List.copyOf(perArticle);
    }

    public double relevanceAccuracy() {
        return articles == 0 ? 0 : (double) relevanceCorrect / articles;
    }

    /**
     * Precision and recall counts: {@code predictedCorrect} of {@code predicted} outputs were in the labels (or
     * optional), {@code goldFound} of {@code gold} required triples were output.
     */
    public record Counts(int predicted, int predictedCorrect, int gold, int goldFound) {
        public double precision() {
            return predicted == 0 ? (gold == 0 ? 1 : 0) : (double) predictedCorrect / predicted;
        }

        public double recall() {
            return gold == 0 ? 1 : (double) goldFound / gold;
        }

        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        Counts plus(Counts o) {
            return new Counts(predicted + o.predicted, predictedCorrect + o.predictedCorrect, gold + o.gold,
                    goldFound + o.goldFound);
        }
    }

    /** {@code correct} of {@code n} labelled values were reproduced. */
    public record Accuracy(int correct, int n) {
        public double value() {
            return n == 0 ? 1 : (double) correct / n;
        }

        Accuracy plus(Accuracy o) {
            return new Accuracy(correct + o.correct, n + o.n);
        }
    }

    /** The errors on one article: lines such as "miss KP/RU DEPLOYED" or "theatre KP/RU: got X, want Y". */
    public record ArticleResult(String file, boolean relevanceCorrect, List<String> errors) {
        public ArticleResult {
            errors = List.copyOf(errors);
        }
    }

    /** The figures as printed by {@code troopwatch evaluate}. */
    public String summary() {
        return String.format(Locale.ROOT, """
                articles            %d
                relevance accuracy  %.4f (%d/%d), events from distractors: %d
                status triples      P %.4f  R %.4f  F1 %.4f  (predicted %d, correct %d; gold %d, found %d)
                lead triples        P %.4f  R %.4f  F1 %.4f  (predicted %d, correct %d; gold %d, found %d)
                theatre accuracy    %.4f (%d/%d)
                troops accuracy     %.4f (%d/%d)
                claimant accuracy   %.4f (%d/%d)
                """, articles, relevanceAccuracy(), relevanceCorrect, articles, distractorEvents,
                status.precision(), status.recall(), status.f1(), status.predicted, status.predictedCorrect,
                status.gold, status.goldFound,
                lead.precision(), lead.recall(), lead.f1(), lead.predicted, lead.predictedCorrect, lead.gold,
                lead.goldFound,
                theatre.value(), theatre.correct, theatre.n, troops.value(), troops.correct, troops.n,
                claimant.value(), claimant.correct, claimant.n);
    }
}

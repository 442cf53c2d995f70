package dev.troopwatch.extract;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Runs the extractor and the scorer on the shared dev corpus and fails if any figure falls below the best
 * reached so far (floors in {@code extract/ratchet.properties}, raised as the rules improve).
 */
class DevCorpusRatchetTest {
    private static final RuleExtractor EXTRACTOR = RuleExtractor.withDefaultRules();

    static EvaluationReport evaluate(Path dir) {
        List<EvaluationScorer.Scored> scored = new ArrayList<>();
        for (DevCorpus.Case c : DevCorpus.load(dir)) {
            scored.add(new EvaluationScorer.Scored(c.gold(), EXTRACTOR.extract(c.article())));
        }
        return EvaluationScorer.score(scored);
    }

    @Test
    void noFigureFallsBelowItsFloor() throws IOException {
        Optional<Path> dir = DevCorpus.dir();
        Assumptions.assumeTrue(dir.isPresent(), "shared dev corpus not found (set -Dtroopwatch.shared): ratchet skipped");
        EvaluationReport r = evaluate(dir.get());
        System.out.println(r.summary());
        if (Boolean.getBoolean("troopwatch.verbose")) {
            for (EvaluationReport.ArticleResult a : r.perArticle()) {
                if (!a.errors().isEmpty()) {
                    System.out.println(a.file() + "\n    " + String.join("\n    ", a.errors()));
                }
            }
        }
        Properties floors = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/extract/ratchet.properties")) {
            floors.load(in);
        }
        Map<String, Double> figures = Map.of(
                "relevance", r.relevanceAccuracy(),
                "status.f1", r.status().f1(),
                "lead.f1", r.lead().f1(),
                "theatre", r.theatre().value(),
                "troops", r.troops().value(),
                "claimant", r.claimant().value());
        List<String> fallen = new ArrayList<>();
        for (Map.Entry<String, Double> f : figures.entrySet()) {
            double floor = Double.parseDouble(floors.getProperty(f.getKey(), "0"));
            if (f.getValue() + 1e-9 < floor) {
                fallen.add(f.getKey() + " " + f.getValue() + " < floor " + floor);
            }
        }
        assertTrue(fallen.isEmpty(), "figures fell below the ratchet: " + fallen);
        int maxDistractorEvents = Integer.parseInt(floors.getProperty("distractor.events.max", "0"));
        assertTrue(r.distractorEvents() <= maxDistractorEvents,
                "events from distractor articles: " + r.distractorEvents());
    }
}

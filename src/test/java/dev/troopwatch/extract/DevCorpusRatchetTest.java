package dev.troopwatch.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.troopwatch.normalise.ArticleNormaliser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Runs the extractor and the scorer on the shared dev corpus (read in place, never copied) and fails if any
 * figure falls below the best reached so far: the floors in {@code extract/ratchet.properties}, raised as the
 * rules improve and never lowered to let a change through.
 */
class DevCorpusRatchetTest {

    static Path devCorpus() {
        String shared = System.getProperty("troopwatch.shared",
                System.getenv().getOrDefault("TROOPWATCH_SHARED", "../shared"));
        return Path.of(shared, "corpus", "dev");
    }

    @Test
    void noFigureFallsBelowItsFloor() throws IOException {
        Path dir = devCorpus();
        Assumptions.assumeTrue(Files.isDirectory(dir),
                "shared dev corpus not found at " + dir.toAbsolutePath() + " (set -Dtroopwatch.shared): ratchet skipped");
        List<LabelledCorpus.Case> cases = LabelledCorpus.load(dir, ArticleNormaliser.withDefaultRules());
        for (LabelledCorpus.Case c : cases) {
            assertEquals(null, c.error(), "every labelled article reads");
        }
        EvaluationReport r = LabelledCorpus.evaluate(cases, RuleExtractor.withDefaultRules());
        System.out.println(r.summary());
        Properties floors = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/extract/ratchet.properties")) {
            floors.load(in);
        }
        Map<String, Double> figures = new LinkedHashMap<>();
        figures.put("relevance", r.relevanceAccuracy());
        figures.put("status.f1", r.status().f1());
        figures.put("lead.f1", r.lead().f1());
        figures.put("theatre", r.theatre().value());
        figures.put("troops", r.troops().value());
        figures.put("claimant", r.claimant().value());
        List<String> fallen = new ArrayList<>();
        for (Map.Entry<String, Double> f : figures.entrySet()) {
            double floor = Double.parseDouble(floors.getProperty(f.getKey()));
            if (f.getValue() + 1e-9 < floor) {
                fallen.add(f.getKey() + " " + f.getValue() + " < floor " + floor);
            }
        }
        assertTrue(fallen.isEmpty(), "figures fell below the ratchet: " + fallen);
        int maxDistractorEvents = Integer.parseInt(floors.getProperty("distractor.events.max"));
        assertTrue(r.distractorEvents() <= maxDistractorEvents,
                "events from distractor articles: " + r.distractorEvents());
    }
}

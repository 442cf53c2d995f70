package dev.troopwatch.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The scoring rules of corpus/LABELING.md on hand-made labels and outputs. */
class EvaluationScorerTest {
    private static final Evidence EV = new Evidence("s", 0, 1);

    private static Mention m(String actor, String host, Status status, boolean lead, String theatre, TroopRange troops,
                             String claimant) {
        return new Mention(actor, host, theatre, status, lead, troops, claimant, false, null, EV);
    }

    private static GoldLabel gold(boolean relevant, List<GoldLabel.Situation> situations, List<GoldLabel.Triple> optional) {
        return new GoldLabel("a.txt", "2025-01-01", relevant, situations, optional, null);
    }

    private static final GoldLabel.Situation KP_RU = new GoldLabel.Situation("KP", "RU", "Kursk region",
            List.of(Status.DEPLOYED, Status.ENGAGED), List.of(Status.DEPLOYED), TroopRange.exactly(10_000), "KR");

    @Test
    void optionalTriplesAreNotFalseHitsButAreNeverRequired() {
        GoldLabel g = gold(true, List.of(KP_RU), List.of(new GoldLabel.Triple("UA", "RU", Status.ENGAGED)));
        EvaluationReport r = EvaluationScorer.score(List.of(new EvaluationScorer.Scored(g, List.of(
                m("KP", "RU", Status.DEPLOYED, true, "Kursk", TroopRange.exactly(10_000), "KR"),
                m("UA", "RU", Status.ENGAGED, false, null, null, null),
                m("RU", "UA", Status.ENGAGED, false, null, null, null)))));
        assertEquals(new EvaluationReport.Counts(3, 2, 2, 1), r.status());
        assertEquals(2.0 / 3, r.status().precision(), 1e-9);
        assertEquals(0.5, r.status().recall(), 1e-9);
        assertEquals(new EvaluationReport.Counts(1, 1, 1, 1), r.lead());
        assertEquals(1, r.relevanceCorrect());
    }

    @Test
    void situationFieldsComeFromTheFirstLeadMentionThatHasThem() {
        GoldLabel g = gold(true, List.of(KP_RU), List.of());
        EvaluationReport r = EvaluationScorer.score(List.of(new EvaluationScorer.Scored(g, List.of(
                m("KP", "RU", Status.DEPLOYED, false, "Moscow", TroopRange.exactly(3), "US"),
                m("KP", "RU", Status.DEPLOYED, true, null, null, "KR"),
                m("KP", "RU", Status.DEPLOYED, true, "Kursk", new TroopRange(10_000L, null), "US")))));
        assertEquals(new EvaluationReport.Accuracy(1, 1), r.theatre());
        assertEquals(new EvaluationReport.Accuracy(0, 1), r.troops(), "min and max must both match");
        assertEquals(new EvaluationReport.Accuracy(1, 1), r.claimant());
    }

    @Test
    void aMissingLeadSituationCountsAsWrongForEveryField() {
        EvaluationReport r = EvaluationScorer.score(List.of(new EvaluationScorer.Scored(gold(true, List.of(KP_RU),
                List.of()), List.of())));
        assertEquals(new EvaluationReport.Accuracy(0, 1), r.theatre());
        assertEquals(new EvaluationReport.Accuracy(0, 1), r.troops());
        assertEquals(new EvaluationReport.Accuracy(0, 1), r.claimant());
        assertEquals(0, r.relevanceCorrect());
    }

    @Test
    void aDistractorWithNoOutputIsRightAndAnyOutputIsCounted() {
        EvaluationReport quiet = EvaluationScorer.score(List.of(new EvaluationScorer.Scored(gold(false, List.of(),
                List.of()), List.of())));
        assertEquals(1, quiet.relevanceCorrect());
        EvaluationReport noisy = EvaluationScorer.score(List.of(new EvaluationScorer.Scored(gold(false, List.of(),
                List.of()), List.of(m("KP", "KP", Status.DEPLOYED, true, null, null, null)))));
        assertEquals(0, noisy.relevanceCorrect());
        assertEquals(1, noisy.distractorEvents());
    }

    @Test
    void theatreNamesMatchIgnoringCaseAccentsAreaWordsAndWholeWordParts() {
        assertTrue(EvaluationScorer.theatreMatches("Kursk", "Kursk region"));
        assertTrue(EvaluationScorer.theatreMatches("kursk oblast", "KURSK"));
        assertTrue(EvaluationScorer.theatreMatches("Abeche", "Abéché"));
        assertTrue(EvaluationScorer.theatreMatches("Karabakh", "Nagorno-Karabakh"));
        assertTrue(EvaluationScorer.theatreMatches("Tyre district", "Tyre"));
        assertFalse(EvaluationScorer.theatreMatches("Kursk", "Kurskaya"));
        assertFalse(EvaluationScorer.theatreMatches("Niamey", "Agadez"));
    }

    @Test
    void countsAreMicroAveragedOverArticles() {
        GoldLabel a = gold(true, List.of(KP_RU), List.of());
        EvaluationReport r = EvaluationScorer.score(List.of(
                new EvaluationScorer.Scored(a, List.of(m("KP", "RU", Status.DEPLOYED, true, null, null, null))),
                new EvaluationScorer.Scored(a, List.of(m("KP", "RU", Status.DEPLOYED, true, null, null, null),
                        m("KP", "RU", Status.ENGAGED, false, null, null, null)))));
        assertEquals(new EvaluationReport.Counts(3, 3, 4, 3), r.status());
    }
}

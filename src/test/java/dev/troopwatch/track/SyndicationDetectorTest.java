package dev.troopwatch.track;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SyndicationDetectorTest {
    private static final String WIRE = String.join("\n\n",
            "SEOUL (AFP) - North Korea has sent another group of soldiers to Russia and moved several units back to "
                    + "the front, the South's intelligence service said on Thursday.",
            "The agency said the size of the new group was still being assessed and gave no figure.",
            "Thousands of North Korean soldiers were sent to Russia last year, according to Seoul and Washington.",
            "Neither government has commented on the report, and the Kremlin declined to answer questions.",
            "Analysts said the move suggested the partnership between the two countries was deepening.");
    private static final Instant DAY = Instant.parse("2025-02-27T00:00:00Z");

    private final SyndicationDetector detector = new SyndicationDetector(Duration.ofDays(7), 0.25, 5);

    private static ReportFingerprint print(String id, String text, String agency, Instant published) {
        return new ReportFingerprint(id, MinHash.signature(text), agency, "Outlet " + id, published, null);
    }

    @Test
    void aReprintWithABannerAndACutParagraphIsACopy() {
        String reprint = "Subscribe to our daily briefing.\n\n" + WIRE.substring(0, WIRE.lastIndexOf("\n\n"));
        assertTrue(MinHash.similarity(MinHash.signature(WIRE), MinHash.signature(reprint)) >= 0.5);
        ReportFingerprint original = print("a", WIRE, "AFP", DAY);
        assertEquals("a", detector.originalOf(print("b", reprint, null, DAY.plusSeconds(3600)), List.of(original))
                .orElseThrow().articleId());
    }

    @Test
    void theSameNewsInOtherWordsIsNotACopy() {
        String other = "Pyongyang has dispatched more troops to help Moscow, Seoul's spies say, with some of them "
                + "returning to combat in the Kursk region after weeks away from the fighting. Officials in Kyiv "
                + "have previously said the North Korean units suffered heavy losses in the winter battles.";
        assertTrue(MinHash.similarity(MinHash.signature(WIRE), MinHash.signature(other)) < 0.25);
        assertTrue(detector.originalOf(print("b", other, null, DAY), List.of(print("a", WIRE, "AFP", DAY))).isEmpty());
    }

    @Test
    void noCopyAcrossTheWindowOrBetweenTwoNamedAgencies() {
        ReportFingerprint original = print("a", WIRE, "AFP", DAY);
        assertTrue(detector.originalOf(print("b", WIRE, "AFP", DAY.plus(Duration.ofDays(8))), List.of(original))
                .isEmpty());
        assertTrue(detector.originalOf(print("c", WIRE, "Reuters", DAY), List.of(original)).isEmpty());
    }

    @Test
    void rememberedFingerprintsStayWithinTheWindowAndTheCap() {
        List<ReportFingerprint> kept = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            kept = detector.retained(kept, print("r" + i, WIRE + i, null, DAY.plus(Duration.ofDays(i))));
        }
        assertTrue(kept.size() <= 5);
        assertTrue(kept.stream().allMatch(f -> !f.published().isBefore(DAY.plus(Duration.ofDays(22)))),
                "only the last 7 days: " + kept.stream().map(ReportFingerprint::articleId).toList());
        assertEquals("r29", kept.get(kept.size() - 1).articleId());
    }

    @Test
    void theChangeSaysWhatToRememberAndWhatToForget() {
        List<ReportFingerprint> recent = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            recent.add(print("r" + i, WIRE + i, null, DAY.plus(Duration.ofHours(i))));
        }
        ReportFingerprint added = print("new", WIRE + "new", null, DAY.plus(Duration.ofDays(1)));
        FingerprintChange change = detector.change(recent, added, detector.retained(recent, added));
        assertEquals(added, change.remember());
        assertEquals(DAY.plus(Duration.ofDays(1)).minus(Duration.ofDays(7)), change.forgetBefore());
        assertEquals(List.of(recent.get(0)), change.forget(), "over the cap of 5: the oldest goes");

        ReportFingerprint tooOld = print("old", WIRE + "old", null, DAY.minus(Duration.ofDays(8)));
        FingerprintChange none = detector.change(recent, tooOld, detector.retained(recent, tooOld));
        assertEquals(null, none.remember(), "older than the window of the newest: not remembered");
        assertTrue(none.forget().isEmpty());
    }
}

package dev.troopwatch.track;

import static dev.troopwatch.extract.Status.DEPLOYED;
import static dev.troopwatch.extract.Status.ENGAGED;
import static dev.troopwatch.track.Reports.report;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The bounds of a situation's history, and what its entries keep of a report. */
class HistoryRetentionTest {
    private static final SituationKey KP_RU = new SituationKey("KP", "RU");
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    private static HistoryEntry entry(String id, Disposition disposition) {
        return new HistoryEntry(Instant.parse("2025-01-01T00:00:00Z"), NOW, id, null, null, null, null, null, null,
                null, null, null, false, null, disposition, null, null);
    }

    @Test
    void theOldestEntryThatRaisedNoAlertGoesFirst() {
        List<HistoryEntry> history = List.of(entry("c1", Disposition.CHANGE), entry("c2", Disposition.CHANGE),
                entry("r1", Disposition.REREPORT), entry("l1", Disposition.LATE));
        assertEquals("r1", HistoryRetention.evicted(history.iterator(), Function.identity()).orElseThrow()
                .articleId());
    }

    @Test
    void whenEveryEntryRaisedAlertsTheOldestGoes() {
        List<HistoryEntry> history = List.of(entry("c1", Disposition.CHANGE), entry("c2", Disposition.CHANGE));
        assertEquals("c1", HistoryRetention.evicted(history.iterator(), Function.identity()).orElseThrow()
                .articleId());
        assertEquals(Optional.empty(), HistoryRetention.evicted(List.<HistoryEntry>of().iterator(),
                Function.identity()));
    }

    @Test
    void itReadsNoFurtherThanTheAnswer() {
        List<HistoryEntry> history = new ArrayList<>();
        history.add(entry("c1", Disposition.CHANGE));
        history.add(entry("r1", Disposition.REREPORT));
        for (int i = 0; i < 100; i++) {
            history.add(entry("r" + (i + 2), Disposition.REREPORT));
        }
        int[] read = {0};
        Iterator<HistoryEntry> counting = new Iterator<>() {
            private final Iterator<HistoryEntry> inner = history.iterator();

            @Override
            public boolean hasNext() {
                return inner.hasNext();
            }

            @Override
            public HistoryEntry next() {
                read[0]++;
                return inner.next();
            }
        };
        HistoryRetention.evicted(counting, Function.identity());
        assertEquals(2, read[0]);
    }

    @Test
    void theDeciderCountsTheHistoryAndSaysWhenOneEntryMustLeave() {
        TrackingPolicy small = new TrackingPolicy(Duration.ofDays(7), 0.25, Duration.ofDays(30), 1.1, 1.5, 3, 256,
                64);
        InMemorySituation situation = new InMemorySituation(new TransitionDecider(small), KP_RU);
        List<Boolean> evictions = new ArrayList<>();
        evictions.add(situation.apply(report("dep").on("2024-10-01").lead(DEPLOYED, "US").build(), NOW)
                .evictHistory());
        for (int i = 0; i < 4; i++) {
            evictions.add(situation.apply(report("re" + i).on("2024-10-0" + (i + 2)).lead(DEPLOYED, "KR").build(),
                    NOW).evictHistory());
        }
        evictions.add(situation.apply(report("war").on("2024-11-01").lead(ENGAGED, "UA").build(), NOW)
                .evictHistory());
        assertEquals(List.of(false, false, false, true, true, true), evictions);
        assertEquals(3, situation.state().historyCount());
        assertEquals(List.of("dep", "re3", "war"),
                situation.history().stream().map(HistoryEntry::articleId).toList(),
                "the changes stay, the oldest re-reports go");
    }

    @Test
    void reportsOfTheSameTimeKeepTheirArrivalOrder() {
        InMemorySituation situation = new InMemorySituation(new TransitionDecider(TrackingPolicy.defaults()), KP_RU);
        for (String id : List.of("zulu", "alpha", "mike")) {
            situation.apply(report(id).on("2024-10-01").lead(DEPLOYED, "US").build(), NOW);
        }
        situation.apply(report("early").on("2024-09-30").lead(DEPLOYED, "US").build(), NOW);
        assertEquals(List.of("early", "zulu", "alpha", "mike"),
                situation.history().stream().map(HistoryEntry::articleId).toList());
        assertEquals(4, situation.state().reportSequence());
        assertEquals(Instant.parse("2024-09-30T00:00:00Z"), situation.state().historySince(),
                "a late report moves the history's lower bound back");
    }

    @Test
    void anEntryBoundsItsFreeText() {
        String url = "https://example.test/" + "a".repeat(50_000);
        String headline = "b".repeat(398) + "\uD83D\uDE00" + "c".repeat(10);
        HistoryEntry entry = new HistoryEntry(NOW, NOW, "id", "s".repeat(5_000), "A".repeat(5_000), url, headline,
                null, null, null, null, null, false, null, Disposition.REREPORT, null, null);
        assertEquals(HistoryEntry.MAX_URL, entry.url().length());
        assertTrue(entry.url().endsWith("..."));
        assertEquals(HistoryEntry.MAX_SOURCE, entry.source().length());
        assertEquals(HistoryEntry.MAX_SOURCE, entry.agency().length());
        assertTrue(entry.headline().length() <= HistoryEntry.MAX_HEADLINE);
        assertFalse(Character.isHighSurrogate(entry.headline().charAt(entry.headline().length() - 4)),
                "a surrogate pair is never split");
        HistoryEntry short_ = new HistoryEntry(NOW, NOW, "id", "AFP", null, "https://x.test/a", "Short", null, null,
                null, null, null, false, null, Disposition.REREPORT, null, null);
        assertEquals("https://x.test/a", short_.url());
        assertEquals("Short", short_.headline());
    }
}

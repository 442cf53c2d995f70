package dev.troopwatch.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SourceClocksTest {
    private static final long T = 1_000_000L;

    private final SourceClocks clocks = new SourceClocks(3_000);

    @Test
    void nothingIsReleasedUntilEverySourceHasBeenHeardFrom() {
        clocks.observe(0, 3, 500, false, T);
        clocks.observe(2, 3, 700, false, T);
        assertEquals(SourceClocks.NONE, clocks.lowWatermark());
        clocks.observe(1, 3, 600, false, T);
        assertEquals(500, clocks.lowWatermark());
    }

    @Test
    void aSenderThatDoesNotKnowTheCountYetReleasesNothing() {
        clocks.observe(0, 0, 500, false, T);
        assertEquals(SourceClocks.NONE, clocks.lowWatermark());
        clocks.observe(0, 1, 500, false, T);
        assertEquals(500, clocks.lowWatermark());
    }

    @Test
    void theSlowestBusySourceSetsTheWatermark() {
        clocks.observe(0, 3, 900, false, T);
        clocks.observe(1, 3, 400, false, T);
        clocks.observe(2, 3, 700, false, T);
        assertEquals(400, clocks.lowWatermark());
        clocks.observe(1, 3, 800, false, T + 10);
        assertEquals(700, clocks.lowWatermark());
    }

    @Test
    void anIdleSourceHoldsNothingBackUntilItIsBusyAgain() {
        clocks.observe(0, 2, 900, false, T);
        clocks.observe(1, 2, 100, true, T);
        assertEquals(900, clocks.lowWatermark());
        clocks.observe(1, 2, 200, false, T + 50);
        assertEquals(200, clocks.lowWatermark());
    }

    @Test
    void whenEverySourceIsIdleNothingIsHeldBack() {
        clocks.observe(0, 1, 900, true, T);
        assertEquals(SourceClocks.ALL, clocks.lowWatermark());
    }

    @Test
    void aSourceFallsSilentWhenTheOthersRunAheadOfItNotWhenTheReaderIsLate() {
        clocks.observe(0, 2, 900, false, T);
        clocks.observe(1, 2, 100, false, T);
        // however long the tracker took to read these, the input clock has not moved: source 1 still counts
        assertEquals(100, clocks.lowWatermark());
        clocks.observe(0, 2, 950, false, T + 2_999);
        assertEquals(100, clocks.lowWatermark());
        clocks.observe(0, 2, 960, false, T + 3_000);
        assertEquals(960, clocks.lowWatermark());
        assertEquals(T + 3_000, clocks.inputClock());
    }

    @Test
    void aSourcesWatermarkNeverGoesBack() {
        clocks.observe(0, 1, 900, false, T);
        // the task restarted elsewhere and announces itself from the start of its partition again
        clocks.observe(0, 1, 0, false, T + 100);
        assertEquals(900, clocks.lowWatermark());
        assertEquals(1, clocks.heard());
    }

    @Test
    void aNonPositiveSilenceIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new SourceClocks(0));
    }
}

package dev.troopwatch.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SourceClocksTest {
    private static final long T = 1_000_000L;

    private final SourceClocks clocks = new SourceClocks(3_000);

    private void busy(int source, int sources, long watermark, long sentAt) {
        clocks.observe(source, sources, watermark, false, 0L, sentAt);
    }

    private void idle(int source, int sources, long watermark, long caughtUpAt, long sentAt) {
        clocks.observe(source, sources, watermark, true, caughtUpAt, sentAt);
    }

    @Test
    void nothingIsReleasedUntilEverySourceHasBeenHeardFrom() {
        busy(0, 3, 500, T);
        busy(2, 3, 700, T);
        assertFalse(clocks.heardFromAll());
        assertFalse(clocks.mayRelease(100, T));
        busy(1, 3, 600, T);
        assertTrue(clocks.mayRelease(500, T));
    }

    @Test
    void aSenderThatDoesNotKnowTheCountYetReleasesNothing() {
        busy(0, 0, 500, T);
        assertFalse(clocks.mayRelease(100, T));
        busy(0, 1, 500, T);
        assertTrue(clocks.mayRelease(100, T));
    }

    @Test
    void theSlowestBusySourceHoldsBack() {
        busy(0, 3, 900, T);
        busy(1, 3, 400, T);
        busy(2, 3, 700, T);
        assertTrue(clocks.mayRelease(400, T));
        assertFalse(clocks.mayRelease(401, T));
        busy(1, 3, 800, T + 10);
        assertTrue(clocks.mayRelease(700, T));
        assertFalse(clocks.mayRelease(701, T));
    }

    @Test
    void anIdleSourceHoldsBackOnlyReportsSentAfterItCaughtUp() {
        busy(0, 2, 900, T);
        idle(1, 2, 100, T + 20, T + 25);
        assertTrue(clocks.mayRelease(900, T + 20), "sent before source 1 had caught up with its partition");
        assertFalse(clocks.mayRelease(900, T + 21), "source 1 may have woken up to an older article since");
        idle(1, 2, 100, T + 70, T + 75);
        assertTrue(clocks.mayRelease(900, T + 21));
        busy(1, 2, 200, T + 80);
        assertFalse(clocks.mayRelease(900, T + 21), "busy again: its watermark counts");
    }

    @Test
    void aSourceFallsSilentWhenTheOthersRunAheadOfItNotWhenTheReaderIsLate() {
        busy(0, 2, 900, T);
        busy(1, 2, 100, T);
        // however long the tracker took to read these, the input clock has not moved: source 1 still counts
        assertFalse(clocks.mayRelease(900, T));
        busy(0, 2, 950, T + 2_999);
        assertFalse(clocks.mayRelease(900, T));
        busy(0, 2, 960, T + 3_000);
        assertTrue(clocks.mayRelease(900, T));
        assertEquals(T + 3_000, clocks.inputClock());
    }

    @Test
    void aSourcesWatermarkNeverGoesBack() {
        busy(0, 1, 900, T);
        // the task restarted elsewhere and announces itself from the start of its partition again
        busy(0, 1, 0, T + 100);
        assertTrue(clocks.mayRelease(900, T));
        assertEquals(1, clocks.heard());
    }

    @Test
    void aNonPositiveSilenceIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new SourceClocks(0));
    }
}

package dev.troopwatch.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SourceClocksTest {
    private static final long START = 1_000_000L;

    private final SourceClocks clocks = new SourceClocks(START, 1_500, 3_000);

    @Test
    void nothingIsReleasedWhileStartingUp() {
        clocks.observe(0, 500, false, START);
        assertEquals(SourceClocks.NONE, clocks.lowWatermark(START + 1_499));
        assertEquals(500, clocks.lowWatermark(START + 1_500));
    }

    @Test
    void theSlowestBusySourceSetsTheWatermark() {
        clocks.observe(0, 900, false, START + 2_000);
        clocks.observe(1, 400, false, START + 2_000);
        clocks.observe(2, 700, false, START + 2_000);
        assertEquals(400, clocks.lowWatermark(START + 2_000));
        clocks.observe(1, 800, false, START + 2_010);
        assertEquals(700, clocks.lowWatermark(START + 2_010));
    }

    @Test
    void anIdleSourceHoldsNothingBackUntilItIsBusyAgain() {
        clocks.observe(0, 900, false, START + 2_000);
        clocks.observe(1, 100, true, START + 2_000);
        assertEquals(900, clocks.lowWatermark(START + 2_000));
        clocks.observe(1, 200, false, START + 2_050);
        assertEquals(200, clocks.lowWatermark(START + 2_050));
    }

    @Test
    void whenEverySourceIsIdleNothingIsHeldBack() {
        clocks.observe(0, 900, true, START + 2_000);
        assertEquals(SourceClocks.ALL, clocks.lowWatermark(START + 2_000));
    }

    @Test
    void aSourceThatFellSilentHoldsNothingBack() {
        clocks.observe(0, 900, false, START + 2_000);
        clocks.observe(1, 100, false, START + 2_000);
        clocks.observe(0, 950, false, START + 4_000);
        assertEquals(100, clocks.lowWatermark(START + 4_999));
        assertEquals(950, clocks.lowWatermark(START + 5_000));
    }

    @Test
    void aSourcesWatermarkNeverGoesBack() {
        clocks.observe(0, 900, false, START + 2_000);
        // the task restarted elsewhere and announces itself from the start of its partition again
        clocks.observe(0, 0, false, START + 2_100);
        assertEquals(900, clocks.lowWatermark(START + 2_100));
        assertEquals(1, clocks.sources());
    }

    @Test
    void badBoundsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new SourceClocks(0, -1, 10));
        assertThrows(IllegalArgumentException.class, () -> new SourceClocks(0, 0, 0));
    }
}

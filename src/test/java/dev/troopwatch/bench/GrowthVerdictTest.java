package dev.troopwatch.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;

/** The bounded-or-grows judgement of the soak run, on made-up series. */
class GrowthVerdictTest {
    private static final double MIB = 1 << 20;

    @Test
    void aSteadilyRisingSeriesGrows() {
        // 200 MiB rising 2 MiB per minute with +-5 MiB noise, sampled every 30 s for an hour.
        GrowthVerdict v = judge(120, 30, i -> 200 * MIB + i * MIB + noise(i, 5));
        assertEquals(GrowthVerdict.Verdict.GROWS, v.verdict(), v.describe());
        assertEquals(20 * MIB, v.slopePer10Min(), 2 * MIB, v.describe());
        assertTrue(v.lastThirdMean() > v.firstThirdMean());
    }

    @Test
    void aFlatNoisySeriesIsBounded() {
        GrowthVerdict v = judge(120, 30, i -> 300 * MIB + noise(i, 20));
        assertEquals(GrowthVerdict.Verdict.BOUNDED, v.verdict(), v.describe());
    }

    @Test
    void aSeriesThatFillsUpAndLevelsOffIsBounded() {
        // Warm-up: situations and histories fill in the first quarter, then the heap stays put.
        GrowthVerdict v = judge(120, 30, i -> Math.min(i, 30) * 5 * MIB + 100 * MIB + noise(i, 3));
        assertEquals(GrowthVerdict.Verdict.BOUNDED, v.verdict(), v.describe());
        assertTrue(v.lastThirdMean() > v.firstThirdMean(), "the first third includes the warm-up");
    }

    @Test
    void aTinyButSteadyRiseWithinTheToleranceIsBounded() {
        // +1 % per hour of a 400 MiB heap: real, but below the 5 % per hour that counts as growing.
        GrowthVerdict v = judge(120, 30, i -> 400 * MIB + i * (4 * MIB / 120));
        assertEquals(GrowthVerdict.Verdict.BOUNDED, v.verdict(), v.describe());
    }

    @Test
    void unknownSamplesAreSkippedAndTooFewGiveNoVerdict() {
        GrowthVerdict v = judge(5, 5, i -> i == 2 ? -1 : 100 * MIB + i * MIB);
        assertEquals(GrowthVerdict.Verdict.TOO_FEW_SAMPLES, v.verdict(), v.describe());
        assertEquals(4, v.samples());
    }

    private static GrowthVerdict judge(int n, double every, IntToDoubleFunction value) {
        double[] t = new double[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = (i + 1) * every;
            v[i] = value.applyAsDouble(i);
        }
        return GrowthVerdict.of(t, v);
    }

    /** Uniform noise of +-mib MiB, the same for every run (one random sequence, indexed by sample). */
    private static double noise(int i, double mib) {
        return (NOISE[i] * 2 - 1) * mib * MIB;
    }

    private static final double[] NOISE = new SplittableRandom(42).doubles(1_000).toArray();
}

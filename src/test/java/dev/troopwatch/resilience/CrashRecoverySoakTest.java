package dev.troopwatch.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} the application again and again while articles flow; a {@code read_committed} reader must then
 * see exactly the alerts and final situation states of an uninterrupted run. Under {@code exactly_once_v2} that
 * is asserted; {@code at_least_once} runs the same schedule and reports what it does, for contrast.
 *
 * <p>Reproduce a run with {@code -Dtroopwatch.resilience.seed=N} (the seed is printed).
 */
@Tag("soak")
class CrashRecoverySoakTest {
    private static final int KILLS = 12;
    private static final int STORIES_PER_SITUATION = 28;

    @TempDir
    Path workDir;

    static long seed() {
        String fixed = System.getProperty("troopwatch.resilience.seed");
        long seed = fixed != null ? Long.parseLong(fixed) : System.nanoTime();
        System.out.println("troopwatch.resilience.seed=" + seed);
        return seed;
    }

    @Test
    void exactlyOnceLosesAndDoublesNothingAcrossRepeatedKill9() {
        CrashHarness.Result result = CrashHarness.run(StreamsConfig.EXACTLY_ONCE_V2, seed(), KILLS,
                STORIES_PER_SITUATION, workDir);
        CrashHarness.print(result);
        Outcome actual = result.actual();
        Outcome expected = result.expected();
        assertTrue(result.restarts().stream().filter(r -> !r.killedWhile().equals("-")).count() >= 10,
                "at least 10 kills");
        assertTrue(expected.alerts().size() >= 100, "the stream must exercise the tracker: "
                + expected.alerts().size() + " alerts");
        assertEquals(0, actual.duplicateCount(), () -> "duplicate alerts " + actual.duplicates());
        assertEquals(expected.alerts().keySet(), actual.alerts().keySet(), "alert ids");
        assertEquals(expected.alerts(), actual.alerts(), "alert contents (wall-clock fields aside)");
        assertEquals(expected.situations(), actual.situations(), "final situation states");
        assertEquals(result.articles(), result.cleanArticles().records(), "each article cleaned exactly once");
    }

    @Test
    void atLeastOnceUnderTheSameKillsIsReportedForContrast() {
        CrashHarness.Result result = CrashHarness.run(StreamsConfig.AT_LEAST_ONCE, seed(), KILLS,
                STORIES_PER_SITUATION, workDir);
        CrashHarness.print(result);
        // Duplicates and divergent state are what this guarantee allows; only the run itself must be complete.
        assertTrue(result.restarts().stream().filter(r -> !r.killedWhile().equals("-")).count() >= 10,
                "at least 10 kills");
        assertTrue(result.actual().alerts().size() > 0, "alerts were produced");
    }
}

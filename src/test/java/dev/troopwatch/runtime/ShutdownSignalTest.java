package dev.troopwatch.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class ShutdownSignalTest {
    @Test
    void closesInReverseOrderReportsFailuresInOneLineAndGoesOn() throws Exception {
        List<String> closed = new ArrayList<>();
        List<String> log = new ArrayList<>();
        ShutdownSignal shutdown = new ShutdownSignal(log::add);
        shutdown.add(() -> closed.add("broker"));
        shutdown.add(() -> {
            throw new IllegalStateException("pipeline would not stop");
        });
        shutdown.add(() -> closed.add("printer"));
        shutdown.closeNow();
        shutdown.await();
        assertEquals(List.of("printer", "broker"), closed);
        assertEquals(List.of("while stopping: java.lang.IllegalStateException: pipeline would not stop"), log);
        assertThrows(IllegalStateException.class, () -> shutdown.add(() -> closed.add("late")));
    }

    @Test
    void theHookWaitsForTheCommandToFinishAfterStoppingItsLoop() {
        List<String> steps = new ArrayList<>();
        List<String> log = new ArrayList<>();
        ShutdownSignal shutdown = new ShutdownSignal(log::add);
        CountDownLatch finished = shutdown.commandFinished(Duration.ofSeconds(30));
        // the loop's stopper runs first; here it lets the command finish at once
        shutdown.add(() -> {
            steps.add("loop stopped");
            finished.countDown();
        });
        shutdown.closeNow();
        assertEquals(List.of("loop stopped"), steps);
        assertTrue(log.isEmpty(), log.toString());
    }

    @Test
    void aCommandThatNeverFinishesIsReportedAfterTheTimeout() {
        List<String> log = new ArrayList<>();
        ShutdownSignal shutdown = new ShutdownSignal(log::add);
        shutdown.commandFinished(Duration.ofMillis(50));
        shutdown.closeNow();
        assertEquals(1, log.size(), log.toString());
        assertTrue(log.get(0).contains("did not finish"), log.get(0));
    }
}

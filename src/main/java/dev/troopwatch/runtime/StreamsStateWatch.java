package dev.troopwatch.runtime;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Follows the state changes of a {@link KafkaStreams} instance so that callers wait for a condition (RUNNING, a
 * finished rebalance) instead of sleeping. Conditions are re-checked on every state change, and at least once a
 * second for those that change without one (task assignment settling while RUNNING).
 */
final class StreamsStateWatch implements KafkaStreams.StateListener {
    private static final long RECHECK_MILLIS = 1000;
    private final Object lock = new Object();
    private KafkaStreams.State state = KafkaStreams.State.CREATED;
    private KafkaStreams.State failure;

    @Override
    public void onChange(KafkaStreams.State newState, KafkaStreams.State oldState) {
        synchronized (lock) {
            state = newState;
            if (newState == KafkaStreams.State.ERROR || newState == KafkaStreams.State.PENDING_ERROR) {
                failure = newState;
            }
            lock.notifyAll();
        }
    }

    KafkaStreams.State state() {
        synchronized (lock) {
            return state;
        }
    }

    /** The error state Streams went to, or null. */
    KafkaStreams.State failure() {
        synchronized (lock) {
            return failure;
        }
    }

    /** True once {@code condition} holds, false when {@code timeout} passed or Streams failed first. */
    boolean await(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (!condition.getAsBoolean()) {
                long remaining = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (failure != null || remaining <= 0) {
                    return false;
                }
                lock.wait(Math.min(remaining, RECHECK_MILLIS));
            }
            return true;
        }
    }
}

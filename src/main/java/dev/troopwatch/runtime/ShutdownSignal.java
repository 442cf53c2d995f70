package dev.troopwatch.runtime;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Closes what a long-running command started, in reverse order, when the JVM is asked to stop (Ctrl-C, SIGTERM),
 * and lets the command's thread wait for that. Failures while closing are reported in one line each, not as stack
 * traces.
 */
public final class ShutdownSignal {
    private final Deque<AutoCloseable> resources = new ArrayDeque<>();
    private final CountDownLatch closed = new CountDownLatch(1);
    private final Consumer<String> log;
    private final Thread hook;
    private boolean closing;

    public ShutdownSignal(Consumer<String> log) {
        this.log = log;
        this.hook = new Thread(this::closeAll, "troopwatch-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Registers a resource; the last registered is closed first. */
    public synchronized <T extends AutoCloseable> T add(T resource) {
        if (closing) {
            throw new IllegalStateException("shutting down");
        }
        resources.push(resource);
        return resource;
    }

    /**
     * For a command that keeps working on its own thread (tail's poll loop, publish's feed loop): registers a step
     * that makes the shutdown hook wait, at most {@code timeout}, until the returned latch is counted down. The
     * command counts it down once its loop has ended and its output is flushed; without it the JVM halts as soon
     * as the hook returns, possibly halfway through a send or before the last lines are written. Register it
     * before the resource that stops the loop, which is then closed first.
     */
    public CountDownLatch commandFinished(Duration timeout) {
        CountDownLatch finished = new CountDownLatch(1);
        add(() -> {
            if (!finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                log.accept("while stopping: the command did not finish within " + timeout.toMillis() + " ms");
            }
        });
        return finished;
    }

    /** Blocks until the JVM is asked to stop and everything is closed. */
    public void await() throws InterruptedException {
        closed.await();
    }

    /** Closes everything now (a failed start), and unregisters the hook. */
    public void closeNow() {
        closeAll();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down; the hook ran or runs closeAll, which is idempotent
        }
    }

    private void closeAll() {
        synchronized (this) {
            if (closing) {
                return;
            }
            closing = true;
        }
        try {
            while (true) {
                AutoCloseable next;
                synchronized (this) {
                    next = resources.poll();
                }
                if (next == null) {
                    break;
                }
                try {
                    next.close();
                } catch (Exception e) {
                    log.accept("while stopping: " + e);
                }
            }
        } finally {
            // even when a close threw an Error: the command's thread waits on this and must not hang
            closed.countDown();
        }
    }
}

package dev.troopwatch.stream;

import java.util.HashMap;
import java.util.Map;

/**
 * How far in publication time each upstream source (an extract task, named by its partition) has got, as one tracker
 * task hears it, and from that whether a report can still be overtaken by an older one (a low watermark, with
 * idleness).
 *
 * <p>Reports of one situation reach the tracker from every upstream partition, interleaved in processing order. Each
 * source processes its partition in order and stamps what it sends with the latest publication time it has seen (its
 * watermark), and sends that progress on its own when it has no report to send. A report cannot be overtaken by an
 * older report still on its way once every busy source's watermark is past its publication time (unless a source's
 * own input is out of order, which makes that older report late, as it is). A source that has processed everything
 * appended to its partition is <em>idle</em> (the Flink watermark-idleness idea) as of a time, its <em>caught-up</em>
 * time; it cannot send anything older than a report sent before that time (that report's article had been appended
 * to its own partition by then). A report sent later waits for the idle source's next note, so that a source waking
 * up to a burst gets to say so. Every record also says how many sources there are (the partitions of the topic they
 * are read from); until each of them has been heard from at least once nothing is released, so a backlog is not
 * released in the order of whichever partition happened to be read first.
 *
 * <p>Time spent waiting is measured on the <em>input clock</em>: the latest send time (the source's wall clock)
 * among the records heard so far. A tracker task that falls behind its input, or is starved by its thread's other
 * tasks, reads old records late; measured on its own wall clock, every source would look silent and every report
 * overdue, and a backlog would be released in arrival order. A source whose latest record is {@code silenceMs} older
 * than the input clock is gone (its task moved or stopped) and holds nothing back. Sources are assumed to run on
 * clocks synchronised to well within that (NTP).
 *
 * <p>Pure and single-threaded: one instance per tracker task, fed from its records.
 */
final class SourceClocks {
    private final long silenceMs;
    private final Map<Integer, Clock> clocks = new HashMap<>();
    private int sources;
    private long inputClock = Long.MIN_VALUE;

    private record Clock(long watermark, boolean idle, long caughtUpAt, long sentAt) {
    }

    SourceClocks(long silenceMs) {
        if (silenceMs <= 0) {
            throw new IllegalArgumentException("silenceMs must be positive: " + silenceMs);
        }
        this.silenceMs = silenceMs;
    }

    /**
     * Records that {@code source}, one of {@code sources} (0 when the sender did not know yet), had seen publications
     * up to {@code watermark} (epoch millis) and whether it was idle, when it sent a record at {@code sentAt} (its
     * wall clock). A source's watermark never goes back: a task restarted elsewhere begins again from nothing, and
     * what it sends first is older than what was already heard.
     */
    void observe(int source, int sources, long watermark, boolean idle, long caughtUpAt, long sentAt) {
        this.sources = Math.max(this.sources, sources);
        inputClock = Math.max(inputClock, sentAt);
        Clock known = clocks.get(source);
        long kept = known == null ? watermark : Math.max(known.watermark(), watermark);
        clocks.put(source, new Clock(kept, idle, caughtUpAt,
                known == null ? sentAt : Math.max(known.sentAt(), sentAt)));
    }

    /**
     * Whether a report published at {@code published} and sent at {@code sentAt} (epoch millis) can no longer be
     * overtaken by an older one: every source has been heard from, and each live one is past its publication time
     * or was caught up by the time it was sent.
     */
    boolean mayRelease(long published, long sentAt) {
        if (sources == 0 || !heardFromAll()) {
            return false;
        }
        for (Clock clock : clocks.values()) {
            if (inputClock - clock.sentAt() >= silenceMs) {
                continue;
            }
            boolean past = clock.idle() ? clock.caughtUpAt() >= sentAt : clock.watermark() >= published;
            if (!past) {
                return false;
            }
        }
        return true;
    }

    /** Whether every source has been heard from at least once (until then {@link #mayRelease} says no). */
    boolean heardFromAll() {
        if (sources == 0) {
            return false;
        }
        for (int source = 0; source < sources; source++) {
            if (!clocks.containsKey(source)) {
                return false;
            }
        }
        return true;
    }

    /** The latest send time heard from any source, epoch millis; {@link Long#MIN_VALUE} before any record. */
    long inputClock() {
        return inputClock;
    }

    /** Sources heard from so far (for logs and tests). */
    int heard() {
        return clocks.size();
    }
}

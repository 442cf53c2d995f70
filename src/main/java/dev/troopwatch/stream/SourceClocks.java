package dev.troopwatch.stream;

import java.util.HashMap;
import java.util.Map;

/**
 * How far in publication time each upstream source (an extract task, named by its partition) has got, as one tracker
 * task hears it, and from that the publication time up to which every report has arrived: the low watermark.
 *
 * <p>Reports of one situation reach the tracker from every upstream partition, interleaved in processing order. Each
 * source processes its partition in order and stamps what it sends with the latest publication time it has seen, and
 * sends that progress on its own when it has no report to send. A report published at or before the low watermark
 * cannot be overtaken by an older report still on its way (unless a source's own input is out of order, which makes
 * that older report late, as it is). A source that has processed everything it can read is <em>idle</em>: it holds
 * nothing back (the Flink watermark-idleness idea). Every record also says how many sources there are (the
 * partitions of the topic they are read from); until each of them has been heard from at least once, the watermark
 * stays at its minimum, so a backlog is not released in the order of whichever partition happened to be read first.
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
    /** Nothing may be released yet. */
    static final long NONE = Long.MIN_VALUE;
    /** No live source holds anything back. */
    static final long ALL = Long.MAX_VALUE;

    private final long silenceMs;
    private final Map<Integer, Clock> clocks = new HashMap<>();
    private int sources;
    private long inputClock = Long.MIN_VALUE;

    private record Clock(long watermark, boolean idle, long sentAt) {
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
    void observe(int source, int sources, long watermark, boolean idle, long sentAt) {
        this.sources = Math.max(this.sources, sources);
        inputClock = Math.max(inputClock, sentAt);
        Clock known = clocks.get(source);
        long kept = known == null ? watermark : Math.max(known.watermark(), watermark);
        clocks.put(source, new Clock(kept, idle, known == null ? sentAt : Math.max(known.sentAt(), sentAt)));
    }

    /** The latest send time heard from any source, epoch millis; {@link Long#MIN_VALUE} before any record. */
    long inputClock() {
        return inputClock;
    }

    /**
     * The publication time (epoch millis) up to which every report has arrived: the smallest watermark of the live,
     * busy sources; {@link #ALL} when there is none; {@link #NONE} until every source has been heard from.
     */
    long lowWatermark() {
        if (sources == 0 || !heardFromAll()) {
            return NONE;
        }
        long low = ALL;
        for (Clock clock : clocks.values()) {
            if (!clock.idle() && inputClock - clock.sentAt() < silenceMs) {
                low = Math.min(low, clock.watermark());
            }
        }
        return low;
    }

    private boolean heardFromAll() {
        for (int source = 0; source < sources; source++) {
            if (!clocks.containsKey(source)) {
                return false;
            }
        }
        return true;
    }

    /** Sources heard from so far (for logs and tests). */
    int heard() {
        return clocks.size();
    }
}

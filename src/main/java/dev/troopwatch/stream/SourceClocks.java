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
 * that older report late, as it is). A source that has processed nothing lately is <em>idle</em>: it holds nothing
 * back (the Flink watermark-idleness idea). A source not heard from for {@code silenceMs} is gone (its task moved or
 * stopped) and holds nothing back either. For {@code startupMs} after the tracker starts, before every live source
 * can have announced itself, the watermark stays at its minimum, so a backlog is not released in the order of
 * whichever partition happened to be read first.
 *
 * <p>Pure and single-threaded: one instance per tracker task, fed from its records, clock passed in.
 */
final class SourceClocks {
    /** Nothing may be released yet. */
    static final long NONE = Long.MIN_VALUE;
    /** No live source holds anything back. */
    static final long ALL = Long.MAX_VALUE;

    private final long startupMs;
    private final long silenceMs;
    private final long startedAt;
    private final Map<Integer, Clock> clocks = new HashMap<>();

    private record Clock(long watermark, boolean idle, long heardAt) {
    }

    SourceClocks(long startedAt, long startupMs, long silenceMs) {
        if (startupMs < 0 || silenceMs <= 0) {
            throw new IllegalArgumentException("startupMs must be >= 0 and silenceMs > 0");
        }
        this.startedAt = startedAt;
        this.startupMs = startupMs;
        this.silenceMs = silenceMs;
    }

    /**
     * Records that {@code source} has seen publications up to {@code watermark} (epoch millis) and whether it is
     * idle. A source's watermark never goes back: a task restarted elsewhere begins again from nothing, and what it
     * sends first is older than what was already heard.
     */
    void observe(int source, long watermark, boolean idle, long now) {
        Clock known = clocks.get(source);
        long kept = known == null ? watermark : Math.max(known.watermark(), watermark);
        clocks.put(source, new Clock(kept, idle, now));
    }

    /**
     * The publication time (epoch millis) up to which every report has arrived: the smallest watermark of the live,
     * busy sources; {@link #ALL} when there is none; {@link #NONE} while starting up.
     */
    long lowWatermark(long now) {
        if (now - startedAt < startupMs) {
            return NONE;
        }
        long low = ALL;
        for (Clock clock : clocks.values()) {
            if (!clock.idle() && now - clock.heardAt() < silenceMs) {
                low = Math.min(low, clock.watermark());
            }
        }
        return low;
    }

    /** Sources heard from so far (for logs and tests). */
    int sources() {
        return clocks.size();
    }
}

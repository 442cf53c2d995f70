package dev.troopwatch.dashboard;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** Count of the dead letters seen and the latest few with their reasons, for the health panel. */
public final class DeadLetterLog {
    /**
     * One dead letter: the original record key, the machine-readable reason ("missing-field"), the human detail,
     * the stage that rejected it, and when.
     */
    public record DeadLetter(String key, String reason, String detail, String stage, Instant at) {
    }

    private final int keep;
    private final ArrayDeque<DeadLetter> latest;
    private long total;

    public DeadLetterLog(int keep) {
        if (keep < 1) {
            throw new IllegalArgumentException("keep must be positive: " + keep);
        }
        this.keep = keep;
        this.latest = new ArrayDeque<>(keep);
    }

    public synchronized void append(DeadLetter deadLetter) {
        if (latest.size() == keep) {
            latest.removeFirst();
        }
        latest.addLast(deadLetter);
        total++;
    }

    /** Dead letters read since the dashboard started reading the topic. */
    public synchronized long total() {
        return total;
    }

    /** The latest dead letters, newest first. */
    public synchronized List<DeadLetter> latest() {
        List<DeadLetter> result = new ArrayList<>(latest.size());
        Iterator<DeadLetter> it = latest.descendingIterator();
        while (it.hasNext()) {
            result.add(it.next());
        }
        return result;
    }
}

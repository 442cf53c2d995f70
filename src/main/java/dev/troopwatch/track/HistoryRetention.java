package dev.troopwatch.track;

import java.util.Iterator;
import java.util.Optional;
import java.util.function.Function;

/**
 * Which report leaves a situation's history when it is over its bound: the oldest one that raised no alert (the
 * changes are what a reader of the history comes for), or the oldest of all when every one raised alerts. Pure;
 * it reads the entries oldest first and stops at the answer, so a store read costs the changes before it, not the
 * whole history.
 */
public final class HistoryRetention {
    private HistoryRetention() {
    }

    /** The entry to drop from {@code oldestFirst} (the history with the new entry in it), empty when it is empty. */
    public static <E> Optional<E> evicted(Iterator<E> oldestFirst, Function<E, HistoryEntry> entry) {
        E oldest = null;
        while (oldestFirst.hasNext()) {
            E next = oldestFirst.next();
            if (oldest == null) {
                oldest = next;
            }
            if (entry.apply(next).disposition() != Disposition.CHANGE) {
                return Optional.of(next);
            }
        }
        return Optional.ofNullable(oldest);
    }
}

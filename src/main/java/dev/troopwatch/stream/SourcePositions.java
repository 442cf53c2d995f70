package dev.troopwatch.stream;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The offset each input partition's task processed last, whatever became of the record (clean, dead-lettered or
 * failed): written by the first stage, {@link ValidateNormaliseProcessor}, read by {@link ExtractProcessor}, which
 * only sees clean articles but must know when its task has processed everything. Both run in the same task, on one
 * thread; the map is shared by every task of an instance.
 */
final class SourcePositions {
    static final long NONE = -1L;

    private final Map<Integer, Long> processed = new ConcurrentHashMap<>();

    void processed(int partition, long offset) {
        processed.merge(partition, offset, Math::max);
    }

    /** The offset processed last on {@code partition}, {@link #NONE} before the first. */
    long lastProcessed(int partition) {
        return processed.getOrDefault(partition, NONE);
    }
}

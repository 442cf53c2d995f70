package dev.troopwatch.stream;

import java.time.Instant;

/**
 * The validate-and-normalise step as the topology sees it: raw record bytes in, a clean article or a rejection
 * with its reason out. Must not throw for bad input (that is a rejection); a throw is a processing error.
 */
@FunctionalInterface
public interface ArticleCleaner {
    /**
     * @param value      the raw record's value bytes (may be null)
     * @param recordTime the record's event time, used when the article carries no publication date
     */
    CleaningOutcome clean(byte[] value, Instant recordTime);
}

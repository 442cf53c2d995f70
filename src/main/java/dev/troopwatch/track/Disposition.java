package dev.troopwatch.track;

/** What a report did to its situation, as recorded in the situation's history. */
public enum Disposition {
    /** It changed the situation and raised at least one alert. */
    CHANGE,
    /** It repeated a known status in its own words: corroboration, no alert. */
    REREPORT,
    /** A near-duplicate of an earlier report (a syndicated wire): counted as a report, never as a source. */
    REPRINT,
    /** Older than the current state: kept in history, never flips the state back. */
    LATE,
    /** Only background statements: they seed a situation new to us, or add nothing to a known one. */
    BACKGROUND,
    /** The same article id again (a redelivery or a second publish): ignored, not recorded. */
    DUPLICATE
}

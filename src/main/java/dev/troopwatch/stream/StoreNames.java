package dev.troopwatch.stream;

/**
 * Names of the topology's state stores and internal topics. They are part of the application's persistent layout
 * (changelog and repartition topics are named after them): renaming one is a breaking upgrade, which is why
 * {@code TroopwatchTopologyDescribeTest} locks them.
 */
public final class StoreNames {
    /**
     * Situation state, key = situation ("KP-RU"), value = {@link dev.troopwatch.track.SituationState} JSON (of
     * constant size: the reports behind it are in {@link #HISTORY} and {@link #FINGERPRINTS}). Changelogged; queried
     * by the dashboard through interactive queries
     * ({@code StoreQueryParameters.fromNameAndType(SITUATIONS, QueryableStoreTypes.keyValueStore())}).
     */
    public static final String SITUATIONS = "situation-store";
    /**
     * Every situation's history, one record per report: key = {@link ReportKeys#history} (situation, zero-padded
     * event-time millis, arrival sequence, article id), so one situation's reports are one key range in event-time
     * order; value = {@link dev.troopwatch.track.HistoryEntry} JSON. Bounded per situation by the tracking policy's
     * {@code maxHistory}. Changelogged; the dashboard reads a situation's range through interactive queries.
     */
    public static final String HISTORY = "situation-history";
    /**
     * What the syndication check remembers of recent reports: key = {@link ReportKeys#fingerprint} (situation,
     * zero-padded publication millis, article id), value = {@link dev.troopwatch.track.ReportFingerprint} in the
     * compact binary form of {@link FingerprintSerde}. Per situation only those within the syndication window of
     * its newest, at most {@code maxFingerprints}. Changelogged.
     */
    public static final String FINGERPRINTS = "situation-fingerprints";
    /**
     * The tracker's reorder buffer: reports wait here until no older report can still come, and leave in publication
     * order. Key =
     * zero-padded publication millis + "|" + offset on the repartition partition + "|" + situation + "|" + article
     * id, value = {@link BufferedReport} JSON.
     */
    public static final String REPORT_BUFFER = "situation-report-buffer";
    /** Repartition of per-situation reports, key = situation; topic {@code <application.id>-situation-reports-repartition}. */
    public static final String SITUATION_REPORTS_REPARTITION = "situation-reports";

    private StoreNames() {
    }
}

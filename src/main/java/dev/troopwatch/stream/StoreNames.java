package dev.troopwatch.stream;

/**
 * Names of the topology's state stores and internal topics. They are part of the application's persistent layout
 * (changelog and repartition topics are named after them): renaming one is a breaking upgrade, which is why
 * {@code TroopwatchTopologyDescribeTest} locks them.
 */
public final class StoreNames {
    /**
     * Situation state, key = situation ("KP-RU"), value = {@link dev.troopwatch.track.SituationState} JSON.
     * Changelogged; queried by the dashboard through interactive queries
     * ({@code StoreQueryParameters.fromNameAndType(SITUATIONS, QueryableStoreTypes.keyValueStore())}).
     */
    public static final String SITUATIONS = "situation-store";
    /**
     * The tracker's reorder buffer: reports wait here for the reorder window and leave in publication order. Key =
     * zero-padded publication millis + "|" + offset on the repartition partition + "|" + situation + "|" + article
     * id, value = {@link BufferedReport} JSON.
     */
    public static final String REPORT_BUFFER = "situation-report-buffer";
    /** Repartition of per-situation reports, key = situation; topic {@code <application.id>-situation-reports-repartition}. */
    public static final String SITUATION_REPORTS_REPARTITION = "situation-reports";

    private StoreNames() {
    }
}

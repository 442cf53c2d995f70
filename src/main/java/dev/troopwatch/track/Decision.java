package dev.troopwatch.track;

import dev.troopwatch.alert.Alert;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of one report for one situation: the new state, the alerts, and what the report adds to (and takes
 * from) the situation's history and fingerprints, which are kept outside the state.
 *
 * @param state        the situation's new state (the prior one, unchanged, for a duplicate)
 * @param alerts       alerts to emit, in emission order (empty unless the report changed the situation)
 * @param disposition  what the report did
 * @param recorded     the history entry to add, or null for a duplicate
 * @param evictHistory the history was at its bound: one entry leaves it ({@link HistoryRetention#evicted})
 * @param fingerprints what to remember and forget for the syndication check
 */
public record Decision(SituationState state, List<Alert> alerts, Disposition disposition, HistoryEntry recorded,
                       boolean evictHistory, FingerprintChange fingerprints) {
    public Decision {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(disposition, "disposition");
        Objects.requireNonNull(fingerprints, "fingerprints");
        alerts = List.copyOf(alerts);
        if ((recorded == null) != (disposition == Disposition.DUPLICATE)) {
            throw new IllegalArgumentException("every report but a duplicate is recorded: " + disposition);
        }
    }

    /** A redelivered article: nothing changes. */
    static Decision duplicate(SituationState prior) {
        return new Decision(prior, List.of(), Disposition.DUPLICATE, null, false, FingerprintChange.NONE);
    }
}

package dev.troopwatch.track;

import dev.troopwatch.alert.Alert;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of one report for one situation.
 *
 * @param state       the situation's new state (the prior one, unchanged, for a duplicate)
 * @param alerts      alerts to emit, in emission order (empty unless the report changed the situation)
 * @param disposition what the report did
 */
public record Decision(SituationState state, List<Alert> alerts, Disposition disposition) {
    public Decision {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(disposition, "disposition");
        alerts = List.copyOf(alerts);
    }
}

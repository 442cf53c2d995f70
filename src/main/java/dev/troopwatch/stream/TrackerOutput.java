package dev.troopwatch.stream;

import dev.troopwatch.alert.Alert;
import dev.troopwatch.track.SituationState;

/** Output of the tracking processor: an alert or a new situation state, routed by a named branch. */
record TrackerOutput(Alert alert, SituationState state) {
    static TrackerOutput alert(Alert alert) {
        return new TrackerOutput(alert, null);
    }

    static TrackerOutput state(SituationState state) {
        return new TrackerOutput(null, state);
    }

    boolean isAlert() {
        return alert != null;
    }
}

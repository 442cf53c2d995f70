package dev.troopwatch.stream;

import dev.troopwatch.alert.Alert;
import dev.troopwatch.track.SituationUpdate;

/** Output of the tracking processor: an alert or a situation update, routed by a named branch. */
record TrackerOutput(Alert alert, SituationUpdate state) {
    static TrackerOutput alert(Alert alert) {
        return new TrackerOutput(alert, null);
    }

    static TrackerOutput state(SituationUpdate state) {
        return new TrackerOutput(null, state);
    }

    boolean isAlert() {
        return alert != null;
    }
}

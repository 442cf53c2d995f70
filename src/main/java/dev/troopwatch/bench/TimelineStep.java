package dev.troopwatch.bench;

import dev.troopwatch.alert.AlertType;

/** One event in the life of a generated situation, and the alert the tracker must raise for its first report. */
enum TimelineStep {
    PLANNED(AlertType.PLANNED),
    DEPLOYED(AlertType.NEW_DEPLOYMENT),
    /** The actor's own state confirms the deployment others reported. */
    CONFIRMED(AlertType.OFFICIAL_CONFIRMATION),
    ENGAGED(AlertType.ENGAGEMENT),
    CASUALTIES(AlertType.CASUALTIES),
    WITHDRAWN(AlertType.WITHDRAWAL),
    REDEPLOYED(AlertType.REDEPLOYMENT);

    private final AlertType alert;

    TimelineStep(AlertType alert) {
        this.alert = alert;
    }

    AlertType alert() {
        return alert;
    }
}

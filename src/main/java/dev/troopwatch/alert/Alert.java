package dev.troopwatch.alert;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.troopwatch.extract.Status;
import dev.troopwatch.extract.TroopRange;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One real change of a situation, as written to {@code troopwatch.alerts} (key = situation, e.g. "KP-RU").
 * The JSON Schema is in {@code topics/troopwatch.alerts.json}.
 *
 * @param alertId        situation + "#" + per-situation sequence ("KP-RU#7"): deterministic, so consumers
 *                       deduplicate by it
 * @param type           kind of change
 * @param situation      actor, host and the theatre concerned
 * @param from           the situation's status before the report (null for a situation new to us)
 * @param to             the status the alert reports
 * @param troops         troop number the report gives, or null
 * @param previousTroops troop number known before, or null
 * @param claimants      who asserts the change (ISO codes, "NATO", "UN", "media")
 * @param hedged         true when every statement of the change is hedged ("reportedly", "believed to")
 * @param eventTime      publication time of the report
 * @param detectedAt     when the pipeline raised the alert
 * @param evidence       the new report
 * @param priorEvidence  the report behind the state it changes, or null
 * @param corroboration  support for the new status when the alert was raised
 */
public record Alert(@JsonProperty("alert_id") String alertId, AlertType type, SituationRef situation,
                    Status from, Status to, TroopRange troops,
                    @JsonProperty("previous_troops") TroopRange previousTroops, List<String> claimants,
                    boolean hedged, @JsonProperty("event_time") Instant eventTime,
                    @JsonProperty("detected_at") Instant detectedAt, ArticleEvidence evidence,
                    @JsonProperty("prior_evidence") ArticleEvidence priorEvidence, Corroboration corroboration) {
    public Alert {
        Objects.requireNonNull(alertId, "alertId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(situation, "situation");
        Objects.requireNonNull(eventTime, "eventTime");
        Objects.requireNonNull(evidence, "evidence");
        Objects.requireNonNull(corroboration, "corroboration");
        claimants = claimants == null ? List.of() : List.copyOf(claimants);
    }
}

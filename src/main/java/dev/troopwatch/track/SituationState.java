package dev.troopwatch.track;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.troopwatch.alert.ArticleEvidence;
import dev.troopwatch.alert.Corroboration;
import dev.troopwatch.extract.Status;
import dev.troopwatch.extract.TroopRange;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Everything troopwatch knows about one situation, in a value of constant size: the value of the
 * {@code situation-store} and, with the report just applied ({@link SituationUpdate}), of the compacted
 * {@code troopwatch.situations} topic (key = situation, "KP-RU"). The reports behind it live in their own stores,
 * one record per report ({@code situation-history}, {@code situation-fingerprints}): a state that embedded them grew
 * with every report and was rewritten whole each time.
 *
 * @param situation            "ACTOR-HOST"
 * @param actor                ISO code of whose troops
 * @param host                 ISO code of where
 * @param status               current status: the one that says where the troops stand (null only when nothing
 *                             but a denial or noise has been seen)
 * @param lead                 statuses of the report that set the current state (a report may carry two, e.g.
 *                             REINFORCED and REDEPLOYED; {@code status} is the one that defines the phase)
 * @param theatre              theatre of the latest change, or null
 * @param theatres             every theatre reported so far, in the order first seen
 * @param troops               best known troop number, or null
 * @param casualties           best known loss count, or null
 * @param engaged              combat has been reported
 * @param casualtiesReported   losses have been reported
 * @param everWithdrawn        a withdrawal has been reported at some point
 * @param officiallyConfirmed  the actor's or the host's state has asserted the deployment
 * @param reinforcementSince   start of the reinforcement episode under way (reports within the episode window
 *                             are the same reinforcement), or null
 * @param claimants            everyone who has asserted a status of this situation, sorted
 * @param hedged               the current status has only been asserted in hedged terms
 * @param asOf                 event time of the latest report applied in order; older reports are late
 * @param updatedAt            when the pipeline last changed this state
 * @param evidence             the report behind the current status
 * @param corroboration        support for the current status
 * @param sources              independent sources of the current status (bounded)
 * @param alertSequence        number of alerts raised so far; the next alert id is situation + "#" + (n + 1)
 * @param historyCount         reports held in the situation's history store (bounded by
 *                             {@link TrackingPolicy#maxHistory()}): the bound is checked without reading them
 * @param historySince         event time from which the history store holds this situation's reports (a lower bound:
 *                             reading from it skips the deleted ones), or null before the first report
 * @param evictableSince       event time from which lie the history's entries that raised no alert (a lower bound:
 *                             where the history's retention starts reading, past the entries kept for their alerts
 *                             and the deleted ones), or null when it holds none
 * @param fingerprintsSince    publication time of the oldest fingerprint remembered for the syndication check, or
 *                             null before the first report
 * @param reportSequence       reports recorded so far; orders reports of the same event time by arrival
 */
public record SituationState(String situation, String actor, String host, Status status, List<Status> lead,
                             String theatre, List<String> theatres, TroopRange troops, TroopRange casualties,
                             boolean engaged, @JsonProperty("casualties_reported") boolean casualtiesReported,
                             @JsonProperty("ever_withdrawn") boolean everWithdrawn,
                             @JsonProperty("officially_confirmed") boolean officiallyConfirmed,
                             @JsonProperty("reinforcement_since") Instant reinforcementSince,
                             List<String> claimants, boolean hedged, @JsonProperty("as_of") Instant asOf,
                             @JsonProperty("updated_at") Instant updatedAt, ArticleEvidence evidence,
                             Corroboration corroboration, List<String> sources,
                             @JsonProperty("alert_sequence") long alertSequence,
                             @JsonProperty("history_count") int historyCount,
                             @JsonProperty("history_since") Instant historySince,
                             @JsonProperty("evictable_since") Instant evictableSince,
                             @JsonProperty("fingerprints_since") Instant fingerprintsSince,
                             @JsonProperty("report_sequence") long reportSequence) {
    public SituationState {
        Objects.requireNonNull(situation, "situation");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(host, "host");
        lead = lead == null ? List.of() : List.copyOf(lead);
        theatres = theatres == null ? List.of() : List.copyOf(theatres);
        claimants = claimants == null ? List.of() : List.copyOf(claimants);
        corroboration = corroboration == null ? Corroboration.NONE : corroboration;
        sources = sources == null ? List.of() : List.copyOf(sources);
        if (historyCount < 0 || reportSequence < 0) {
            throw new IllegalArgumentException("negative report counts: " + historyCount + ", " + reportSequence);
        }
    }

    /** This state with the history store's lower bounds moved, after an entry left it. */
    public SituationState withHistoryBounds(Instant since, Instant evictable) {
        return new SituationState(situation, actor, host, status, lead, theatre, theatres, troops, casualties, engaged,
                casualtiesReported, everWithdrawn, officiallyConfirmed, reinforcementSince, claimants, hedged, asOf,
                updatedAt, evidence, corroboration, sources, alertSequence, historyCount, since, evictable,
                fingerprintsSince, reportSequence);
    }
}

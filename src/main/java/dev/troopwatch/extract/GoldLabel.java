package dev.troopwatch.extract;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * One article's labels in the corpus format of {@code corpus/LABELING.md} ({@code *.gold.json}).
 *
 * @param file       the article file name
 * @param published  publication date as labelled, or "unknown"
 * @param relevant   whether the article reports any troop-deployment status
 * @param situations required situations
 * @param optional   defensible extra triples: not wrong when output, not missed when absent
 * @param notes      the labeller's note on hard calls
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record GoldLabel(String file, String published, boolean relevant, List<Situation> situations,
                        List<Triple> optional, String notes) {
    public GoldLabel {
        situations = situations == null ? List.of() : List.copyOf(situations);
        optional = optional == null ? List.of() : List.copyOf(optional);
    }

    /** A labelled (actor, host) situation. Theatre, troops and claimant describe its lead. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Situation(String actor, String host, String theatre, List<Status> statuses, List<Status> lead,
                            TroopRange troops, String claimant) {
        public Situation {
            statuses = statuses == null ? List.of() : List.copyOf(statuses);
            lead = lead == null ? List.of() : List.copyOf(lead);
        }
    }

    /** An (actor, host, status) triple, the unit of the status and lead scores. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Triple(String actor, String host, Status status) {
        @Override
        public String toString() {
            return actor + "/" + host + " " + status;
        }
    }
}

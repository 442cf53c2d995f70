package dev.troopwatch.track;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.Objects;

/**
 * A value of the compacted {@code troopwatch.situations} topic: the situation's state after a report, with that
 * report, so that a consumer sees every change with its provenance while each record stays of constant size. In
 * JSON the state's fields sit at the top level, next to {@code report}.
 *
 * @param state  the situation's state after the report
 * @param report the history entry the report added
 */
public record SituationUpdate(@JsonUnwrapped SituationState state, HistoryEntry report) {
    public SituationUpdate {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(report, "report");
    }
}

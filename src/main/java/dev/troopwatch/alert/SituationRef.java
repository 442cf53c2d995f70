package dev.troopwatch.alert;

import java.util.Objects;

/**
 * The situation an alert is about.
 *
 * @param actor   ISO code of whose troops
 * @param host    ISO code of where they are ("ZZ" for a region with no country)
 * @param theatre the place inside the host the alert concerns, or null when none is named
 */
public record SituationRef(String actor, String host, String theatre) {
    public SituationRef {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(host, "host");
    }
}

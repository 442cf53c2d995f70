package dev.troopwatch.alert;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How well a status is supported.
 *
 * @param independentSources distinct originating agencies or outlets that reported it in their own words
 * @param reports            every report of it, reprints of the same wire included
 */
public record Corroboration(@JsonProperty("independent_sources") int independentSources, int reports) {
    public Corroboration {
        if (independentSources < 0 || reports < independentSources) {
            throw new IllegalArgumentException("bad corroboration " + independentSources + "/" + reports);
        }
    }

    public static final Corroboration NONE = new Corroboration(0, 0);
}

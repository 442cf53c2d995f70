package dev.troopwatch.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import dev.troopwatch.track.SituationKey;
import java.util.List;
import java.util.Optional;

/**
 * Where the dashboard finds situation states: the JSON of the situation store's values, keyed "ACTOR-HOST".
 * Implementations throw {@link StoreUnavailableException} while the store cannot be queried (start-up, rebalance).
 */
public interface SituationDirectory {
    /** Every situation the store holds, with which instances answered. */
    Listing all();

    /** One situation's state, or empty when no instance knows it. */
    Optional<JsonNode> find(SituationKey key);

    /** Situation states plus, per instance asked, whether it answered. */
    record Listing(List<JsonNode> situations, List<InstanceAnswer> instances) {
        public Listing {
            situations = List.copyOf(situations);
            instances = List.copyOf(instances);
        }
    }

    /** How one instance answered a listing: {@code error} is null when it did. */
    record InstanceAnswer(String instance, boolean local, int count, String error) {
    }
}

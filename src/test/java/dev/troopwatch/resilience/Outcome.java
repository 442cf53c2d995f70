package dev.troopwatch.resilience;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troopwatch.stream.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a run of the pipeline produced, reduced to what must not depend on how the run went: the alerts by
 * {@code alert_id} and the final state of every situation, both as JSON without the wall-clock fields
 * ({@code detected_at}, {@code updated_at}) that differ between any two runs. Also counts what a
 * {@code read_committed} reader saw more than once.
 *
 * @param alerts      alert JSON by alert_id (first copy seen)
 * @param situations  latest situation state JSON by situation key
 * @param duplicates  alert_ids seen more than once, with how many extra copies
 * @param alertRecords every alert record read, duplicates included
 */
record Outcome(Map<String, JsonNode> alerts, Map<String, JsonNode> situations, Map<String, Integer> duplicates,
               int alertRecords) {
    private static final Set<String> WALL_CLOCK_FIELDS = Set.of("detected_at", "updated_at");

    /** Collects an outcome from raw record values as a consumer reads them. */
    static final class Builder {
        private final Map<String, JsonNode> alerts = new TreeMap<>();
        private final Map<String, JsonNode> situations = new TreeMap<>();
        private final Map<String, Integer> duplicates = new TreeMap<>();
        private int alertRecords;

        void alert(byte[] value) {
            JsonNode alert = stable(value);
            String id = alert.path("alert_id").asText();
            alertRecords++;
            if (alerts.putIfAbsent(id, alert) != null) {
                duplicates.merge(id, 1, Integer::sum);
            }
        }

        void situation(String key, byte[] value) {
            if (value == null) {
                situations.remove(key);
            } else {
                situations.put(key, stable(value));
            }
        }

        Outcome build() {
            return new Outcome(Map.copyOf(alerts), Map.copyOf(situations), Map.copyOf(duplicates), alertRecords);
        }
    }

    /** Alert ids in the expected outcome that this one lacks. */
    Set<String> missingAlerts(Outcome expected) {
        Set<String> missing = new TreeSet<>(expected.alerts().keySet());
        missing.removeAll(alerts.keySet());
        return missing;
    }

    /** Alert ids this outcome has that the expected one does not. */
    Set<String> unexpectedAlerts(Outcome expected) {
        Set<String> extra = new TreeSet<>(alerts.keySet());
        extra.removeAll(expected.alerts().keySet());
        return extra;
    }

    /** Alert ids present in both whose content differs. */
    Set<String> changedAlerts(Outcome expected) {
        Set<String> changed = new TreeSet<>();
        alerts.forEach((id, alert) -> {
            JsonNode other = expected.alerts().get(id);
            if (other != null && !other.equals(alert)) {
                changed.add(id);
            }
        });
        return changed;
    }

    /** Situations whose final state differs from the expected one (or is missing on either side). */
    Set<String> differingSituations(Outcome expected) {
        Set<String> keys = new TreeSet<>(situations.keySet());
        keys.addAll(expected.situations().keySet());
        keys.removeIf(key -> expected.situations().containsKey(key) && situations.containsKey(key)
                && expected.situations().get(key).equals(situations.get(key)));
        return keys;
    }

    int duplicateCount() {
        return duplicates.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** One line for the test log. */
    String compareTo(Outcome expected) {
        return String.format("alerts %d/%d expected (records read %d), missing %s, unexpected %s, changed %s, "
                        + "duplicates %d %s, situations differing %s",
                alerts.size() - unexpectedAlerts(expected).size(), expected.alerts().size(), alertRecords,
                missingAlerts(expected), unexpectedAlerts(expected), changedAlerts(expected), duplicateCount(),
                duplicates.keySet(), differingSituations(expected));
    }

    private static JsonNode stable(byte[] value) {
        try {
            JsonNode node = Json.mapper().readTree(value);
            strip(node);
            return node;
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + new String(value, StandardCharsets.UTF_8), e);
        }
    }

    private static void strip(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.remove(WALL_CLOCK_FIELDS);
            List<JsonNode> children = new ArrayList<>();
            object.elements().forEachRemaining(children::add);
            children.forEach(Outcome::strip);
        } else if (node instanceof ArrayNode array) {
            array.forEach(Outcome::strip);
        }
    }
}

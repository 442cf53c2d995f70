package dev.troopwatch.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troopwatch.stream.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** A dashboard backend over in-memory situations and alerts, for handler tests that need no broker. */
final class InMemoryBackend implements SituationDirectory, HealthSource {
    final Map<String, ObjectNode> situations = new ConcurrentHashMap<>();
    final AlertLog alerts = new AlertLog(50);
    final DeadLetterLog deadLetters = new DeadLetterLog(5);
    volatile boolean storeReady = true;

    DashboardBackend backend() {
        return new DashboardBackend(this, this, this, alerts, deadLetters, () -> true,
                DashboardMetrics.newRegistry());
    }

    @Override
    public Listing all() {
        checkReady();
        List<JsonNode> all = new ArrayList<>(new TreeMap<>(situations).values());
        return new Listing(all, List.of(new InstanceAnswer("memory", true, all.size(), null)));
    }

    @Override
    public Optional<JsonNode> find(SituationKey key) {
        checkReady();
        return Optional.ofNullable(situations.get(key.toString()));
    }

    private void checkReady() {
        if (!storeReady) {
            throw new StoreUnavailableException("store rebalancing", null);
        }
    }

    @Override
    public InstanceHealth local() {
        return new InstanceHealth("memory:1", "RUNNING", 1.5, 12L, 7L, alerts.total(), deadLetters.total(), 0L, null);
    }

    @Override
    public List<InstanceHealth> instances() {
        return List.of(local(), InstanceHealth.unreachable("other:2", "connection refused"));
    }

    /** Records a change in a situation's history and publishes its alert, as the pipeline would. */
    ObjectNode change(String actor, String host, String theatre, String type, String from, String to, Long min,
                      Long max, String eventDay, String source, String sentence) {
        String key = actor + "-" + host;
        ObjectNode state = situations.computeIfAbsent(key, k -> {
            ObjectNode s = Json.mapper().createObjectNode();
            s.put("actor", actor);
            s.put("host", host);
            s.putArray("history");
            return s;
        });
        ObjectNode alert = Json.mapper().createObjectNode();
        ArrayNode history = (ArrayNode) state.get("history");
        alert.put("alert_id", key + "-" + (history.size() + 1));
        alert.put("type", type);
        alert.putObject("situation").put("actor", actor).put("host", host).put("theatre", theatre);
        alert.put("from", from);
        alert.put("to", to);
        ObjectNode troops = alert.putObject("troops");
        troops.put("min", min);
        troops.put("max", max);
        alert.set("previous_troops", state.path("troops").isObject() ? state.get("troops") : null);
        alert.putArray("claimants").add("KR");
        alert.put("hedged", false);
        alert.putObject("event_time").put("from", eventDay).put("to", eventDay);
        alert.put("detected_at", Instant.now().toString());
        alert.putObject("evidence").put("article_id", "a-" + key + "-" + history.size()).put("source", source)
                .put("url", "https://example.org/wire/" + key + "/" + history.size())
                .put("headline", "Report on " + key).put("sentence", sentence);
        alert.putObject("corroboration").put("independent_sources", 2).put("reports", 3);
        ObjectNode entry = alert.deepCopy();
        entry.put("theatre", theatre);
        history.add(entry);
        state.put("theatre", theatre);
        state.put("status", to);
        state.set("troops", alert.get("troops"));
        state.set("claimants", alert.get("claimants"));
        state.put("hedged", false);
        state.set("corroboration", alert.get("corroboration"));
        alerts.append(alert);
        return alert;
    }
}

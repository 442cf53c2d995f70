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

    /**
     * Records a change in a situation's history and publishes its alert, in the JSON shapes of the tracking
     * stage's SituationState / HistoryEntry and Alert.
     */
    ObjectNode change(String actor, String host, String theatre, String type, String from, String to, Long min,
                      Long max, String eventDay, String source, String sentence) {
        ObjectNode state = stateOf(actor, host);
        String key = actor + "-" + host;
        long sequence = state.path("alert_sequence").asLong() + 1;
        String eventTime = eventDay + "T09:00:00Z";
        ObjectNode evidence = evidence(key, state, source, sentence);
        ObjectNode alert = Json.mapper().createObjectNode();
        alert.put("alert_id", key + "#" + sequence);
        alert.put("type", type);
        alert.putObject("situation").put("actor", actor).put("host", host).put("theatre", theatre);
        alert.put("from", from);
        alert.put("to", to);
        alert.set("troops", troops(min, max));
        alert.set("previous_troops", state.path("troops").isObject() ? state.get("troops") : null);
        alert.putArray("claimants").add("KR");
        alert.put("hedged", false);
        alert.put("event_time", eventTime);
        alert.put("detected_at", Instant.now().toString());
        alert.set("evidence", evidence);
        alert.set("prior_evidence", state.path("evidence").isObject() ? state.get("evidence") : null);
        alert.putObject("corroboration").put("independent_sources", 1).put("reports", 1);
        ObjectNode entry = entry(state, eventTime, evidence, to, theatre, troops(min, max), "CHANGE");
        entry.putArray("alert_ids").add(alert.get("alert_id").asText());
        state.put("alert_sequence", sequence);
        state.put("status", to);
        state.putArray("lead").add(to);
        state.put("theatre", theatre);
        ArrayNode theatres = (ArrayNode) state.get("theatres");
        if (theatre != null && !theatres.toString().contains("\"" + theatre + "\"")) {
            theatres.add(theatre);
        }
        state.set("troops", alert.get("troops"));
        state.set("evidence", evidence);
        state.set("corroboration", alert.get("corroboration").deepCopy());
        ((ArrayNode) state.get("sources")).removeAll().add(source);
        state.put("as_of", eventTime);
        state.put("updated_at", Instant.now().toString());
        alerts.append(alert);
        return alert;
    }

    /** Records a report that repeats the known status in other words: corroboration and a chart point, no alert. */
    void rereport(String actor, String host, Long min, Long max, String eventDay, String source, String sentence) {
        ObjectNode state = stateOf(actor, host);
        String eventTime = eventDay + "T09:00:00Z";
        ObjectNode evidence = evidence(actor + "-" + host, state, source, sentence);
        entry(state, eventTime, evidence, state.path("status").asText(), state.path("theatre").asText(null),
                troops(min, max), "REREPORT").putArray("alert_ids");
        ObjectNode corroboration = (ObjectNode) state.get("corroboration");
        corroboration.put("independent_sources", corroboration.get("independent_sources").asInt() + 1)
                .put("reports", corroboration.get("reports").asInt() + 1);
        ((ArrayNode) state.get("sources")).add(source);
        state.put("as_of", eventTime);
    }

    private ObjectNode stateOf(String actor, String host) {
        return situations.computeIfAbsent(actor + "-" + host, key -> {
            ObjectNode s = Json.mapper().createObjectNode();
            s.put("situation", key);
            s.put("actor", actor);
            s.put("host", host);
            s.putArray("theatres");
            s.putArray("claimants").add("KR");
            s.put("hedged", false);
            s.putArray("sources");
            s.put("alert_sequence", 0);
            s.putArray("history");
            s.putObject("corroboration").put("independent_sources", 0).put("reports", 0);
            return s;
        });
    }

    private static ObjectNode evidence(String key, ObjectNode state, String source, String sentence) {
        int n = state.get("history").size() + 1;
        ObjectNode evidence = Json.mapper().createObjectNode();
        evidence.put("article_id", "wire-" + key.toLowerCase() + "-" + n);
        evidence.put("source", source);
        evidence.put("url", "https://example.org/wire/" + key.toLowerCase() + "/" + n);
        evidence.put("headline", "Troop report " + n + " on " + key);
        evidence.put("sentence", sentence);
        return evidence;
    }

    private static ObjectNode entry(ObjectNode state, String eventTime, ObjectNode evidence, String status,
                                    String theatre, JsonNode troops, String disposition) {
        ObjectNode entry = ((ArrayNode) state.get("history")).addObject();
        entry.put("event_time", eventTime);
        entry.put("detected_at", Instant.now().toString());
        entry.setAll(evidence);
        entry.putNull("agency");
        entry.putArray("lead").add(status);
        entry.putArray("background");
        entry.put("theatre", theatre);
        entry.set("troops", troops);
        entry.putArray("claimants").add("KR");
        entry.put("hedged", false);
        entry.put("disposition", disposition);
        entry.putNull("copy_of");
        return entry;
    }

    private static JsonNode troops(Long min, Long max) {
        if (min == null && max == null) {
            return null;
        }
        ObjectNode troops = Json.mapper().createObjectNode();
        troops.put("min", min);
        troops.put("max", max);
        return troops;
    }
}

package dev.troopwatch.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troopwatch.track.SituationKey;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns a situation state (the JSON of the tracking stage's {@code SituationState}: current status, troops,
 * claimants, corroboration, joined by {@link LocalSituationStore} with the {@code history} of every report kept,
 * with what it did) into what the dashboard shows: a
 * board row, and a situation page with the timeline of changes and the reports behind the troop chart.
 * A history entry names the alerts it raised by id only, so the alerts themselves (type, from, to, prior
 * evidence) are joined in from the {@link AlertLog}; a change whose alerts have aged out still shows its status.
 */
public final class SituationView {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String CHANGE = "CHANGE";

    private final CountryNames countries;
    private final AlertLog alerts;

    public SituationView(CountryNames countries, AlertLog alerts) {
        this.countries = countries;
        this.alerts = alerts;
    }

    /** One board row. */
    public ObjectNode summary(JsonNode state) {
        SituationKey key = keyOf(state);
        ObjectNode row = NODES.objectNode();
        row.put("key", key.toString());
        row.put("actor", key.actor());
        row.put("actor_name", countries.nameOf(key.actor()));
        row.put("host", key.host());
        row.put("host_name", countries.nameOf(key.host()));
        row.set("status", valueOrNull(state, "status"));
        row.set("theatre", valueOrNull(state, "theatre"));
        row.set("theatres", arrayOrEmpty(state, "theatres"));
        row.set("troops", objectOrNull(state, "troops"));
        row.set("casualties", objectOrNull(state, "casualties"));
        row.set("claimants", arrayOrEmpty(state, "claimants"));
        row.put("hedged", state.path("hedged").asBoolean(false));
        row.put("officially_confirmed", state.path("officially_confirmed").asBoolean(false));
        row.set("sources", arrayOrEmpty(state, "sources"));
        row.set("corroboration", objectOrNull(state, "corroboration"));
        row.set("as_of", valueOrNull(state, "as_of"));
        row.set("updated_at", valueOrNull(state, "updated_at"));
        row.set("evidence", objectOrNull(state, "evidence"));
        List<ObjectNode> changes = changes(key, state);
        row.set("last_change", changes.isEmpty() ? NODES.nullNode() : lastChangeOf(changes.get(changes.size() - 1)));
        row.set("alert_types", alertTypes(key, changes));
        row.put("changes", changes.size());
        row.put("reports", history(state).size());
        return row;
    }

    /** The situation page: the row, every change with its alerts and evidence, and every report. */
    public ObjectNode detail(JsonNode state) {
        SituationKey key = keyOf(state);
        ObjectNode page = summary(state);
        ArrayNode timeline = page.putArray("timeline");
        changes(key, state).forEach(timeline::add);
        page.set("history", history(state));
        return page;
    }

    static SituationKey keyOf(JsonNode state) {
        if (state.hasNonNull("actor") && state.hasNonNull("host")) {
            return new SituationKey(state.get("actor").asText(), state.get("host").asText());
        }
        return SituationKey.parse(state.path("situation").asText(state.path("key").asText()));
    }

    /** The reports that changed the situation, oldest first, each with the alerts it raised. */
    private List<ObjectNode> changes(SituationKey key, JsonNode state) {
        List<ObjectNode> changes = new ArrayList<>();
        for (JsonNode entry : history(state)) {
            if (!CHANGE.equals(entry.path("disposition").asText())) {
                continue;
            }
            ObjectNode change = NODES.objectNode();
            change.set("event_time", valueOrNull(entry, "event_time"));
            change.set("detected_at", valueOrNull(entry, "detected_at"));
            change.set("theatre", valueOrNull(entry, "theatre"));
            change.set("troops", objectOrNull(entry, "troops"));
            change.set("claimants", arrayOrEmpty(entry, "claimants"));
            change.put("hedged", entry.path("hedged").asBoolean(false));
            change.set("lead", arrayOrEmpty(entry, "lead"));
            ObjectNode evidence = change.putObject("evidence");
            for (String field : List.of("article_id", "source", "url", "headline", "sentence")) {
                evidence.set(field, valueOrNull(entry, field));
            }
            ArrayNode raised = change.putArray("alerts");
            ArrayNode types = change.putArray("types");
            JsonNode first = null;
            for (JsonNode id : entry.path("alert_ids")) {
                JsonNode alert = alerts.byId(id.asText()).orElse(null);
                if (alert != null) {
                    raised.add(alert);
                    types.add(alert.path("type").asText());
                    first = first == null ? alert : first;
                }
            }
            change.set("alert_ids", arrayOrEmpty(entry, "alert_ids"));
            JsonNode lead = entry.path("lead");
            change.set("to", first != null ? valueOrNull(first, "to")
                    : lead.isArray() && !lead.isEmpty() ? lead.get(0) : NODES.nullNode());
            change.set("from", first != null ? valueOrNull(first, "from") : NODES.nullNode());
            change.set("previous_troops", first != null ? objectOrNull(first, "previous_troops") : NODES.nullNode());
            change.set("prior_evidence", first != null ? objectOrNull(first, "prior_evidence") : NODES.nullNode());
            change.set("corroboration", first != null ? objectOrNull(first, "corroboration") : NODES.nullNode());
            changes.add(change);
        }
        return changes;
    }

    private static ObjectNode lastChangeOf(ObjectNode change) {
        ObjectNode last = NODES.objectNode();
        JsonNode types = change.path("types");
        last.set("type", types.isEmpty() ? NODES.nullNode() : types.get(0));
        last.set("types", types);
        last.set("from", change.get("from"));
        last.set("to", change.get("to"));
        last.set("event_time", change.get("event_time"));
        last.set("detected_at", change.get("detected_at"));
        return last;
    }

    private ArrayNode alertTypes(SituationKey key, List<ObjectNode> changes) {
        Set<String> types = new LinkedHashSet<>();
        for (ObjectNode change : changes) {
            change.path("types").forEach(t -> types.add(t.asText()));
        }
        for (JsonNode alert : alerts.forSituation(key.toString())) {
            types.add(alert.path("type").asText());
        }
        ArrayNode result = NODES.arrayNode();
        types.forEach(result::add);
        return result;
    }

    private static JsonNode history(JsonNode state) {
        JsonNode history = state.path("history");
        return history.isArray() ? history : NODES.arrayNode();
    }

    private static JsonNode valueOrNull(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() ? NODES.nullNode() : value;
    }

    private static JsonNode objectOrNull(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isObject() ? value : NODES.nullNode();
    }

    private static JsonNode arrayOrEmpty(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isArray() ? value : NODES.arrayNode();
    }
}

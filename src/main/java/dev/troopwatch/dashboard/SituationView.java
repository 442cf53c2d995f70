package dev.troopwatch.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Turns the situation store's state JSON into what the dashboard shows: a board row (summary) and a situation
 * page (summary plus the history of changes and the troop series for the chart). Country names are added here
 * so the browser needs no lookup for them.
 */
public final class SituationView {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final CountryNames countries;

    public SituationView(CountryNames countries) {
        this.countries = countries;
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
        row.set("theatre", text(state, "theatre"));
        row.set("status", text(state, "status"));
        row.set("troops", state.path("troops").isObject() ? state.get("troops") : NODES.nullNode());
        row.set("claimants", state.path("claimants").isArray() ? state.get("claimants") : NODES.arrayNode());
        row.put("hedged", state.path("hedged").asBoolean(false));
        JsonNode changes = history(state);
        JsonNode last = changes.isEmpty() ? NODES.nullNode() : changes.get(changes.size() - 1);
        ObjectNode lastChange = NODES.objectNode();
        lastChange.set("type", text(last, "type"));
        lastChange.set("event_time", text(last, "event_time"));
        lastChange.set("detected_at", text(last, "detected_at"));
        row.set("last_change", last.isNull() ? NODES.nullNode() : lastChange);
        row.set("sources", sources(state, changes));
        row.set("corroboration", state.path("corroboration").isObject() ? state.get("corroboration")
                : NODES.nullNode());
        ArrayNode types = NODES.arrayNode();
        Set<String> seen = new LinkedHashSet<>();
        for (JsonNode change : changes) {
            String type = change.path("type").asText(null);
            if (type != null && seen.add(type)) {
                types.add(type);
            }
        }
        row.set("alert_types", types);
        row.put("changes", changes.size());
        return row;
    }

    /** The situation page: the row plus every change with its evidence, oldest first. */
    public ObjectNode detail(JsonNode state) {
        ObjectNode page = summary(state);
        page.set("history", history(state));
        return page;
    }

    static SituationKey keyOf(JsonNode state) {
        if (state.hasNonNull("actor") && state.hasNonNull("host")) {
            return new SituationKey(state.get("actor").asText(), state.get("host").asText());
        }
        return SituationKey.parse(state.path("key").asText());
    }

    private static JsonNode history(JsonNode state) {
        JsonNode history = state.path("history");
        return history.isArray() ? history : NODES.arrayNode();
    }

    private static JsonNode sources(JsonNode state, JsonNode changes) {
        if (state.path("sources").isArray()) {
            return state.get("sources");
        }
        ArrayNode sources = NODES.arrayNode();
        Set<String> seen = new LinkedHashSet<>();
        for (JsonNode change : changes) {
            String source = change.path("evidence").path("source").asText(null);
            if (source != null && seen.add(source)) {
                sources.add(source);
            }
        }
        return sources;
    }

    private static JsonNode text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() ? NODES.nullNode() : value;
    }
}

package dev.troopwatch.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troopwatch.stream.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class AlertLogTest {

    private static ObjectNode alert(String id, String type, String actor, String host, String detectedAt) {
        ObjectNode alert = Json.mapper().createObjectNode();
        alert.put("alert_id", id);
        alert.put("type", type);
        alert.putObject("situation").put("actor", actor).put("host", host);
        alert.put("detected_at", detectedAt);
        return alert;
    }

    @Test
    void keepsTheNewestUpToCapacityAndAnswersNewestFirst() {
        AlertLog log = new AlertLog(2);
        log.append(alert("KP-RU#1", "PLANNED", "KP", "RU", "2025-01-01T00:00:00Z"));
        log.append(alert("KP-RU#2", "NEW_DEPLOYMENT", "KP", "RU", "2025-01-02T00:00:00Z"));
        log.append(alert("KP-RU#3", "ENGAGEMENT", "KP", "RU", "2025-01-03T00:00:00Z"));
        List<JsonNode> all = log.query(AlertQuery.all());
        assertEquals(List.of("KP-RU#3", "KP-RU#2"), all.stream().map(a -> a.get("alert_id").asText()).toList());
        assertEquals(3, log.total());
        assertTrue(log.byId("KP-RU#1").isPresent(), "the id index outlives the replay buffer");
        assertEquals(3, log.forSituation("KP-RU").size());
    }

    @Test
    void dropsARedeliveredAlertById() {
        AlertLog log = new AlertLog(10);
        List<Long> seen = new ArrayList<>();
        log.subscribe(entry -> seen.add(entry.seq()));
        assertTrue(log.append(alert("KP-RU#1", "PLANNED", "KP", "RU", "2025-01-01T00:00:00Z")));
        assertFalse(log.append(alert("KP-RU#1", "PLANNED", "KP", "RU", "2025-01-01T00:00:00Z")));
        assertEquals(List.of(1L), seen);
        assertEquals(1, log.size());
    }

    @Test
    void filtersByTypeSituationAndDetectionTime() {
        AlertLog log = new AlertLog(10);
        log.append(alert("KP-RU#1", "PLANNED", "KP", "RU", "2025-01-01T00:00:00Z"));
        log.append(alert("BY-UA#1", "PLANNED", "BY", "UA", "2025-01-05T00:00:00Z"));
        log.append(alert("KP-RU#2", "ENGAGEMENT", "KP", "RU", "2025-01-09T00:00:00Z"));
        assertEquals(2, log.query(AlertQuery.parse(Map.of("type", List.of("planned")))).size());
        assertEquals(2, log.query(AlertQuery.parse(Map.of("situation", List.of("KP-RU")))).size());
        assertEquals(2, log.query(AlertQuery.parse(Map.of("since", List.of("2025-01-05")))).size());
        assertEquals(1, log.query(AlertQuery.parse(Map.of("since", List.of("2025-01-05T00:00:01Z")))).size());
    }

    @Test
    void replaysOnlyWhatCameAfterASequenceNumber() {
        AlertLog log = new AlertLog(10);
        log.append(alert("KP-RU#1", "PLANNED", "KP", "RU", "2025-01-01T00:00:00Z"));
        log.append(alert("KP-RU#2", "ENGAGEMENT", "KP", "RU", "2025-01-02T00:00:00Z"));
        assertEquals(List.of(2L), log.after(1).stream().map(AlertLog.Entry::seq).toList());
        assertTrue(log.after(2).isEmpty());
    }
}

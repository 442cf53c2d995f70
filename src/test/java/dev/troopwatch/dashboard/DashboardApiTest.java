package dev.troopwatch.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.troopwatch.stream.Json;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP API through a real client against a server over in-memory situations and alerts. */
final class DashboardApiTest {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private InMemoryBackend memory;
    private DashboardServer server;

    @BeforeEach
    void start() {
        memory = new InMemoryBackend();
        memory.change("KP", "RU", "Kursk", "NEW_DEPLOYMENT", null, "DEPLOYED", 10_000L, 12_000L, "2024-10-20",
                "Wire One", "Pyongyang has moved a brigade to the Russian border region, an official said.");
        memory.change("KP", "RU", "Kursk", "ENGAGEMENT", "DEPLOYED", "ENGAGED", 11_000L, null, "2024-11-12",
                "Wire Two", "The brigade saw its first fighting this week, according to the ministry.");
        memory.change("BY", "UA", null, "PLANNED", null, "PLANNED", null, 5_000L, "2025-03-02",
                "Wire Three", "Minsk is said to be preparing a contingent for the border.");
        server = DashboardServer.start(DashboardConfig.loopback(0), memory.backend());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void listsSituationsWithCountryNamesAndLastChange() throws Exception {
        JsonNode body = getJson("/api/situations", 200);
        assertEquals(2, body.get("count").asInt());
        JsonNode kp = body.get("situations").get(1);
        assertEquals("KP-RU", kp.get("key").asText());
        assertEquals("North Korea", kp.get("actor_name").asText());
        assertEquals("Russia", kp.get("host_name").asText());
        assertEquals("ENGAGED", kp.get("status").asText());
        assertEquals("ENGAGEMENT", kp.at("/last_change/type").asText());
        assertEquals(11_000, kp.at("/troops/min").asLong());
        assertEquals("[\"Wire Two\"]", kp.get("sources").toString());
        assertEquals("[\"NEW_DEPLOYMENT\",\"ENGAGEMENT\"]", kp.get("alert_types").toString());
        assertEquals("DEPLOYED", kp.at("/last_change/from").asText());
    }

    @Test
    void filtersSituationsByActorHostStatusTypeAndText() throws Exception {
        assertEquals("BY-UA", getJson("/api/situations?actor=by", 200).at("/situations/0/key").asText());
        assertEquals(1, getJson("/api/situations?host=RU", 200).get("count").asInt());
        assertEquals(0, getJson("/api/situations?status=WITHDRAWN", 200).get("count").asInt());
        assertEquals("KP-RU", getJson("/api/situations?type=ENGAGEMENT", 200).at("/situations/0/key").asText());
        assertEquals("KP-RU", getJson("/api/situations?q=kursk", 200).at("/situations/0/key").asText());
        assertEquals(0, getJson("/api/situations?q=status", 200).get("count").asInt(),
                "free text matches values, not JSON field names");
    }

    @Test
    void badSituationFiltersAnswer400NamingTheParameter() throws Exception {
        assertEquals("status", getJson("/api/situations?status=LOST", 400).get("parameter").asText());
        assertEquals("actor", getJson("/api/situations?actor=K1", 400).get("parameter").asText());
        assertEquals("type", getJson("/api/situations?type=NOPE", 400).get("parameter").asText());
        assertEquals("q", getJson("/api/situations?q=" + "x".repeat(201), 400).get("parameter").asText());
    }

    @Test
    void oneSituationHasItsFullHistory() throws Exception {
        memory.rereport("KP", "RU", 11_000L, 12_000L, "2024-11-20", "Wire Five",
                "The brigade is still in action near the border, a second outlet reported.");
        JsonNode body = getJson("/api/situations/kp-ru", 200);
        assertEquals("KP-RU", body.get("key").asText());
        assertEquals(3, body.get("history").size(), "every report");
        assertEquals(2, body.get("timeline").size(), "only the changes");
        JsonNode first = body.at("/timeline/0");
        assertEquals("[\"NEW_DEPLOYMENT\"]", first.get("types").toString(), "joined from the alert by id");
        assertEquals("DEPLOYED", first.get("to").asText());
        JsonNode second = body.at("/timeline/1");
        assertEquals("DEPLOYED", second.get("from").asText());
        assertEquals("Wire Two", second.at("/evidence/source").asText());
        assertEquals("Wire One", second.at("/prior_evidence/source").asText());
        assertEquals(10_000, second.at("/previous_troops/min").asLong());
        assertEquals("REREPORT", body.at("/history/2/disposition").asText());
    }

    @Test
    void unknownSituationIs404AndMalformedKeyIs400() throws Exception {
        JsonNode missing = getJson("/api/situations/US-FR", 404);
        assertEquals(404, missing.get("status").asInt());
        assertTrue(missing.get("error").asText().contains("US-FR"), missing.toString());
        assertEquals("key", getJson("/api/situations/KPRU", 400).get("parameter").asText());
        assertEquals("key", getJson("/api/situations/K-R-U", 400).get("parameter").asText());
    }

    @Test
    void storeNotReadyIs503WithRetryAfter() throws Exception {
        memory.storeReady = false;
        HttpResponse<String> response = get("/api/situations");
        assertEquals(503, response.statusCode());
        assertEquals("2", response.headers().firstValue("Retry-After").orElse(null));
        assertTrue(Json.mapper().readTree(response.body()).get("error").asText().contains("rebalancing"));
    }

    @Test
    void alertsAreNewestFirstAndFilterable() throws Exception {
        JsonNode body = getJson("/api/alerts", 200);
        assertEquals(3, body.get("count").asInt());
        assertEquals("PLANNED", body.at("/alerts/0/type").asText());
        assertEquals(1, getJson("/api/alerts?type=engagement", 200).get("count").asInt());
        assertEquals(2, getJson("/api/alerts?situation=KP-RU", 200).get("count").asInt());
        assertEquals(1, getJson("/api/alerts?limit=1", 200).get("alerts").size());
        assertEquals(3, getJson("/api/alerts?since=2020-01-01", 200).get("count").asInt());
        assertEquals(0, getJson("/api/alerts?since=" + Instant.now().plusSeconds(3600), 200).get("count").asInt());
    }

    @Test
    void badAlertParametersAnswer400NamingTheParameter() throws Exception {
        assertEquals("since", getJson("/api/alerts?since=yesterday", 400).get("parameter").asText());
        assertEquals("type", getJson("/api/alerts?type=PARADE", 400).get("parameter").asText());
        assertEquals("limit", getJson("/api/alerts?limit=0", 400).get("parameter").asText());
        assertEquals("limit", getJson("/api/alerts?limit=ten", 400).get("parameter").asText());
        assertEquals("limit", getJson("/api/alerts?limit=1&limit=2", 400).get("parameter").asText());
    }

    @Test
    void unknownPathsAndMethodsAnswerJsonErrors() throws Exception {
        assertEquals(404, getJson("/api/nothing-here", 404).get("status").asInt());
        HttpResponse<String> post = http.send(HttpRequest.newBuilder(server.uri().resolve("/api/alerts"))
                .POST(HttpRequest.BodyPublishers.ofString("x".repeat(100_000))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(405, post.statusCode());
        assertEquals(405, Json.mapper().readTree(post.body()).get("status").asInt());
    }

    @Test
    void streamWithoutEventStreamAcceptIs406() throws Exception {
        assertEquals(406, getJson("/api/alerts/stream", 406).get("status").asInt());
    }

    @Test
    void oversizedRequestHeadersAreRefused() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(server.uri().resolve("/api/health"))
                .header("X-Padding", "p".repeat(20_000)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(431, response.statusCode());
    }

    @Test
    void healthSumsInstancesAndShowsDeadLetterReasons() throws Exception {
        memory.deadLetters.append(new DeadLetterLog.DeadLetter("art-9", "missing-field", "headline is missing",
                "validate", Instant.now()));
        JsonNode body = getJson("/api/health", 200);
        assertEquals("RUNNING", body.get("state").asText());
        assertEquals(12, body.at("/totals/articles").asLong());
        assertEquals(1.5, body.at("/totals/articles_per_second").asDouble());
        assertEquals(2, body.get("instances").size());
        assertEquals("UNREACHABLE", body.at("/instances/1/state").asText());
        assertEquals("headline is missing", body.at("/dead_letters/latest/0/detail").asText());
        assertEquals("missing-field", body.at("/dead_letters/latest/0/reason").asText());
        assertEquals(3, body.at("/alert_feed/buffered").asInt());
    }

    @Test
    void healthIs503WhileThisInstanceCannotProcess() throws Exception {
        memory.streamsState = "PENDING_ERROR";
        JsonNode body = getJson("/api/health", 503);
        assertEquals("PENDING_ERROR", body.get("state").asText());
        assertEquals(12, body.at("/totals/articles").asLong(), "the body still describes the pipeline");
    }

    @Test
    void metricsArePrometheusText() throws Exception {
        HttpResponse<String> response = get("/metrics");
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
        assertTrue(response.body().contains("jvm_memory_used_bytes"), "JVM binder meters are exposed");
    }

    @Test
    void pageAndAssetsAreServedFromTheJar() throws Exception {
        HttpResponse<String> page = get("/");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("dashboard.js"));
        assertTrue(page.headers().firstValue("Content-Security-Policy").orElse("").contains("default-src 'self'"));
        assertEquals(200, get("/dashboard.css").statusCode());
        assertEquals(200, get("/dashboard.js").statusCode());
        assertEquals("North Korea", getJson("/api/countries", 200).get("KP").asText());
    }

    @Test
    void streamReplaysMissedAlertsAndPushesNewOnes() throws Exception {
        String cursor = getJson("/api/alerts?limit=1", 200).get("cursor").asText();
        String firstId = cursor.substring(0, cursor.lastIndexOf('-')) + "-1";
        HttpRequest request = HttpRequest.newBuilder(server.uri().resolve("/api/alerts/stream"))
                .header("Accept", "text/event-stream").header("Last-Event-ID", firstId).build();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode());
        try (BufferedReader events = new BufferedReader(new InputStreamReader(response.body(),
                StandardCharsets.UTF_8))) {
            assertEquals("event: hello", nextEventLine(events));
            assertEquals("event: alert", nextEventLine(events));
            assertTrue(nextData(events).contains("\"alert_id\":\"KP-RU#2\""), "replays what came after id 1");
            assertEquals("event: alert", nextEventLine(events));
            assertTrue(nextData(events).contains("\"alert_id\":\"BY-UA#1\""));
            memory.change("KP", "RU", "Kursk", "WITHDRAWAL", "ENGAGED", "WITHDRAWN", null, null, "2025-01-20",
                    "Wire Four", "The unit has been pulled back from the line, officials said.");
            assertEquals("event: alert", nextEventLine(events));
            assertTrue(nextData(events).contains("\"type\":\"WITHDRAWAL\""), "pushes a new alert live");
            JsonNode history = Json.mapper().readTree("{\"alert_id\":\"US-PL#1\",\"type\":\"NEW_DEPLOYMENT\","
                    + "\"situation\":{\"actor\":\"US\",\"host\":\"PL\"}}");
            memory.alerts.append(history, false);
            assertEquals("event: backfill", nextEventLine(events), "history read at start is not news");
        }
    }

    private static String nextEventLine(BufferedReader events) throws Exception {
        String line;
        while ((line = events.readLine()) != null) {
            if (line.startsWith("event:")) {
                return line;
            }
        }
        throw new AssertionError("stream ended");
    }

    private static String nextData(BufferedReader events) throws Exception {
        String line;
        while ((line = events.readLine()) != null) {
            if (line.startsWith("data:")) {
                return line;
            }
        }
        throw new AssertionError("stream ended");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(server.uri().resolve(path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode getJson(String path, int expectedStatus) throws Exception {
        HttpResponse<String> response = get(path);
        assertEquals(expectedStatus, response.statusCode(), path + " -> " + response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
                path + " answers JSON");
        return Json.mapper().readTree(response.body());
    }
}

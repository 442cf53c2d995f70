package dev.troopwatch.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.troopwatch.stream.Json;
import dev.troopwatch.stream.TopicNames;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The dashboard over the real pipeline: embedded KRaft broker, production topology, articles published with the
 * project's producer. First the HTTP API with a real client, then the page in headless Chromium.
 * The articles are our own sentences.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
final class DashboardPipelineTest {
    private static final Duration PIPELINE = Duration.ofSeconds(90);

    @TempDir
    static Path dataDir;

    private RunningPipeline pipeline;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    void start() throws Exception {
        pipeline = RunningPipeline.start(dataDir);
    }

    @AfterAll
    void stop() {
        if (pipeline != null) {
            pipeline.close();
        }
    }

    /** First report: North Korean troops arrive in Russia. Publishing it twice is harmless (same article id). */
    private void publishDeployment() {
        pipeline.publish("dash-test-kp-ru-1", "Test Wire", "North Korea sends troops to Russia, Seoul says",
                "2024-10-18T06:00:00Z",
                "North Korea has sent about 1,500 special forces soldiers to Russia, South Korea's spy agency said "
                        + "on Friday.\n\nThe soldiers were flown to Vladivostok in recent days and are expected to "
                        + "be sent on to the front, the agency said.");
    }

    /** A later report: the same troops now in combat. */
    private void publishEngagement() {
        pipeline.publish("dash-test-kp-ru-2", "Other Wire", "North Korean troops fighting in Kursk, Seoul says",
                "2024-11-13T06:00:00Z",
                "North Korean soldiers deployed in Russia have begun engaging in combat in the Kursk region, South "
                        + "Korea's defence ministry said on Wednesday.\n\nSome 11,000 North Korean troops are now in "
                        + "Russia, the ministry said.");
    }

    @Test
    @Order(1)
    void apiAnswersFromTheRunningPipeline() throws Exception {
        BlockingQueue<String> streamed = new LinkedBlockingQueue<>();
        HttpResponse<InputStream> stream = http.send(HttpRequest.newBuilder(uri("/api/alerts/stream"))
                .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, stream.statusCode());
        Thread reader = new Thread(() -> readAlertEvents(stream.body(), streamed), "sse-reader");
        reader.setDaemon(true);
        reader.start();
        try {
            publishDeployment();
            String data = streamed.poll(PIPELINE.toSeconds(), TimeUnit.SECONDS);
            assertTrue(data != null, "an alert is pushed over the event stream");
            JsonNode alert = Json.mapper().readTree(data);
            System.out.println("alert pushed to the dashboard: " + alert);
            assertEquals("KP", alert.at("/situation/actor").asText());
            assertEquals("RU", alert.at("/situation/host").asText());
            String type = alert.get("type").asText();

            JsonNode alerts = getJson("/api/alerts?situation=KP-RU", 200);
            assertTrue(alerts.get("count").asInt() >= 1, alerts.toString());
            assertEquals(type, getJson("/api/alerts?type=" + type, 200).at("/alerts/0/type").asText());

            JsonNode board = getJson("/api/situations?host=RU", 200);
            JsonNode row = board.at("/situations/0");
            assertEquals("KP-RU", row.get("key").asText(), board.toString());
            assertEquals("North Korea", row.get("actor_name").asText());
            assertEquals(alert.get("to").asText(), row.get("status").asText());
            assertEquals(type, row.at("/last_change/type").asText(), "the alert is joined into the row");
            assertNull(board.at("/instances/0/error").textValue(), "the only instance answered");

            JsonNode page = getJson("/api/situations/KP-RU", 200);
            assertTrue(page.get("timeline").size() >= 1, page.toString());
            assertEquals(type, page.at("/timeline/0/types/0").asText());
            assertEquals("dash-test-kp-ru-1", page.at("/timeline/0/evidence/article_id").asText());
            assertTrue(page.get("history").size() >= 1);

            assertEquals(404, getJson("/api/situations/US-FR", 404).get("status").asInt());
            assertEquals("key", getJson("/api/situations/KPRU", 400).get("parameter").asText());
            assertEquals("since", getJson("/api/alerts?since=soon", 400).get("parameter").asText());

            pipeline.publishGarbage("dash-test-garbage");
            JsonNode health = Await.until(PIPELINE, "a dead letter on the health panel", () -> {
                JsonNode h = getJson("/api/health", 200);
                return h.at("/dead_letters/latest").isEmpty() ? null : h;
            });
            System.out.println("health: " + health);
            assertEquals("dash-test-garbage", health.at("/dead_letters/latest/0/key").asText());
            assertTrue(!health.at("/dead_letters/latest/0/reason").asText().isBlank());
            assertEquals("RUNNING", health.at("/instances/0/state").asText());
            JsonNode totals = Await.until(PIPELINE, "metrics to count the articles", () -> {
                JsonNode t = getJson("/api/health", 200).get("totals");
                return t.get("articles").asLong() >= 2 && t.get("dead_letters").asLong() >= 1 ? t : null;
            });
            assertTrue(totals.get("alerts").asLong() >= 1, totals.toString());
            assertTrue(totals.get("events").asLong() >= 1, totals.toString());

            // The health panel reads these client metrics by name and topic tag; fail loudly if Kafka renames them.
            for (String[] metric : List.of(
                    new String[] {"consumer-fetch-manager-metrics", "records-consumed-rate", TopicNames.ARTICLES_RAW},
                    new String[] {"consumer-fetch-manager-metrics", "records-lag", TopicNames.ARTICLES_RAW},
                    new String[] {"producer-topic-metrics", "record-send-total", TopicNames.ALERTS},
                    new String[] {"producer-topic-metrics", "record-send-total", TopicNames.DEADLETTER})) {
                assertTrue(pipeline.streams.metrics().keySet().stream().anyMatch(m -> m.group().equals(metric[0])
                        && m.name().equals(metric[1]) && metric[2].equals(m.tags().get("topic"))),
                        "Kafka Streams exposes " + String.join(" / ", metric));
            }

            HttpResponse<String> metrics = get("/metrics");
            assertEquals(200, metrics.statusCode());
            assertTrue(metrics.body().contains("kafka_stream_"), "Kafka Streams binder meters are exposed");
            assertTrue(metrics.body().contains("jvm_threads_live_threads"), "JVM binder meters are exposed");
        } finally {
            stream.body().close();
        }
    }

    @Test
    @Order(2)
    void pageShowsTheLiveFeedBoardFilterAndSituation() throws Exception {
        publishDeployment();
        Await.until(PIPELINE, "KP-RU in the situation store",
                () -> get("/api/situations/KP-RU").statusCode() == 200);
        try (HeadlessChromium chromium = HeadlessChromium.start(1440, 1000)) {
            WebDriver driver = chromium.driver;
            var wait = chromium.waitUpTo(PIPELINE);
            driver.get(pipeline.dashboard.uri().toString());
            wait.until(ExpectedConditions.textToBe(By.cssSelector("#connection .conn-text"), "Live"));
            By kpRow = By.cssSelector("#board-body tr[data-key='KP-RU']");
            String statusBefore = wait.until(ExpectedConditions.visibilityOfElementLocated(kpRow))
                    .findElement(By.cssSelector(".badge")).getText();
            int feedBefore = driver.findElements(By.cssSelector("#feed .alert")).size();
            wait.until(d -> !d.findElement(By.id("h-articles")).getText().equals("–"));
            driver.findElement(By.cssSelector("#dead-letters > summary")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("dead-list"), "dash-test-garbage"));
            assertTrue(driver.findElement(By.id("dead-list")).getText().contains("not-json"),
                    "the health panel shows why the record was dead-lettered");
            chromium.screenshot("pipeline-1-before");
            driver.findElement(By.cssSelector("#dead-letters > summary")).click();

            publishEngagement();
            WebElement fresh = wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("#feed .alert.is-new[data-situation='KP-RU']")));
            List<WebElement> cards = driver.findElements(By.cssSelector("#feed .alert"));
            assertTrue(cards.size() > feedBefore);
            List<Boolean> marked = cards.stream().map(c -> c.getAttribute("class").contains("is-new")).toList();
            assertEquals(cards.size() - feedBefore, marked.stream().filter(m -> m).count(),
                    "exactly the alerts that arrived live are marked new");
            assertTrue(marked.indexOf(false) == -1 || marked.lastIndexOf(true) < marked.indexOf(false),
                    "newest first: every new alert is above the ones that were there");
            assertTrue(fresh.getText().contains("North Korea") && fresh.getText().contains("Russia"),
                    fresh.getText());
            assertEquals("https://example.org/wire/dash-test-kp-ru-2",
                    fresh.findElement(By.xpath("./blockquote[@class='quote']//a")).getAttribute("href"),
                    "the evidence links to the source article");
            wait.until(d -> !d.findElement(kpRow).findElement(By.cssSelector(".badge")).getText()
                    .equals(statusBefore));
            String statusAfter = driver.findElement(kpRow).findElement(By.cssSelector(".badge")).getText();
            System.out.println("board status of KP-RU: " + statusBefore + " -> " + statusAfter);
            chromium.screenshot("pipeline-2-live-alert");
            assertEquals(List.of(), chromium.contrastFailures(), "all text meets WCAG AA contrast");

            new Select(driver.findElement(By.id("f-status"))).selectByValue(statusAfter);
            wait.until(d -> d.findElements(By.cssSelector("#board-body tr td:nth-child(2) .badge")).stream()
                    .allMatch(badge -> badge.getText().equals(statusAfter)));
            assertEquals(1, driver.findElements(kpRow).size(), "KP-RU passes its own status filter");
            driver.findElement(By.id("f-text")).sendKeys("no such place");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("board-empty")));
            chromium.screenshot("pipeline-3-filtered-empty");
            driver.findElement(By.id("f-clear")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(kpRow));

            // Keyboard only from a fresh page: Tab from the top reaches the skip links first.
            driver.navigate().refresh();
            wait.until(ExpectedConditions.textToBe(By.cssSelector("#connection .conn-text"), "Live"));
            wait.until(ExpectedConditions.visibilityOfElementLocated(kpRow));
            new Actions(driver).sendKeys(Keys.TAB).sendKeys(Keys.TAB).perform();
            assertEquals("Skip to situation board", driver.switchTo().activeElement().getText());
            new Actions(driver).sendKeys(Keys.ENTER).perform();
            assertEquals("board-panel", driver.switchTo().activeElement().getAttribute("id"),
                    "the skip link takes keyboard users past the feed");
            tabUntil(driver, "KP-RU");
            new Actions(driver).sendKeys(Keys.ENTER).perform();
            wait.until(ExpectedConditions.urlContains("#/situation/KP-RU"));
            List<WebElement> items = wait.until(ExpectedConditions.numberOfElementsToBeMoreThan(
                    By.cssSelector("#timeline .tl-item"), 1));
            assertTrue(items.get(items.size() - 1).getText().contains("Other Wire"),
                    "the latest change shows its evidence: " + items.get(items.size() - 1).getText());
            assertTrue(driver.findElements(By.cssSelector("svg.chart circle.point")).size() >= 1,
                    "the troop chart is drawn");
            driver.manage().window().setSize(new Dimension(1440, 1600));
            chromium.screenshot("pipeline-4-situation");
            assertEquals(List.of(), chromium.contrastFailures(), "all text meets WCAG AA contrast");

            driver.navigate().back();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("view-overview")));
            wait.until(d -> "KP-RU".equals(d.switchTo().activeElement().getAttribute("data-key")));
            assertTrue(driver.findElement(kpRow).isDisplayed(), "back on the board, focus returns to the row");
        }
    }

    @Test
    @Order(3)
    void everyInstanceShowsEverySituationWhenTwoShareTheWork() throws Exception {
        publishDeployment();
        try (RunningPipeline.Instance second = pipeline.startAnotherInstance(dataDir.resolve("instance-2"))) {
            List<URI> dashboards = List.of(pipeline.dashboard.uri(), second.dashboard().uri());
            for (URI dashboard : dashboards) {
                // Right after the second instance joins, its stores restore and it answers 503 for a moment;
                // the listing reports that per instance, so wait until both answer.
                JsonNode listing = Await.until(PIPELINE, "both instances to answer " + dashboard, () -> {
                    HttpResponse<String> r = get(dashboard.resolve("/api/situations"));
                    JsonNode body = r.statusCode() == 200 ? Json.mapper().readTree(r.body()) : null;
                    return body != null && body.get("instances").size() == 2
                            && body.get("instances").findValues("error").stream().allMatch(JsonNode::isNull)
                            ? body : null;
                });
                System.out.println(dashboard + " situations from " + listing.get("instances"));
                List<String> keys = new ArrayList<>();
                listing.get("situations").forEach(situation -> keys.add(situation.get("key").asText()));
                assertTrue(keys.contains("KP-RU"), listing.toString());
                int owned = 0;
                for (JsonNode instance : listing.get("instances")) {
                    owned += instance.get("count").asInt();
                }
                assertEquals(listing.get("count").asInt(), owned, "every situation comes from exactly one owner");
                assertEquals(owned, new HashSet<>(keys).size(), "no situation is listed twice");
                JsonNode page = Await.until(PIPELINE, "KP-RU from " + dashboard, () -> {
                    HttpResponse<String> r = get(dashboard.resolve("/api/situations/KP-RU"));
                    return r.statusCode() == 200 ? Json.mapper().readTree(r.body()) : null;
                });
                assertEquals("KP-RU", page.get("key").asText());
                assertTrue(page.get("timeline").size() >= 1);
                JsonNode health = Json.mapper().readTree(get(dashboard.resolve("/api/health")).body());
                assertEquals(2, health.get("instances").size(), health.toString());
            }
        }
    }

    /** Presses Tab until the focused element is the board row for {@code key}; fails after 20 presses. */
    private static WebElement tabUntil(WebDriver driver, String key) {
        for (int i = 0; i < 20; i++) {
            new Actions(driver).sendKeys(Keys.TAB).perform();
            WebElement focused = driver.switchTo().activeElement();
            if (key.equals(focused.getAttribute("data-key"))) {
                return focused;
            }
        }
        throw new AssertionError("Tab never reached the board row " + key);
    }

    private static void readAlertEvents(InputStream body, BlockingQueue<String> out) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String event = null;
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith("event:")) {
                    event = line.substring(6).strip();
                } else if (line.startsWith("data:") && "alert".equals(event)) {
                    out.add(line.substring(5).strip());
                }
            }
        } catch (IOException closed) {
            // The test closed the stream.
        }
    }

    private URI uri(String path) {
        return pipeline.dashboard.uri().resolve(path);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return get(uri(path));
    }

    private HttpResponse<String> get(URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode getJson(String path, int expectedStatus) throws Exception {
        HttpResponse<String> response = get(path);
        assertEquals(expectedStatus, response.statusCode(), path + " -> " + response.body());
        return Json.mapper().readTree(response.body());
    }
}

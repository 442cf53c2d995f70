package dev.troopwatch.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.troopwatch.kafka.BrokerSettings;
import dev.troopwatch.kafka.EmbeddedKafkaBroker;
import dev.troopwatch.stream.Json;
import dev.troopwatch.stream.TopicNames;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Broker loss and scale-out: the leader of the input and alert partitions killed under a 3-node cluster, one of two
 * instances killed while the other must take over, and a graceful restart. In every case the outputs a
 * {@code read_committed} reader sees must equal the uninterrupted run of the same stream.
 */
@Tag("soak")
class FailoverSoakTest {
    private static final Duration READY = Duration.ofSeconds(240);
    private static final Duration FEED_INTERVAL = Duration.ofMillis(30);
    private static final Path LOGS = Path.of("target", "resilience");

    @TempDir
    Path workDir;

    @Test
    void killingTheLeaderOfInputAndAlertPartitionsLosesAndDoublesNothing() {
        long seed = CrashRecoverySoakTest.seed();
        List<ArticleStream.Wire> wires = ArticleStream.generate(seed, 16, CrashHarness.PARTITIONS);
        Outcome expected = UninterruptedRun.of(wires);
        String applicationId = "troopwatch-broker-failover";
        Map<String, String> settings = new HashMap<>(Map.of(
                StreamsConfig.APPLICATION_ID_CONFIG, applicationId,
                // Every topic, ours and Streams' internal ones, on all three nodes, writes acknowledged by two.
                "topics.replication.factor", "3",
                "topics.config.min.insync.replicas", "2",
                StreamsConfig.REPLICATION_FACTOR_CONFIG, "3",
                StreamsConfig.topicPrefix("min.insync.replicas"), "2"));
        List<List<ArticleStream.Wire>> thirds = split(wires, 3);
        try (BrokerCluster cluster = BrokerCluster.start(3, workDir.resolve("cluster"), LOGS);
             ClusterProbe probe = new ClusterProbe(cluster.bootstrapServers());
             Feeder feeder = new Feeder(cluster.bootstrapServers());
             AppInstance app = AppInstance.spawn("failover-app", cluster.bootstrapServers(),
                     workDir.resolve("app"), LOGS, settings)) {
            app.awaitRunning(READY);
            List<String> topics = List.of(TopicNames.ARTICLES_RAW, TopicNames.ALERTS);

            feeder.publishInBackground(thirds.get(0), FEED_INTERVAL);
            int inputLeader = probe.leaderOf(TopicNames.ARTICLES_RAW, 0);
            LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(2));
            cluster.kill9(inputLeader);
            ClusterProbe.await("a new leader for the input partition", Duration.ofMinutes(2),
                    () -> probe.leaderOf(TopicNames.ARTICLES_RAW, 0) != inputLeader);
            System.out.printf("[failover] killed node %d, leader of %s-0; new leader %d%n", inputLeader,
                    TopicNames.ARTICLES_RAW, probe.leaderOf(TopicNames.ARTICLES_RAW, 0));
            feeder.awaitDone(Duration.ofMinutes(4));
            feeder.publishInBackground(thirds.get(1), FEED_INTERVAL);
            Duration back = cluster.restart(inputLeader);
            ClusterProbe.await("the restarted node to catch up", Duration.ofMinutes(4),
                    () -> probe.fullyReplicated(topics));
            System.out.printf("[failover] node %d back and in sync (%d ms to restart)%n", inputLeader, back.toMillis());

            int alertLeader = probe.leaderOf(TopicNames.ALERTS, 0);
            cluster.kill9(alertLeader);
            ClusterProbe.await("a new leader for the alert partition", Duration.ofMinutes(2),
                    () -> probe.leaderOf(TopicNames.ALERTS, 0) != alertLeader);
            System.out.printf("[failover] killed node %d, leader of %s-0; new leader %d%n", alertLeader,
                    TopicNames.ALERTS, probe.leaderOf(TopicNames.ALERTS, 0));
            feeder.awaitDone(Duration.ofMinutes(4));
            feeder.publishInBackground(thirds.get(2), FEED_INTERVAL);
            feeder.awaitDone(Duration.ofMinutes(4));
            cluster.restart(alertLeader);
            ClusterProbe.await("the restarted node to catch up", Duration.ofMinutes(4),
                    () -> probe.fullyReplicated(topics));

            awaitConverged(probe, applicationId, expected);
            assertTrue(app.terminate(), "graceful stop");
            Outcome actual = probe.readOutcome();
            ClusterProbe.Count clean = probe.count(TopicNames.ARTICLES_CLEAN);
            System.out.printf("[failover] leader kills: %d articles, %d committed clean records; %s%n", wires.size(),
                    clean.records(), actual.compareTo(expected));
            assertPerfect(expected, actual);
            assertEquals(wires.size(), clean.records(), "each article cleaned exactly once");
        }
    }

    @Test
    void survivingInstanceTakesOverAndAnswersForEverySituation() throws Exception {
        long seed = CrashRecoverySoakTest.seed();
        List<ArticleStream.Wire> wires = ArticleStream.generate(seed, 16, CrashHarness.PARTITIONS);
        Outcome expected = UninterruptedRun.of(wires);
        String applicationId = "troopwatch-scale-out";
        Map<String, String> settings = Map.of(
                StreamsConfig.APPLICATION_ID_CONFIG, applicationId,
                StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, "1",
                // The survivor notices a dead peer after the session timeout; the broker's minimum keeps it short.
                "session.timeout.ms", "6000",
                "heartbeat.interval.ms", "1500");
        List<List<ArticleStream.Wire>> halves = split(wires, 2);
        Random random = new Random(seed);
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(
                BrokerSettings.singleNode(workDir.resolve("broker")));
             ClusterProbe probe = new ClusterProbe(broker.bootstrapServers());
             Feeder feeder = new Feeder(broker.bootstrapServers());
             AppInstance first = AppInstance.spawn("scale-a", broker.bootstrapServers(), workDir.resolve("app"),
                     LOGS, settings);
             AppInstance second = AppInstance.spawn("scale-b", broker.bootstrapServers(), workDir.resolve("app"),
                     LOGS, settings)) {
            first.awaitRunning(READY);
            second.awaitRunning(READY);
            feeder.publishInBackground(halves.get(0), FEED_INTERVAL);
            feeder.awaitDone(Duration.ofMinutes(3));
            awaitOutcome(probe, UninterruptedRun.of(halves.get(0)));
            int alertsBefore = probe.alertRecords();

            AppInstance victim = random.nextBoolean() ? first : second;
            AppInstance survivor = victim == first ? second : first;
            feeder.publishInBackground(halves.get(1), FEED_INTERVAL);
            long killedAt = System.nanoTime();
            victim.kill9();
            System.out.printf("[scale-out] killed %s with %d alerts out; %s survives%n", victim, alertsBefore,
                    survivor);
            ClusterProbe.await("alerts to keep flowing", Duration.ofMinutes(3),
                    () -> probe.alertRecords() > alertsBefore);
            long firstAlertMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killedAt);
            feeder.awaitDone(Duration.ofMinutes(3));
            awaitConverged(probe, applicationId, expected);
            System.out.printf("[scale-out] first new alert %d ms after the kill; all caught up %d ms after it%n",
                    firstAlertMillis, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killedAt));

            Set<String> answered = situationsOnTheBoard(survivor.httpPort());
            System.out.printf("[scale-out] survivor's /api/situations answers %d of %d situations%n",
                    answered.size(), expected.situations().size());
            assertEquals(new TreeSet<>(expected.situations().keySet()), answered,
                    "the survivor's board answers for every situation");

            assertTrue(survivor.terminate(), "graceful stop");
            Outcome actual = probe.readOutcome();
            ClusterProbe.Count clean = probe.count(TopicNames.ARTICLES_CLEAN);
            System.out.printf("[scale-out] %d articles, %d committed clean records; %s%n", wires.size(),
                    clean.records(), actual.compareTo(expected));
            assertPerfect(expected, actual);
            assertEquals(wires.size(), clean.records(), "each article cleaned exactly once");
        }
    }

    @Test
    void gracefulRestartResumesWithoutReprocessingIntoDuplicates() {
        long seed = CrashRecoverySoakTest.seed();
        List<ArticleStream.Wire> wires = ArticleStream.generate(seed, 16, CrashHarness.PARTITIONS);
        List<List<ArticleStream.Wire>> halves = split(wires, 2);
        Outcome expectedAfterFirstHalf = UninterruptedRun.of(halves.get(0));
        Outcome expected = UninterruptedRun.of(wires);
        String applicationId = "troopwatch-graceful";
        // at_least_once on purpose: only a clean close that commits its offsets keeps the restarted instance from
        // processing the tail of its input again (under exactly_once_v2 uncommitted work is aborted invisibly).
        Map<String, String> settings = Map.of(
                StreamsConfig.APPLICATION_ID_CONFIG, applicationId,
                StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE);
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(
                BrokerSettings.singleNode(workDir.resolve("broker")));
             ClusterProbe probe = new ClusterProbe(broker.bootstrapServers());
             Feeder feeder = new Feeder(broker.bootstrapServers())) {
            try (AppInstance app = AppInstance.spawn("graceful", broker.bootstrapServers(), workDir.resolve("app"),
                    LOGS, settings)) {
                app.awaitRunning(READY);
                feeder.publishInBackground(halves.get(0), Duration.ZERO);
                feeder.awaitDone(Duration.ofMinutes(3));
                awaitOutcome(probe, expectedAfterFirstHalf);
                assertTrue(app.terminate(), "SIGTERM closes cleanly");
            }
            assertTrue(probe.consumedEverything(applicationId, List.of(TopicNames.ARTICLES_RAW))
                            && probe.onlyProgressNotesLeft(applicationId),
                    "the graceful stop committed every input offset: nothing is left to process again");
            int alertsAtStop = probe.alertRecords();
            try (AppInstance app = AppInstance.spawn("graceful", broker.bootstrapServers(), workDir.resolve("app"),
                    LOGS, settings)) {
                app.awaitRunning(READY);
                System.out.printf("[graceful] restarted in %d ms (%d ms reported by the runner)%n",
                        app.spawnToRunning().toMillis(), app.reportedStartup().toMillis());
                feeder.publishInBackground(halves.get(1), Duration.ZERO);
                feeder.awaitDone(Duration.ofMinutes(3));
                awaitOutcome(probe, expected);
                assertTrue(app.terminate(), "SIGTERM closes cleanly");
            }
            Outcome actual = probe.readOutcome();
            ClusterProbe.Count clean = probe.count(TopicNames.ARTICLES_CLEAN);
            System.out.printf("[graceful] %d alerts before the restart; clean-article records %d for %d articles; "
                    + "%s%n", alertsAtStop, clean.records(), wires.size(), actual.compareTo(expected));
            assertEquals(expectedAfterFirstHalf.alerts().size(), alertsAtStop, "the first half's alerts, once each");
            assertEquals(wires.size(), clean.records(), "no article processed twice across the restart");
            assertPerfect(expected, actual);
        }
    }

    /** The situation keys the dashboard API of one instance lists (it asks its peers for the keys they own). */
    private static Set<String> situationsOnTheBoard(int httpPort) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        Set<String> keys = new TreeSet<>();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (true) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + httpPort + "/api/situations"))
                    .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                JsonNode body = Json.mapper().readTree(response.body());
                body.path("situations").forEach(s -> keys.add(s.path("key").asText()));
                return keys;
            }
            // 503 while the store is migrating to the survivor; anything else is an answer to report.
            if (response.statusCode() != 503 || System.nanoTime() > deadline) {
                throw new AssertionError("/api/situations answered " + response.statusCode() + ": "
                        + response.body());
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(500));
        }
    }

    private static void awaitConverged(ClusterProbe probe, String applicationId, Outcome expected) {
        ClusterProbe.await("the raw topic to be consumed", Duration.ofMinutes(4),
                () -> probe.consumedEverything(applicationId, List.of(TopicNames.ARTICLES_RAW)));
        awaitOutcome(probe, expected);
    }

    /** Waits until every expected alert and situation state is committed; prints the difference if never. */
    private static void awaitOutcome(ClusterProbe probe, Outcome expected) {
        try {
            ClusterProbe.await("the outputs to match the uninterrupted run", Duration.ofMinutes(4), () -> {
                Outcome now = probe.readOutcome();
                return now.missingAlerts(expected).isEmpty() && now.differingSituations(expected).isEmpty();
            });
        } catch (IllegalStateException e) {
            Outcome now = probe.readOutcome();
            for (String key : now.differingSituations(expected)) {
                System.out.printf("[diff] %s%n  expected %s%n  actual   %s%n", key, expected.situations().get(key),
                        now.situations().get(key));
            }
            throw new IllegalStateException(e.getMessage() + ": " + now.compareTo(expected), e);
        }
    }

    static void assertPerfect(Outcome expected, Outcome actual) {
        assertEquals(0, actual.duplicateCount(), () -> "duplicate alerts " + actual.duplicates());
        assertEquals(expected.alerts().keySet(), actual.alerts().keySet(), "alert ids");
        assertEquals(expected.alerts(), actual.alerts(), "alert contents (wall-clock fields aside)");
        assertEquals(expected.situations(), actual.situations(), "final situation states");
    }

    private static List<List<ArticleStream.Wire>> split(List<ArticleStream.Wire> wires, int parts) {
        int size = (wires.size() + parts - 1) / parts;
        return IntStream.range(0, parts)
                .mapToObj(i -> wires.subList(Math.min(wires.size(), i * size), Math.min(wires.size(), (i + 1) * size)))
                .toList();
    }
}

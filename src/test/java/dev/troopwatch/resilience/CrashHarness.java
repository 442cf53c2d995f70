package dev.troopwatch.resilience;

import dev.troopwatch.kafka.BrokerSettings;
import dev.troopwatch.kafka.EmbeddedKafkaBroker;
import dev.troopwatch.stream.TopicNames;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Kafka's exactly-once system test, troopwatch-sized: the application runs as a child JVM against an embedded
 * broker while a feeder publishes a known article stream; the harness {@code kill -9}s it at random moments
 * (while it starts and restores, or while it processes), restarts it each time, and finally lets it finish and
 * stops it gracefully. The outcome a {@code read_committed} reader then sees is compared with the uninterrupted
 * run of the same stream.
 */
final class CrashHarness {
    /** Partitions of the raw and clean topics as declared in topics/; the stream's ids are chosen for it. */
    static final int PARTITIONS = 6;
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(240);
    private static final Duration FEED_INTERVAL = Duration.ofMillis(40);

    /**
     * One start of the application and how it ended.
     *
     * @param killedWhile       "starting" (before RUNNING), "processing", or "-" for the final, graceful run
     * @param upMillis          how long after the spawn (starting) or after RUNNING (processing) the kill came
     * @param changelogRecords  end offsets of the situation store's changelog at the spawn (transaction markers
     *                          included): the state a restart restores
     */
    record Restart(int cycle, String killedWhile, long upMillis, Long spawnToRunningMillis, Long reportedMillis,
                   long changelogRecords, int articlesPublished) {
    }

    /** Everything a crash run measured. */
    record Result(String guarantee, long seed, int kills, List<Restart> restarts, Outcome expected, Outcome actual,
                  int articles, ClusterProbe.Count cleanArticles, Duration wallTime) {
    }

    private CrashHarness() {
    }

    static Result run(String guarantee, long seed, int kills, int storiesPerSituation, Path workDir) {
        long startNanos = System.nanoTime();
        List<ArticleStream.Wire> wires = ArticleStream.generate(seed, storiesPerSituation, PARTITIONS);
        Outcome expected = UninterruptedRun.of(wires);
        System.out.printf("[crash %s] seed=%d: %d articles, %d expected alerts over %d situations%n", guarantee,
                seed, wires.size(), expected.alerts().size(), expected.situations().size());
        String applicationId = "troopwatch-crash-" + guarantee.replace('_', '-');
        Map<String, String> settings = Map.of(
                StreamsConfig.APPLICATION_ID_CONFIG, applicationId,
                StreamsConfig.PROCESSING_GUARANTEE_CONFIG, guarantee,
                // Static membership: the restarted process takes its predecessor's place in the group at once
                // instead of waiting out the dead member's session; what is measured is then restoration.
                "group.instance.id", applicationId + "-instance");
        List<List<ArticleStream.Wire>> chunks = chunks(wires, kills + 1);
        Random random = new Random(seed);
        List<Restart> restarts = new ArrayList<>();
        Path logDir = Path.of("target", "resilience");
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(
                BrokerSettings.singleNode(workDir.resolve("broker")));
             ClusterProbe probe = new ClusterProbe(broker.bootstrapServers());
             Feeder feeder = new Feeder(broker.bootstrapServers())) {
            String bootstrap = broker.bootstrapServers();
            Path dataDir = workDir.resolve("app");
            int chunk = 0;
            long lastStartupMillis = 8_000;
            int cycle = 0;
            while (restarts.size() < kills) {
                cycle++;
                long changelog = probe.changelogRecords(applicationId);
                int published = feeder.published();
                try (AppInstance app = AppInstance.spawn("crash-" + guarantee, bootstrap, dataDir, logDir,
                        settings)) {
                    if (cycle > 1 && random.nextInt(4) == 0) {
                        // Kill while it starts: JVM start, topic check, fencing, restoring the store.
                        long at = 200 + random.nextLong(lastStartupMillis);
                        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(at));
                        app.kill9();
                        restarts.add(new Restart(cycle, "starting", at, null, null, changelog, published));
                        continue;
                    }
                    app.awaitRunning(READY_TIMEOUT);
                    lastStartupMillis = app.spawnToRunning().toMillis();
                    feeder.awaitDone(Duration.ofMinutes(3));
                    if (chunk < chunks.size() - 1) {
                        feeder.publishInBackground(chunks.get(chunk++), FEED_INTERVAL);
                    }
                    long up = 300 + random.nextInt(4_000);
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(up));
                    app.kill9();
                    restarts.add(new Restart(cycle, "processing", up, app.spawnToRunning().toMillis(),
                            app.reportedStartup().toMillis(), changelog, published));
                }
            }
            long changelog = probe.changelogRecords(applicationId);
            int published = feeder.published();
            try (AppInstance app = AppInstance.spawn("crash-" + guarantee, bootstrap, dataDir, logDir, settings)) {
                app.awaitRunning(READY_TIMEOUT);
                restarts.add(new Restart(cycle + 1, "-", 0, app.spawnToRunning().toMillis(),
                        app.reportedStartup().toMillis(), changelog, published));
                feeder.awaitDone(Duration.ofMinutes(3));
                while (chunk < chunks.size()) {
                    feeder.publishInBackground(chunks.get(chunk++), Duration.ZERO);
                    feeder.awaitDone(Duration.ofMinutes(3));
                }
                if (guarantee.equals(StreamsConfig.EXACTLY_ONCE_V2)) {
                    // Under transactions the internal topics end in commit markers, so offsets do not tell
                    // "consumed everything" exactly; the raw topic does, and the outputs must then converge.
                    ClusterProbe.await("the raw topic to be consumed", Duration.ofMinutes(4),
                            () -> probe.consumedEverything(applicationId, List.of(TopicNames.ARTICLES_RAW)));
                    try {
                        ClusterProbe.await("the outputs to match the uninterrupted run", Duration.ofMinutes(3),
                                () -> converged(probe.readOutcome(), expected));
                    } catch (IllegalStateException e) {
                        throw new IllegalStateException(e.getMessage() + ": "
                                + probe.readOutcome().compareTo(expected), e);
                    }
                } else {
                    ClusterProbe.await("every input to be consumed and decided", Duration.ofMinutes(4),
                            () -> probe.consumedEverything(applicationId, List.of(TopicNames.ARTICLES_RAW))
                                    && probe.onlyProgressNotesLeft(applicationId)
                                    && probe.reorderBufferEmpty(applicationId));
                }
                if (!app.terminate()) {
                    throw new IllegalStateException("the final instance did not stop cleanly; see " + app.jvm().log());
                }
            }
            Outcome actual = probe.readOutcome();
            return new Result(guarantee, seed, kills, restarts, expected, actual, wires.size(),
                    probe.count(TopicNames.ARTICLES_CLEAN), Duration.ofNanos(System.nanoTime() - startNanos));
        }
    }

    private static boolean converged(Outcome actual, Outcome expected) {
        return actual.missingAlerts(expected).isEmpty() && actual.differingSituations(expected).isEmpty();
    }

    private static List<List<ArticleStream.Wire>> chunks(List<ArticleStream.Wire> wires, int count) {
        List<List<ArticleStream.Wire>> chunks = new ArrayList<>();
        int size = (wires.size() + count - 1) / count;
        for (int from = 0; from < wires.size(); from += size) {
            chunks.add(wires.subList(from, Math.min(wires.size(), from + size)));
        }
        return chunks;
    }

    /** The restart table and the verdict, for the test log (and the README figures). */
    static void print(Result result) {
        System.out.printf("%n[crash %s] seed=%d, %d kill -9, %d articles, wall time %d s%n", result.guarantee(),
                result.seed(), result.kills(), result.articles(), result.wallTime().toSeconds());
        System.out.println("  cycle  killed-while  up-ms  spawn->RUNNING-ms  runner-reported-ms  changelog-offsets"
                + "  articles-published");
        for (Restart r : result.restarts()) {
            System.out.printf("  %5d  %-12s  %5d  %17s  %18s  %17d  %18d%n", r.cycle(), r.killedWhile(), r.upMillis(),
                    r.spawnToRunningMillis() == null ? "-" : r.spawnToRunningMillis().toString(),
                    r.reportedMillis() == null ? "-" : r.reportedMillis().toString(), r.changelogRecords(),
                    r.articlesPublished());
        }
        System.out.printf("[crash %s] %s%n", result.guarantee(), result.actual().compareTo(result.expected()));
        System.out.printf("[crash %s] clean-article topic: %d committed records for %d distinct articles "
                        + "(%d written more than once)%n", result.guarantee(), result.cleanArticles().records(),
                result.cleanArticles().distinctKeys(),
                result.cleanArticles().records() - result.cleanArticles().distinctKeys());
    }
}

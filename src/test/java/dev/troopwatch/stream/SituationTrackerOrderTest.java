package dev.troopwatch.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.troopwatch.alert.Alert;
import dev.troopwatch.extract.Evidence;
import dev.troopwatch.extract.Mention;
import dev.troopwatch.extract.Status;
import dev.troopwatch.track.ArticleReport;
import dev.troopwatch.track.MinHash;
import dev.troopwatch.track.TrackingPolicy;
import dev.troopwatch.track.TransitionDecider;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.Random;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tracker's release order, driven as the repartition topic would feed it from several upstream sources: the
 * test plays each source's reports and progress notes, interleaved as processing would interleave them.
 */
class SituationTrackerOrderTest {
    private static final Instant DAY = Instant.parse("2025-03-01T00:00:00Z");
    /** Sources 0, 1 and 2: three upstream partitions. */
    private static final int SOURCES = 3;
    private static final long WINDOW_MS = SituationTracker.DEFAULT_REORDER_WINDOW.toMillis();

    /** The sources' wall clock when they send the next record. */
    private long sent = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();

    @TempDir
    Path stateDir;

    private TopologyTestDriver driver;
    private TestInputTopic<String, TrackerInput> reports;
    private TestOutputTopic<String, String> alerts;

    @BeforeEach
    void start() {
        Topology topology = new Topology();
        topology.addSource("reports", Serdes.String().deserializer(), Topics.SITUATION_REPORTS.valueSerde()
                .deserializer(), "reports");
        topology.addProcessor("track", new SituationTracker(new TransitionDecider(TrackingPolicy.defaults()),
                SituationTracker.DEFAULT_REORDER_WINDOW), "reports");
        Serializer<TrackerOutput> alertLine = (topic, output) -> output.isAlert()
                ? line(output.alert()).getBytes(StandardCharsets.UTF_8) : null;
        topology.addSink("alerts", "alerts", Serdes.String().serializer(), alertLine, "track");
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "tracker-order-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        driver = new TopologyTestDriver(topology, config);
        reports = driver.createInputTopic("reports", Serdes.String().serializer(),
                Topics.SITUATION_REPORTS.valueSerde().serializer());
        alerts = driver.createOutputTopic("alerts", Serdes.String().deserializer(), Serdes.String().deserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void aReportWaitsForASlowerSourceAndOlderReportsOvertakeIt() {
        progress(2, hours(0), true);
        progress(1, hours(0), false);
        // source 0 is ahead: its withdrawal (hour 5) must wait until source 1 has got past hour 5
        report(0, hours(5), "kp-withdrawn", Status.WITHDRAWN);
        assertEquals(List.of(), alertsSoFar());
        report(1, hours(2), "kp-deployed", Status.DEPLOYED);
        assertEquals(List.of("KP-RU#1 NEW_DEPLOYMENT kp-deployed"), alertsSoFar());
        progress(1, hours(6), false);
        assertEquals(List.of("KP-RU#2 WITHDRAWAL kp-withdrawn"), alertsSoFar());
    }

    @Test
    void withoutTheWaitTheOlderReportWouldBeLate() {
        progress(2, hours(0), true);
        progress(1, hours(0), true);
        // source 1 is idle, so it holds nothing back; its report then comes after a newer one: late
        report(0, hours(5), "kp-withdrawn", Status.WITHDRAWN);
        report(1, hours(2), "kp-deployed", Status.DEPLOYED);
        assertEquals(List.of("KP-RU#1 WITHDRAWAL kp-withdrawn"), alertsSoFar());
    }

    @Test
    void aBusySourceHoldsReportsBackForAsLongAsItIsBusy() {
        progress(2, hours(0), true);
        progress(1, hours(0), false);
        report(0, hours(5), "kp-withdrawn", Status.WITHDRAWN);
        // source 1 is starved by its thread for longer than the window, but alive: its older report is still to come
        for (int beat = 0; beat < 5; beat++) {
            sent += ExtractProcessor.HEARTBEAT.toMillis();
            progress(1, hours(0), false);
        }
        assertEquals(List.of(), alertsSoFar());
        report(1, hours(2), "kp-deployed", Status.DEPLOYED);
        progress(1, hours(6), false);
        assertEquals(List.of("KP-RU#1 NEW_DEPLOYMENT kp-deployed", "KP-RU#2 WITHDRAWAL kp-withdrawn"),
                alertsSoFar());
    }

    @Test
    void aSourceThatFallsSilentStopsHoldingReportsBack() {
        progress(2, hours(0), true);
        progress(1, hours(0), false);
        sent += 2_000;
        report(0, hours(5), "kp-deployed", Status.DEPLOYED);
        sent += SituationTracker.SOURCE_SILENCE.toMillis() - 2_000 - 100;
        progress(2, hours(0), true);
        assertEquals(List.of(), alertsSoFar(), "source 1 still counted");
        sent += 200;
        progress(2, hours(0), true);
        assertEquals(List.of("KP-RU#1 NEW_DEPLOYMENT kp-deployed"), alertsSoFar(),
                "source 1 has been silent while source 2 went on; the report waited less than the window");
    }

    @Test
    void aTrackerThatReadsItsInputLateDoesNotTakeSourcesForSilent() {
        progress(2, hours(0), true);
        progress(1, hours(0), false);
        report(0, hours(5), "kp-withdrawn", Status.WITHDRAWN);
        // the tracker's own clock runs on (its thread was busy elsewhere); the input it reads was sent together
        driver.advanceWallClockTime(SituationTracker.DEFAULT_REORDER_WINDOW.multipliedBy(3));
        report(1, hours(2), "kp-deployed", Status.DEPLOYED);
        progress(1, hours(6), false);
        assertEquals(List.of("KP-RU#1 NEW_DEPLOYMENT kp-deployed", "KP-RU#2 WITHDRAWAL kp-withdrawn"),
                alertsSoFar());
    }

    @Test
    void reportsWaitUntilEverySourceHasBeenHeardFrom() {
        report(0, hours(5), "kp-withdrawn", Status.WITHDRAWN);
        progress(1, hours(1), false);
        report(1, hours(2), "kp-deployed", Status.DEPLOYED);
        assertEquals(List.of(), alertsSoFar(), "source 2 has not spoken yet");
        progress(2, hours(0), true);
        assertEquals(List.of("KP-RU#1 NEW_DEPLOYMENT kp-deployed"), alertsSoFar());
        progress(1, hours(9), false);
        assertEquals(List.of("KP-RU#2 WITHDRAWAL kp-withdrawn"), alertsSoFar());
    }

    @Test
    void aSourceThatNeverSpeaksHoldsReportsBackOnlyForTheWindow() {
        progress(1, hours(9), true);
        report(0, hours(5), "kp-deployed", Status.DEPLOYED);
        sent += WINDOW_MS - 100;
        progress(1, hours(9), true);
        assertEquals(List.of(), alertsSoFar());
        sent += 200;
        progress(1, hours(9), true);
        assertEquals(List.of("KP-RU#1 NEW_DEPLOYMENT kp-deployed"), alertsSoFar());
    }

    @Test
    void anIdleSourceThatWakesUpToABurstHoldsBackWhatWasSentAfterItsLastNote() {
        progress(2, hours(0), true);
        progress(1, hours(0), true);
        sent += 10;
        // source 1 was idle, then got a burst; source 0's report of the burst comes before source 1 can say so
        report(0, hours(5), "kp-withdrawn", Status.WITHDRAWN);
        assertEquals(List.of(), alertsSoFar());
        report(1, hours(2), "kp-deployed", Status.DEPLOYED);
        progress(1, hours(2), true);
        progress(2, hours(0), true);
        assertEquals(List.of("KP-RU#1 NEW_DEPLOYMENT kp-deployed", "KP-RU#2 WITHDRAWAL kp-withdrawn"),
                alertsSoFar());
    }

    @Test
    void aLiveReportIsDecidedOnArrivalWhenNoSourceLagsBehindIt() {
        progress(1, hours(8), false);
        progress(2, hours(0), true);
        progress(0, hours(0), true);
        report(0, hours(3), "kp-deployed", Status.DEPLOYED);
        assertEquals(List.of("KP-RU#1 NEW_DEPLOYMENT kp-deployed"), alertsSoFar());
    }

    private void progress(int source, long watermark, boolean idle) {
        reports.pipeInput(TrackerInput.PROGRESS_KEY_PREFIX + source,
                TrackerInput.progress(source, SOURCES, watermark, idle, sent, sent));
    }

    private void report(int source, long published, String id, Status status) {
        String sentence = "Sentence of " + id + ".";
        Mention mention = new Mention("KP", "RU", null, status, true, null, null, false, null,
                new Evidence(sentence, 0, sentence.length()));
        ArticleReport report = new ArticleReport(id, "https://example.test/" + id, "Test Wire", "Headline " + id,
                Instant.ofEpochMilli(published), null, MinHash.signature(distinctText(id)), List.of(mention));
        reports.pipeInput("KP-RU", TrackerInput.report(source, SOURCES, published, sent, report));
    }

    /** Words seeded by the id, so that no two test reports look like reprints of each other. */
    private static String distinctText(String id) {
        Random random = new Random(id.hashCode());
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            text.append('w').append(random.nextInt(100_000)).append(' ');
        }
        return text.toString();
    }

    private List<String> alertsSoFar() {
        return alerts.readValuesToList().stream().filter(Objects::nonNull).toList();
    }

    private static long hours(int h) {
        return DAY.plus(Duration.ofHours(h)).toEpochMilli();
    }

    private static String line(Alert alert) {
        return alert.alertId() + " " + alert.type() + " " + alert.evidence().articleId();
    }
}

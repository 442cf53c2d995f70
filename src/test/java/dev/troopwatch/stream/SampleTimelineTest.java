package dev.troopwatch.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.troopwatch.alert.Alert;
import dev.troopwatch.extract.Status;
import dev.troopwatch.ingest.RawArticle;
import dev.troopwatch.track.Disposition;
import dev.troopwatch.track.HistoryEntry;
import dev.troopwatch.track.SituationState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bundled sample wires through the production topology (real normaliser, extractor and rules). */
class SampleTimelineTest {
    /** alert id, type, article that raised it: the whole expected output of the sample file, in order. */
    static final List<String> EXPECTED = List.of(
            "KP-RU#1 NEW_DEPLOYMENT sample-001-kp-special-forces-far-east",
            "KP-RU#2 NEW_THEATRE sample-003-kp-10000-kursk-pentagon",
            "KP-RU#3 REINFORCEMENT sample-003-kp-10000-kursk-pentagon",
            "KP-RU#4 ENGAGEMENT sample-006-kp-first-clash-kursk",
            "UA-RU#1 ENGAGEMENT sample-006-kp-first-clash-kursk",
            "US-PL#1 NEW_DEPLOYMENT sample-007-us-brigade-poland",
            "KP-RU#5 CASUALTIES sample-008-kp-casualties-kursk",
            "FR-TD#1 WITHDRAWAL sample-011-fr-chad-last-base",
            "KP-RU#6 WITHDRAWAL sample-012-kp-pulled-from-front",
            "KP-RU#7 REDEPLOYMENT sample-013-kp-more-troops-redeployed-seed",
            "KP-RU#8 REINFORCEMENT sample-013-kp-more-troops-redeployed-seed",
            "KP-RU#9 OFFICIAL_CONFIRMATION sample-016-kp-pyongyang-confirms",
            "KP-RU#10 REINFORCEMENT sample-018-kp-engineers-deminers-planned",
            "KP-RU#11 WITHDRAWAL sample-019-kp-engineers-home");

    private static final Comparator<Alert> PUBLICATION_ORDER =
            Comparator.comparing(Alert::eventTime).thenComparing(Alert::alertId);

    @TempDir
    Path stateDir;

    static String line(Alert alert) {
        return alert.alertId() + " " + alert.type() + " " + alert.evidence().articleId();
    }

    @Test
    void theSampleTimelineProducesExactlyTheExpectedAlerts() {
        try (PipelineHarness pipeline = PipelineHarness.production(stateDir)) {
            PipelineHarness.samples().forEach(pipeline::publish);
            // Alerts of different situations travel on different partitions: only their order within a
            // situation is defined, so compare in publication order, then by alert id.
            List<Alert> alerts = pipeline.alerts().stream().sorted(PUBLICATION_ORDER).toList();
            alerts.forEach(a -> System.out.println("sample alert: " + line(a) + " " + a.from() + "->" + a.to()
                    + " troops=" + a.troops() + " claimants=" + a.claimants()));
            assertEquals(EXPECTED, alerts.stream().map(SampleTimelineTest::line).toList());
            assertTrue(pipeline.deadLetters().isEmpty(), "every sample is a valid article");

            Alert seed = alerts.get(9);
            assertEquals(Status.WITHDRAWN, seed.from());
            assertEquals(Status.REDEPLOYED, seed.to());
            assertEquals("sample-012-kp-pulled-from-front", seed.priorEvidence().articleId());
        }
    }

    @Test
    void theStoreHoldsTheHistoryReprintsIncluded() {
        try (PipelineHarness pipeline = PipelineHarness.production(stateDir)) {
            PipelineHarness.samples().forEach(pipeline::publish);
            SituationState kpRu = pipeline.situation("KP-RU");
            assertEquals(Status.WITHDRAWN, kpRu.status());
            assertEquals(11, kpRu.alertSequence());
            assertTrue(kpRu.engaged() && kpRu.casualtiesReported() && kpRu.everWithdrawn()
                    && kpRu.officiallyConfirmed());
            assertTrue(kpRu.theatres().contains("Kursk"), kpRu.theatres().toString());
            List<HistoryEntry> history = pipeline.history("KP-RU");
            assertEquals(history.size(), kpRu.historyCount(), "the state counts its history records");
            assertEquals(List.of("sample-001-kp-special-forces-far-east", "sample-003-kp-10000-kursk-pentagon",
                    "sample-004-kp-10000-kursk-pentagon-reprint", "sample-006-kp-first-clash-kursk",
                    "sample-008-kp-casualties-kursk", "sample-010-kp-casualties-3000-seoul",
                    "sample-012-kp-pulled-from-front", "sample-013-kp-more-troops-redeployed-seed",
                    "sample-014-kp-more-troops-redeployed-seed-reprint", "sample-016-kp-pyongyang-confirms",
                    "sample-018-kp-engineers-deminers-planned", "sample-019-kp-engineers-home"),
                    history.stream().map(HistoryEntry::articleId).toList());
            assertEquals(Disposition.REPRINT, history.get(2).disposition());
            assertEquals("sample-003-kp-10000-kursk-pentagon", history.get(2).copyOf());
            assertEquals(Disposition.REPRINT, history.get(8).disposition());
            assertEquals(Disposition.REREPORT, history.get(5).disposition());
            assertTrue(pipeline.situation("FR-TD") != null && pipeline.situation("US-PL") != null);
        }
    }

    @Test
    void aFurtherReprintAddsAReportAndNoAlert() {
        try (PipelineHarness pipeline = PipelineHarness.production(stateDir)) {
            List<RawArticle> samples = PipelineHarness.samples();
            samples.subList(0, 14).forEach(pipeline::publish);
            pipeline.alerts();
            SituationState before = pipeline.situation("KP-RU");
            RawArticle seed = samples.get(12);
            pipeline.publish(new RawArticle("sample-reprint-late-edition", "https://other.example/nk-troops",
                    "Coastal Herald (AFP)", "N. Korea sends more soldiers to Russia", "2025-02-28T07:00:00Z", "en",
                    "Updated at 7am.\n\n" + seed.body()));
            assertTrue(pipeline.alerts().isEmpty());
            SituationState after = pipeline.situation("KP-RU");
            assertEquals(before.corroboration().reports() + 1, after.corroboration().reports());
            assertEquals(before.corroboration().independentSources(), after.corroboration().independentSources());
        }
    }

    @Test
    void aLateOlderArticleEnrichesHistoryButRaisesNoAlertAndFlipsNothing() {
        try (PipelineHarness pipeline = PipelineHarness.production(stateDir)) {
            List<RawArticle> samples = PipelineHarness.samples();
            samples.subList(0, 16).forEach(pipeline::publish);
            pipeline.alerts();
            Status before = pipeline.situation("KP-RU").status();
            pipeline.publish(new RawArticle("late-kp-withdrawn-rumour", "https://late.example/a", "Late Gazette",
                    "North Korean troops withdrawn from Kursk front, Kyiv says", "2024-12-20T10:00:00Z", "en",
                    "KYIV - North Korean soldiers have been pulled back from the front line in the Kursk region, "
                            + "a Ukrainian commander said on Friday, after weeks of heavy fighting."));
            assertTrue(pipeline.alerts().isEmpty(), "a late report never alerts");
            SituationState after = pipeline.situation("KP-RU");
            assertEquals(before, after.status());
            List<HistoryEntry> history = pipeline.history("KP-RU");
            HistoryEntry late = history.stream()
                    .filter(h -> h.articleId().equals("late-kp-withdrawn-rumour")).findFirst().orElseThrow();
            assertEquals(Disposition.LATE, late.disposition());
            int at = history.indexOf(late);
            assertTrue(history.get(at - 1).eventTime().isBefore(late.eventTime())
                    && history.get(at + 1).eventTime().isAfter(late.eventTime()), "kept in event-time order");
        }
    }

    @Test
    void aReportIsDecidedOnceTheOnlySourceIsPastItWithoutWaitingOutTheWindow() {
        RawArticle chad = sample("sample-011-fr-chad-last-base");
        RawArticle poland = sample("sample-007-us-brigade-poland");
        try (PipelineHarness pipeline = PipelineHarness.production(stateDir)) {
            pipeline.publish(chad);
            // the next progress note says that the only source (the driver's single partition) is past its date
            pipeline.advance(ExtractProcessor.PROGRESS_INTERVAL);
            assertEquals(List.of("FR-TD#1 WITHDRAWAL sample-011-fr-chad-last-base"),
                    pipeline.alertsSoFar().stream().map(SampleTimelineTest::line).toList());
            // an older report from the same partition can no longer be waited for: decided at once, and late
            pipeline.publish(poland);
            assertEquals(List.of("US-PL#1 NEW_DEPLOYMENT sample-007-us-brigade-poland"),
                    pipeline.alertsSoFar().stream().map(SampleTimelineTest::line).toList());
        }
    }

    private static RawArticle sample(String id) {
        return PipelineHarness.samples().stream().filter(a -> a.id().equals(id)).findFirst().orElseThrow();
    }
}

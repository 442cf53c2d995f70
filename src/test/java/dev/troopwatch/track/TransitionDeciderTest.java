package dev.troopwatch.track;

import static dev.troopwatch.extract.Status.CASUALTIES;
import static dev.troopwatch.extract.Status.DEPLOYED;
import static dev.troopwatch.extract.Status.ENGAGED;
import static dev.troopwatch.extract.Status.PLANNED;
import static dev.troopwatch.extract.Status.REDEPLOYED;
import static dev.troopwatch.extract.Status.REINFORCED;
import static dev.troopwatch.extract.Status.WITHDRAWN;
import static dev.troopwatch.track.Reports.report;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.troopwatch.alert.Alert;
import dev.troopwatch.alert.AlertType;
import dev.troopwatch.alert.Corroboration;
import dev.troopwatch.extract.EventTime;
import dev.troopwatch.extract.TroopRange;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class TransitionDeciderTest {
    private static final SituationKey KP_RU = new SituationKey("KP", "RU");
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    private final TransitionDecider decider = new TransitionDecider(TrackingPolicy.defaults());

    /** The situation the test's reports go to, its history and fingerprints held as the stores hold them. */
    private InMemorySituation situation;

    /** Decides a report for a new situation (prior null) or for the one the previous decision left. */
    private Decision decide(SituationState prior, Reports report) {
        if (prior == null) {
            situation = new InMemorySituation(decider, KP_RU);
        } else {
            assertEquals(situation.state().reportSequence(), prior.reportSequence(),
                    "reports are decided against the latest state");
        }
        return situation.apply(report.build(), NOW);
    }

    private List<HistoryEntry> history() {
        return situation.history();
    }

    private static List<AlertType> types(Decision decision) {
        return decision.alerts().stream().map(Alert::type).toList();
    }

    /** Applies reports in order and returns every alert raised. */
    private List<Alert> run(Reports... reports) {
        SituationState state = null;
        List<Alert> alerts = new java.util.ArrayList<>();
        for (Reports r : reports) {
            Decision d = decide(state, r);
            state = d.state();
            alerts.addAll(d.alerts());
        }
        return alerts;
    }

    private SituationState stateAfter(Reports... reports) {
        SituationState state = null;
        for (Reports r : reports) {
            state = decide(state, r).state();
        }
        return state;
    }

    @Test
    void firstLeadDeploymentIsANewDeployment() {
        Decision d = decide(null, report("a1").on("2024-10-18").mention(DEPLOYED, true, "KR", "Vladivostok",
                TroopRange.exactly(1500), false, null));
        assertEquals(List.of(AlertType.NEW_DEPLOYMENT), types(d));
        Alert alert = d.alerts().get(0);
        assertEquals("KP-RU#1", alert.alertId());
        assertNull(alert.from());
        assertEquals(DEPLOYED, alert.to());
        assertEquals(TroopRange.exactly(1500), alert.troops());
        assertEquals("Vladivostok", alert.situation().theatre());
        assertEquals(List.of("KR"), alert.claimants());
        assertEquals("a1", alert.evidence().articleId());
        assertNull(alert.priorEvidence());
        assertEquals(new Corroboration(1, 1), alert.corroboration());
        assertEquals(DEPLOYED, d.state().status());
        assertEquals(Disposition.CHANGE, d.disposition());
    }

    @Test
    void seedStoryAloneYieldsWithdrawnToRedeployedThenReinforcement() {
        Decision d = decide(null, report("seed").on("2025-02-27")
                .mention(DEPLOYED, false, "KR", null, new TroopRange(10000L, null), false,
                        new EventTime(LocalDate.parse("2024-01-01"), LocalDate.parse("2024-12-31")))
                .background(ENGAGED).background(CASUALTIES).background(WITHDRAWN)
                .mention(REINFORCED, true, "KR", "Kursk", null, false, null)
                .mention(REDEPLOYED, true, "KR", "Kursk", null, false, null));
        assertEquals(List.of(AlertType.REDEPLOYMENT, AlertType.REINFORCEMENT), types(d));
        assertEquals(WITHDRAWN, d.alerts().get(0).from());
        assertEquals(REDEPLOYED, d.alerts().get(0).to());
        assertEquals(WITHDRAWN, d.alerts().get(1).from());
        assertEquals(REINFORCED, d.alerts().get(1).to());
        assertEquals("seed", d.alerts().get(0).priorEvidence().articleId(), "prior evidence is the background");
        SituationState s = d.state();
        assertEquals(REDEPLOYED, s.status(), "the phase-defining status is current");
        assertEquals(List.of(REINFORCED, REDEPLOYED), s.lead());
        assertTrue(s.engaged() && s.casualtiesReported() && s.everWithdrawn());
        assertEquals(new TroopRange(10000L, null), s.troops());
    }

    @Test
    void backgroundRepeatingTheLeadDoesNotSeedIt() {
        Decision d = decide(null, report("a").lead(DEPLOYED, "US").background(DEPLOYED));
        assertEquals(List.of(AlertType.NEW_DEPLOYMENT), types(d));
    }

    @Test
    void aBackgroundWithdrawalDoesNotTurnPlainPresenceNewsIntoAReturn() {
        Decision d = decide(null, report("a").lead(DEPLOYED, "US").background(WITHDRAWN));
        assertEquals(List.of(AlertType.NEW_DEPLOYMENT), types(d));
        assertFalse(d.state().everWithdrawn());
    }

    @Test
    void backgroundOnlyReportOfANewSituationSeedsNothing() {
        Decision first = decide(null, report("bg").on("2024-10-01").background(DEPLOYED));
        assertEquals(Disposition.BACKGROUND, first.disposition());
        assertNull(first.state().status());
        Decision second = decide(first.state(), report("news").on("2024-10-02").lead(DEPLOYED, "KR"));
        assertEquals(List.of(AlertType.NEW_DEPLOYMENT), types(second));
    }

    @Test
    void reReportOfAKnownStatusNeverAlertsButCorroborates() {
        SituationState s = stateAfter(
                report("a").on("2024-10-28").by("Outlet A", "AFP").lead(DEPLOYED, "US"),
                report("b").on("2024-10-28").by("Outlet B", "Reuters").lead(DEPLOYED, "US"),
                report("c").on("2024-10-29").by("Outlet C", "AFP").lead(DEPLOYED, "KR"));
        assertEquals(1, s.alertSequence());
        assertEquals(new Corroboration(2, 3), s.corroboration(), "two agencies, three reports");
        assertEquals(List.of("KR", "US"), s.claimants());
        assertEquals(List.of(Disposition.CHANGE, Disposition.REREPORT, Disposition.REREPORT),
                history().stream().map(HistoryEntry::disposition).toList());
        assertEquals(3, s.historyCount());
    }

    @Test
    void reprintAddsAReportButNoSourceAndNoAlert() {
        String wire = "Seoul said on Thursday that the North had sent another group of soldiers to the front, "
                + "the spy agency told reporters in a closed briefing, adding that the scale was unclear.";
        SituationState original = stateAfter(report("orig").on("2025-03-01").by("Paper One", "AFP").text(wire)
                .lead(WITHDRAWN, "UA"));
        Decision copy = decide(original, report("copy").on("2025-03-02").by("Paper Two", "AFP")
                .text("Sign up for our newsletter. " + wire).lead(WITHDRAWN, "UA"));
        assertEquals(Disposition.REPRINT, copy.disposition());
        assertTrue(copy.alerts().isEmpty());
        assertEquals(new Corroboration(1, 2), copy.state().corroboration());
        assertEquals("orig", history().get(1).copyOf());
        assertEquals("orig", copy.recorded().copyOf());
        assertEquals("orig", copy.fingerprints().remember().copyOf(), "a copy of a copy points to the original");
    }

    @Test
    void aSimilarTextFromAnotherAgencyIsNotACopy() {
        String wire = "Seoul said on Thursday that the North had sent another group of soldiers to the front, "
                + "the spy agency told reporters in a closed briefing, adding that the scale was unclear.";
        SituationState original = stateAfter(report("orig").on("2025-03-01").by("P1", "AFP").text(wire)
                .lead(WITHDRAWN, "UA"));
        Decision other = decide(original, report("other").on("2025-03-01").by("P2", "Reuters").text(wire)
                .lead(WITHDRAWN, "UA"));
        assertEquals(Disposition.REREPORT, other.disposition());
        assertEquals(new Corroboration(2, 2), other.state().corroboration());
    }

    @Test
    void theSameArticleAgainIsADuplicate() {
        SituationState s = stateAfter(report("a").lead(DEPLOYED, "US"));
        Decision again = decide(s, report("a").lead(WITHDRAWN, "US"));
        assertEquals(Disposition.DUPLICATE, again.disposition());
        assertSame(s, again.state());
        assertNull(again.recorded(), "nothing to record");
        assertEquals(FingerprintChange.NONE, again.fingerprints());
        assertEquals(1, history().size());
    }

    @Test
    void theSameArticleIsADuplicateAlsoAfterItsFingerprintLeftTheWindow() {
        SituationState s = stateAfter(report("old").on("2024-01-01").lead(DEPLOYED, "US"),
                report("new").on("2024-03-01").lead(DEPLOYED, "KR"));
        assertTrue(situation.fingerprints().stream().noneMatch(f -> f.articleId().equals("old")),
                "out of the 7-day window of the newest");
        assertEquals(Disposition.DUPLICATE, decide(s, report("old").on("2024-01-01").lead(DEPLOYED, "US"))
                .disposition(), "the history still has it");
    }

    @Test
    void whetherTheArticleWasSeenIsTheCallersAnswer() {
        Decision first = decider.decide(KP_RU, null, List.of(), false, report("a").lead(DEPLOYED, "US").build(),
                NOW);
        assertEquals(Disposition.DUPLICATE, decider.decide(KP_RU, first.state(), List.of(), true,
                report("b").lead(DEPLOYED, "US").build(), NOW).disposition());
        assertEquals(Disposition.REREPORT, decider.decide(KP_RU, first.state(), List.of(), false,
                report("a").lead(DEPLOYED, "US").build(), NOW).disposition(), "not seen: decided again");
    }

    @Test
    void aLateOlderReportEnrichesHistoryButNeverFlipsStateOrAlerts() {
        SituationState s = stateAfter(
                report("dep").on("2024-10-20").lead(DEPLOYED, "KR"),
                report("wd").on("2025-01-31").lead(WITHDRAWN, "UA"));
        Decision late = decide(s, report("old-combat").on("2024-11-05").lead(ENGAGED, "UA"));
        assertEquals(Disposition.LATE, late.disposition());
        assertTrue(late.alerts().isEmpty());
        assertEquals(WITHDRAWN, late.state().status());
        assertFalse(late.state().engaged(), "a late report does not change attributes either");
        assertEquals(List.of("dep", "old-combat", "wd"),
                history().stream().map(HistoryEntry::articleId).toList(), "history in event time");
        assertEquals(Instant.parse("2024-10-20T00:00:00Z"), late.state().historySince());
    }

    @Test
    void hedgedClaimsAlertHedged() {
        Decision d = decide(null, report("h").mention(DEPLOYED, true, "media", null, null, true, null));
        assertTrue(d.alerts().get(0).hedged());
        assertTrue(d.state().hedged());
        Decision firm = decide(d.state(), report("f").lead(DEPLOYED, "US"));
        assertTrue(firm.alerts().isEmpty(), "confirming a hedged status is a re-report");
        assertFalse(firm.state().hedged());
    }

    @Test
    void aHigherTroopRangeIsAReinforcementAndALowerOrCloseOneIsNot() {
        List<Alert> alerts = run(
                report("a").on("2024-10-18").mention(DEPLOYED, true, "KR", null, TroopRange.exactly(1500), false,
                        null),
                report("b").on("2024-10-28").mention(DEPLOYED, true, "US", null, TroopRange.exactly(10000), false,
                        null),
                report("c").on("2024-10-29").mention(DEPLOYED, true, "US", null, TroopRange.exactly(10500), false,
                        null),
                report("d").on("2024-10-30").mention(DEPLOYED, true, "US", null, TroopRange.exactly(8000), false,
                        null),
                report("e").on("2024-11-02").mention(DEPLOYED, true, "KR", null, new TroopRange(10000L, null),
                        false, null));
        assertEquals(List.of(AlertType.NEW_DEPLOYMENT, AlertType.REINFORCEMENT),
                alerts.stream().map(Alert::type).toList());
        assertEquals(TroopRange.exactly(10000), alerts.get(1).troops());
        assertEquals(TroopRange.exactly(1500), alerts.get(1).previousTroops());
    }

    @Test
    void aTheatreNotSeenBeforeIsANewTheatre() {
        List<Alert> alerts = run(
                report("a").on("2024-10-18").mention(DEPLOYED, true, "KR", "Vladivostok", null, false, null),
                report("b").on("2024-10-28").mention(DEPLOYED, true, "US", "Kursk region", null, false, null),
                report("c").on("2024-11-05").mention(ENGAGED, true, "UA", "Kursk", null, false, null));
        assertEquals(List.of(AlertType.NEW_DEPLOYMENT, AlertType.NEW_THEATRE, AlertType.ENGAGEMENT),
                alerts.stream().map(Alert::type).toList());
        assertEquals("Kursk region", alerts.get(1).situation().theatre());
    }

    @Test
    void officialConfirmationComesOnceAndOnlyAfterOthersReported() {
        List<Alert> alerts = run(
                report("a").on("2024-10-28").lead(DEPLOYED, "US"),
                report("b").on("2025-04-28").lead(DEPLOYED, "KP"),
                report("c").on("2025-04-29").lead(DEPLOYED, "RU"));
        assertEquals(List.of(AlertType.NEW_DEPLOYMENT, AlertType.OFFICIAL_CONFIRMATION),
                alerts.stream().map(Alert::type).toList());
        assertEquals(List.of("KP"), alerts.get(1).claimants());

        Decision firstIsOfficial = decide(null, report("x").lead(DEPLOYED, "KP"));
        assertEquals(List.of(AlertType.NEW_DEPLOYMENT), types(firstIsOfficial));
        assertTrue(firstIsOfficial.state().officiallyConfirmed());
    }

    @Test
    void firstCombatAndFirstOrMateriallyHigherLossesAlert() {
        List<Alert> alerts = run(
                report("a").on("2024-10-28").lead(DEPLOYED, "US"),
                report("b").on("2024-11-05").lead(ENGAGED, "UA"),
                report("c").on("2024-11-06").lead(ENGAGED, "UA"),
                report("d").on("2024-12-01").lead(CASUALTIES, "UA"),
                report("e").on("2024-12-23").mention(CASUALTIES, true, "UA", null, TroopRange.exactly(3000), false,
                        null),
                report("f").on("2025-01-13").mention(CASUALTIES, true, "KR", null, TroopRange.exactly(3100), false,
                        null),
                report("g").on("2025-03-01").mention(CASUALTIES, true, "KR", null, TroopRange.exactly(6000), false,
                        null));
        assertEquals(List.of(AlertType.NEW_DEPLOYMENT, AlertType.ENGAGEMENT, AlertType.CASUALTIES,
                AlertType.CASUALTIES), alerts.stream().map(Alert::type).toList());
        assertEquals(TroopRange.exactly(3100), alerts.get(3).previousTroops(), "the best known count before");
    }

    @Test
    void withdrawalThenRenewedCombatIsARedeployment() {
        List<Alert> alerts = run(
                report("a").on("2024-10-28").lead(DEPLOYED, "US"),
                report("b").on("2024-11-05").lead(ENGAGED, "UA"),
                report("c").on("2025-01-31").lead(WITHDRAWN, "UA"),
                report("d").on("2025-02-05").lead(WITHDRAWN, "KR"),
                report("e").on("2025-03-07").lead(ENGAGED, "UA"));
        assertEquals(List.of(AlertType.NEW_DEPLOYMENT, AlertType.ENGAGEMENT, AlertType.WITHDRAWAL,
                AlertType.REDEPLOYMENT), alerts.stream().map(Alert::type).toList());
        assertEquals(WITHDRAWN, alerts.get(3).from());
    }

    @Test
    void aWithdrawalStoryNamingTheDeploymentItEndsIsAWithdrawalNotAReturn() {
        Decision fresh = decide(null, report("w1").on("2023-12-22").lead(WITHDRAWN, "FR").lead(DEPLOYED, "NE"));
        assertEquals(List.of(AlertType.WITHDRAWAL), types(fresh));
        assertEquals(DEPLOYED, fresh.alerts().get(0).from(), "the named deployment seeds the prior state");
        Decision again = decide(fresh.state(), report("w2").on("2023-12-23").lead(DEPLOYED, "NE")
                .lead(WITHDRAWN, "FR").lead(ENGAGED, "FR"));
        assertEquals(List.of(AlertType.ENGAGEMENT), types(again), "first combat is news, not a return");
        Decision third = decide(again.state(), report("w3").on("2023-12-24").lead(ENGAGED, "FR")
                .lead(WITHDRAWN, "FR"));
        assertTrue(third.alerts().isEmpty());
        assertEquals(WITHDRAWN, third.state().status());
    }

    @Test
    void aPlanThenTheDeployment() {
        List<Alert> alerts = run(
                report("a").on("2024-10-10").lead(PLANNED, "KR"),
                report("b").on("2024-10-11").lead(PLANNED, "UA"),
                report("c").on("2024-10-18").lead(DEPLOYED, "KR"));
        assertEquals(List.of(AlertType.PLANNED, AlertType.NEW_DEPLOYMENT), alerts.stream().map(Alert::type).toList());
        assertEquals(PLANNED, alerts.get(1).from());
    }

    @Test
    void aNumberedPlanForAStandingDeploymentIsAReinforcementOncePerEpisode() {
        List<Alert> alerts = run(
                report("a").on("2024-10-28").mention(DEPLOYED, true, "US", "Kursk", TroopRange.exactly(10000),
                        false, null),
                report("vague").on("2024-11-01").lead(PLANNED, "UA"),
                report("move").on("2024-11-02").mention(PLANNED, true, "UA", "Kherson", null, false, null),
                report("plan").on("2025-06-17").mention(PLANNED, true, "RU", "Kursk", TroopRange.exactly(6000),
                        false, null),
                report("plan2").on("2025-06-19").mention(PLANNED, true, "RU", "Kursk", TroopRange.exactly(6000),
                        false, null),
                report("more").on("2025-06-25").mention(REINFORCED, true, "KR", null, null, false, null));
        assertEquals(List.of(AlertType.NEW_DEPLOYMENT, AlertType.REINFORCEMENT),
                alerts.stream().map(Alert::type).toList());
        assertEquals(PLANNED, alerts.get(1).to());
        assertEquals(TroopRange.exactly(6000), alerts.get(1).troops());
    }

    @Test
    void reinforcementsMonthsApartAreTwoReinforcements() {
        List<Alert> alerts = run(
                report("a").on("2024-10-28").lead(DEPLOYED, "US"),
                report("b").on("2025-02-27").lead(REINFORCED, "KR"),
                report("c").on("2025-02-28").lead(REINFORCED, "KR"),
                report("d").on("2025-06-17").lead(REINFORCED, "KR"));
        assertEquals(List.of(AlertType.NEW_DEPLOYMENT, AlertType.REINFORCEMENT, AlertType.REINFORCEMENT),
                alerts.stream().map(Alert::type).toList());
    }

    @Test
    void alertIdsFollowThePerSituationSequence() {
        List<Alert> alerts = run(
                report("a").on("2024-10-28").lead(DEPLOYED, "US"),
                report("b").on("2024-11-05").lead(ENGAGED, "UA"),
                report("c").on("2025-01-31").lead(WITHDRAWN, "UA"));
        assertEquals(List.of("KP-RU#1", "KP-RU#2", "KP-RU#3"), alerts.stream().map(Alert::alertId).toList());
    }

    @Test
    void stateStaysBoundedOverALongRun() {
        SituationState state = null;
        int atTheBound = 0;
        Instant day = Instant.parse("2020-01-01T00:00:00Z");
        for (int i = 0; i < 2000; i++) {
            Reports r = report("r" + i).by("Outlet " + (i % 300), null).lead(i % 500 == 0 ? WITHDRAWN : DEPLOYED,
                    "US");
            r.on(LocalDate.ofInstant(day.plusSeconds(86_400L * (i / 5)), java.time.ZoneOffset.UTC).toString());
            Decision d = decide(state, r);
            atTheBound += d.evictHistory() ? 1 : 0;
            state = d.state();
        }
        TrackingPolicy policy = TrackingPolicy.defaults();
        assertEquals(policy.maxHistory(), history().size());
        assertEquals(policy.maxHistory(), state.historyCount());
        assertEquals(2000 - policy.maxHistory(), atTheBound, "one entry leaves per report past the bound");
        assertEquals(2000, state.reportSequence());
        assertTrue(situation.fingerprints().size() <= 40, "only the 7-day window: " + situation.fingerprints().size());
        assertEquals(situation.fingerprints().stream().map(ReportFingerprint::published).min(Instant::compareTo)
                .orElseThrow(), state.fingerprintsSince(), "the state knows where the fingerprints start");
        assertTrue(state.sources().size() <= policy.maxSources());
        assertTrue(history().stream().anyMatch(h -> h.disposition() == Disposition.CHANGE
                && h.articleId().equals("r0")), "alert-raising entries are dropped last");
    }
}

package dev.troopwatch.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import dev.troopwatch.alert.Alert;
import dev.troopwatch.alert.AlertType;
import dev.troopwatch.alert.ArticleEvidence;
import dev.troopwatch.alert.Corroboration;
import dev.troopwatch.alert.SituationRef;
import dev.troopwatch.extract.Status;
import dev.troopwatch.extract.TroopRange;
import dev.troopwatch.stream.Json;
import dev.troopwatch.track.Disposition;
import dev.troopwatch.track.HistoryEntry;
import dev.troopwatch.track.SituationKey;
import dev.troopwatch.track.SituationState;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A dashboard backend over in-memory situations and alerts, for handler and page tests that need no broker. It
 * builds the tracking stage's own records (SituationState, HistoryEntry, Alert) and serialises them with the
 * project's mapper, so a change to their JSON shape shows up here too.
 */
final class InMemoryBackend implements SituationDirectory, HealthSource {
    private final Map<String, SituationState> situations = new ConcurrentHashMap<>();
    /** Each situation's history records, oldest first, as the history store's key range holds them. */
    private final Map<String, List<HistoryEntry>> histories = new ConcurrentHashMap<>();
    final AlertLog alerts = new AlertLog(50);
    final DeadLetterLog deadLetters = new DeadLetterLog(5);
    volatile boolean storeReady = true;
    volatile String streamsState = "RUNNING";

    DashboardBackend backend() {
        return new DashboardBackend(this, this, this, alerts, deadLetters, () -> true,
                DashboardMetrics.newRegistry());
    }

    @Override
    public Listing all() {
        checkReady();
        List<JsonNode> all = new ArrayList<>();
        new TreeMap<>(situations).values().forEach(state -> all.add(json(state)));
        return new Listing(all, List.of(new InstanceAnswer("memory", true, all.size(), null)));
    }

    @Override
    public Optional<JsonNode> find(SituationKey key) {
        checkReady();
        return Optional.ofNullable(situations.get(key.toString())).map(this::json);
    }

    /** What {@link LocalSituationStore} answers: the state's JSON with its history records. */
    private JsonNode json(SituationState state) {
        return LocalSituationStore.withHistory(Json.mapper().valueToTree(state),
                histories.getOrDefault(state.situation(), List.of()));
    }

    private void checkReady() {
        if (!storeReady) {
            throw new StoreUnavailableException("store rebalancing", null);
        }
    }

    @Override
    public InstanceHealth local() {
        return new InstanceHealth("memory:1", streamsState, 1.5, 12L, 7L, alerts.total(), deadLetters.total(), 0L,
                null);
    }

    @Override
    public List<InstanceHealth> instances() {
        return List.of(local(), InstanceHealth.unreachable("other:2", "connection refused"));
    }

    /** Records a report that changed the situation and publishes the alert it raised, as the pipeline would. */
    synchronized Alert change(String actor, String host, String theatre, String type, String from, String to,
                              Long min, Long max, String eventDay, String source, String sentence) {
        SituationState before = stateOf(actor, host);
        String key = actor + "-" + host;
        Instant eventTime = LocalDate.parse(eventDay).atTime(9, 0).toInstant(ZoneOffset.UTC);
        ArticleEvidence evidence = evidence(key, before, source, sentence);
        TroopRange troops = min == null && max == null ? null : new TroopRange(min, max);
        long sequence = before.alertSequence() + 1;
        Alert alert = new Alert(key + "#" + sequence, AlertType.valueOf(type), new SituationRef(actor, host, theatre),
                from == null ? null : Status.valueOf(from), Status.valueOf(to), troops, before.troops(),
                List.of("KR"), false, eventTime, Instant.now(), evidence, before.evidence(), new Corroboration(1, 1));
        List<HistoryEntry> history = new ArrayList<>(historyOf(key));
        history.add(entry(eventTime, evidence, Status.valueOf(to), theatre, troops, Disposition.CHANGE,
                List.of(alert.alertId())));
        histories.put(key, history);
        List<String> theatres = new ArrayList<>(before.theatres());
        if (theatre != null && !theatres.contains(theatre)) {
            theatres.add(theatre);
        }
        situations.put(key, new SituationState(key, actor, host, Status.valueOf(to), List.of(Status.valueOf(to)),
                theatre, theatres, troops, null, false, false, false, false, null, List.of("KR"), false, eventTime,
                Instant.now(), evidence, new Corroboration(1, 1), List.of(source), sequence, history.size(),
                history.get(0).eventTime(), null, eventTime, history.size()));
        alerts.append(Json.mapper().valueToTree(alert));
        return alert;
    }

    /** Records a report that repeats the known status in other words: corroboration and a chart point, no alert. */
    synchronized void rereport(String actor, String host, Long min, Long max, String eventDay, String source,
                               String sentence) {
        SituationState s = stateOf(actor, host);
        Instant eventTime = LocalDate.parse(eventDay).atTime(9, 0).toInstant(ZoneOffset.UTC);
        ArticleEvidence evidence = evidence(actor + "-" + host, s, source, sentence);
        List<HistoryEntry> history = new ArrayList<>(historyOf(s.situation()));
        history.add(entry(eventTime, evidence, s.status(), s.theatre(), new TroopRange(min, max),
                Disposition.REREPORT, List.of()));
        histories.put(s.situation(), history);
        List<String> sources = new ArrayList<>(s.sources());
        sources.add(source);
        Corroboration more = new Corroboration(s.corroboration().independentSources() + 1,
                s.corroboration().reports() + 1);
        situations.put(s.situation(), new SituationState(s.situation(), actor, host, s.status(), s.lead(),
                s.theatre(), s.theatres(), s.troops(), null, false, false, false, false, null, s.claimants(), false,
                eventTime, Instant.now(), s.evidence(), more, sources, s.alertSequence(), history.size(),
                history.get(0).eventTime(), history.get(0).eventTime(), eventTime, history.size()));
    }

    private SituationState stateOf(String actor, String host) {
        String key = actor + "-" + host;
        return situations.getOrDefault(key, new SituationState(key, actor, host, null, null, null, null, null, null,
                false, false, false, false, null, null, false, null, null, null, null, null, 0, 0, null, null, null, 0));
    }

    private List<HistoryEntry> historyOf(String key) {
        return histories.getOrDefault(key, List.of());
    }

    private ArticleEvidence evidence(String key, SituationState state, String source, String sentence) {
        int n = historyOf(state.situation()).size() + 1;
        String id = "wire-" + key.toLowerCase() + "-" + n;
        return new ArticleEvidence(id, source, "https://example.org/wire/" + id, "Troop report " + n + " on " + key,
                sentence);
    }

    private static HistoryEntry entry(Instant eventTime, ArticleEvidence evidence, Status status, String theatre,
                                      TroopRange troops, Disposition disposition, List<String> alertIds) {
        return new HistoryEntry(eventTime, Instant.now(), evidence.articleId(), evidence.source(), null,
                evidence.url(), evidence.headline(), status == null ? List.of() : List.of(status), List.of(),
                theatre, troops, List.of("KR"), false, evidence.sentence(), disposition, null, alertIds);
    }
}

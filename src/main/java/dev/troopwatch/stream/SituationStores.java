package dev.troopwatch.stream;

import dev.troopwatch.alert.Alert;
import dev.troopwatch.track.ArticleReport;
import dev.troopwatch.track.Decision;
import dev.troopwatch.track.Disposition;
import dev.troopwatch.track.FingerprintChange;
import dev.troopwatch.track.HistoryEntry;
import dev.troopwatch.track.HistoryRetention;
import dev.troopwatch.track.ReportFingerprint;
import dev.troopwatch.track.SituationKey;
import dev.troopwatch.track.SituationState;
import dev.troopwatch.track.SituationUpdate;
import dev.troopwatch.track.TransitionDecider;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.ProcessingContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * A situation's three stores and the one way they change: {@link #apply} reads what the pure
 * {@link TransitionDecider} needs (the compact state, the fingerprints of the report's syndication window, whether
 * the article was recorded already), asks it, and writes what the decision says: the new state, one history record
 * appended (and, at the bound, one dropped), the report's fingerprint remembered and those out of the window
 * forgotten. Every read is a point lookup or a range scan that starts where the situation's live records start
 * (the state keeps those lower bounds), so a report costs the same whether its situation has seen ten reports or a
 * million: deleted records, which a range scan from the situation's first key would walk until compaction, are
 * never scanned.
 */
final class SituationStores {
    private final TransitionDecider decider;
    private final Duration window;
    private final KeyValueStore<String, SituationState> situations;
    private final KeyValueStore<String, HistoryEntry> history;
    private final KeyValueStore<String, ReportFingerprint> fingerprints;

    SituationStores(TransitionDecider decider, KeyValueStore<String, SituationState> situations,
                    KeyValueStore<String, HistoryEntry> history, KeyValueStore<String, ReportFingerprint> fingerprints) {
        this.decider = Objects.requireNonNull(decider, "decider");
        this.window = decider.policy().syndicationWindow();
        this.situations = Objects.requireNonNull(situations, "situations");
        this.history = Objects.requireNonNull(history, "history");
        this.fingerprints = Objects.requireNonNull(fingerprints, "fingerprints");
    }

    /** The stores of a processor that declared {@link #builders()}. */
    static SituationStores of(TransitionDecider decider, ProcessingContext context) {
        return new SituationStores(decider, context.getStateStore(StoreNames.SITUATIONS),
                context.getStateStore(StoreNames.HISTORY), context.getStateStore(StoreNames.FINGERPRINTS));
    }

    /** The changelogged stores {@link #apply} uses, each named. */
    static Set<StoreBuilder<?>> builders() {
        return Set.of(situationsBuilder(), historyBuilder(), fingerprintsBuilder());
    }

    static StoreBuilder<KeyValueStore<String, SituationState>> situationsBuilder() {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.SITUATIONS), Serdes.String(),
                        JsonSerde.serdeFor(SituationState.class))
                .withLoggingEnabled(Map.of());
    }

    static StoreBuilder<KeyValueStore<String, HistoryEntry>> historyBuilder() {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.HISTORY), Serdes.String(),
                        JsonSerde.serdeFor(HistoryEntry.class))
                .withLoggingEnabled(Map.of());
    }

    static StoreBuilder<KeyValueStore<String, ReportFingerprint>> fingerprintsBuilder() {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.FINGERPRINTS), Serdes.String(),
                        FingerprintSerde.serde())
                .withLoggingEnabled(Map.of());
    }

    /**
     * Applies one report to its situation: what to forward, in order (the alerts, then the situation update), or
     * nothing when the report is a duplicate.
     */
    List<TrackerOutput> apply(String situationKey, ArticleReport report, long nowMs) {
        SituationKey key = SituationKey.parse(situationKey);
        SituationState prior = situations.get(situationKey);
        List<ReportFingerprint> recent = recentFingerprints(situationKey, prior, report.published());
        boolean seen = prior != null && recorded(situationKey, report);
        Decision decision = decider.decide(key, prior, recent, seen, report, Instant.ofEpochMilli(nowMs));
        if (decision.disposition() == Disposition.DUPLICATE) {
            return List.of();
        }
        SituationState state = record(situationKey, decision.state(), decision.recorded(), decision.evictHistory());
        remember(situationKey, prior, decision.fingerprints());
        situations.put(situationKey, state);
        List<TrackerOutput> outputs = new ArrayList<>(decision.alerts().size() + 1);
        for (Alert alert : decision.alerts()) {
            outputs.add(TrackerOutput.alert(alert));
        }
        outputs.add(TrackerOutput.state(new SituationUpdate(state, decision.recorded())));
        return outputs;
    }

    /**
     * The fingerprints the syndication check needs: those published from the window before the report on (later
     * ones too: the newest decides what is forgotten). Nothing the situation remembers is older than its
     * {@code fingerprints_since}, so the scan starts there when that is later.
     */
    private List<ReportFingerprint> recentFingerprints(String situation, SituationState prior, Instant published) {
        if (prior == null || prior.fingerprintsSince() == null) {
            return List.of();
        }
        Instant from = published.minus(window);
        if (prior.fingerprintsSince().isAfter(from)) {
            from = prior.fingerprintsSince();
        }
        List<ReportFingerprint> recent = new ArrayList<>();
        try (KeyValueIterator<String, ReportFingerprint> range = fingerprints.range(ReportKeys.from(situation, from),
                ReportKeys.end(situation))) {
            range.forEachRemaining(entry -> recent.add(entry.value));
        }
        return recent;
    }

    /**
     * Whether the situation recorded this article already. A redelivery carries the article's publication time,
     * so the fingerprint is a point lookup; once the fingerprint has left the window, the history records of that
     * very millisecond are checked (their keys also hold an arrival sequence, unknown here).
     */
    private boolean recorded(String situation, ArticleReport report) {
        if (fingerprints.get(ReportKeys.fingerprint(situation, report.published(), report.id())) != null) {
            return true;
        }
        try (KeyValueIterator<String, HistoryEntry> same = history.range(
                ReportKeys.from(situation, report.published()),
                ReportKeys.from(situation, report.published().plusMillis(1)))) {
            while (same.hasNext()) {
                if (same.next().value.articleId().equals(report.id())) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Appends the report's history record; at the bound drops the one {@link HistoryRetention} picks. The entries
     * that raised no alert all lie from the state's {@code evictable_since} on, so the retention reads from there:
     * past the alert-raising entries kept at the front, and past the deleted entries, which a scan from the
     * situation's first key would walk one by one until RocksDB compacts them away. Only when no such entry is left
     * does it read from the first entry ({@code history_since}). Both bounds move with what is dropped.
     */
    private SituationState record(String situation, SituationState state, HistoryEntry entry, boolean evict) {
        history.put(ReportKeys.history(situation, entry.eventTime(), state.reportSequence(), entry.articleId()),
                entry);
        if (!evict) {
            return state;
        }
        Optional<KeyValue<String, HistoryEntry>> dropped = Optional.empty();
        if (state.evictableSince() != null) {
            dropped = evictedFrom(situation, state.evictableSince())
                    .filter(kv -> kv.value.disposition() != Disposition.CHANGE);
        }
        boolean evictable = dropped.isPresent();
        if (!evictable) {
            dropped = evictedFrom(situation, state.historySince());
        }
        if (dropped.isEmpty()) {
            return state;
        }
        history.delete(dropped.get().key);
        Instant droppedAt = dropped.get().value.eventTime();
        Instant since = state.historySince();
        if (!droppedAt.isAfter(since)) {
            try (KeyValueIterator<String, HistoryEntry> rest = history.range(ReportKeys.from(situation, droppedAt),
                    ReportKeys.end(situation))) {
                since = rest.hasNext() ? rest.next().value.eventTime() : null;
            }
        }
        // the entry dropped was the oldest that raised no alert: the next one lies at its time or later
        return state.withHistoryBounds(since, evictable ? droppedAt : null);
    }

    private Optional<KeyValue<String, HistoryEntry>> evictedFrom(String situation, Instant from) {
        try (KeyValueIterator<String, HistoryEntry> oldestFirst = history.range(ReportKeys.from(situation, from),
                ReportKeys.end(situation))) {
            return HistoryRetention.evicted(oldestFirst, kv -> kv.value);
        }
    }

    /** Forgets what left the window (from the oldest remembered on) or is over the count, remembers the report's. */
    private void remember(String situation, SituationState prior, FingerprintChange change) {
        if (change.forgetBefore() != null && prior != null && prior.fingerprintsSince() != null
                && prior.fingerprintsSince().isBefore(change.forgetBefore())) {
            List<String> expired = new ArrayList<>();
            try (KeyValueIterator<String, ReportFingerprint> old = fingerprints.range(
                    ReportKeys.from(situation, prior.fingerprintsSince()),
                    ReportKeys.from(situation, change.forgetBefore()))) {
                old.forEachRemaining(entry -> expired.add(entry.key));
            }
            expired.forEach(fingerprints::delete);
        }
        for (ReportFingerprint forgotten : change.forget()) {
            fingerprints.delete(ReportKeys.fingerprint(situation, forgotten.published(), forgotten.articleId()));
        }
        if (change.remember() != null) {
            ReportFingerprint kept = change.remember();
            fingerprints.put(ReportKeys.fingerprint(situation, kept.published(), kept.articleId()), kept);
        }
    }
}

package dev.troopwatch.track;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One situation's state, history and fingerprints held in lists, changed as the tracker's stores are: the decider
 * gets the state, the fingerprints from the report's window on and whether the article was recorded, and the
 * decision's additions and removals are applied. Lets the decider's tests read the history a run leaves behind
 * without Kafka.
 */
final class InMemorySituation {
    private final TransitionDecider decider;
    private final SituationKey key;
    private SituationState state;
    /** Oldest first; same-time entries in arrival order, as the store's keys order them. */
    private final List<Sequenced> history = new ArrayList<>();
    private final List<ReportFingerprint> fingerprints = new ArrayList<>();

    InMemorySituation(TransitionDecider decider, SituationKey key) {
        this.decider = decider;
        this.key = key;
    }

    Decision apply(ArticleReport report, Instant now) {
        Instant from = report.published().minus(decider.policy().syndicationWindow());
        List<ReportFingerprint> recent = fingerprints.stream().filter(f -> !f.published().isBefore(from))
                .sorted(Comparator.comparing(ReportFingerprint::published)).toList();
        boolean seen = fingerprints.stream().anyMatch(f -> same(f.articleId(), f.published(), report))
                || history.stream().anyMatch(h -> same(h.entry.articleId(), h.entry.eventTime(), report));
        Decision decision = decider.decide(key, state, recent, seen, report, now);
        if (decision.disposition() == Disposition.DUPLICATE) {
            return decision;
        }
        history.add(new Sequenced(decision.state().reportSequence(), decision.recorded()));
        history.sort(Comparator.comparing((Sequenced s) -> s.entry.eventTime()).thenComparing(s -> s.sequence));
        SituationState next = decision.state();
        if (decision.evictHistory()) {
            HistoryRetention.evicted(history.iterator(), s -> s.entry).ifPresent(history::remove);
            next = next.withHistoryBounds(history.isEmpty() ? null : history.get(0).entry.eventTime(),
                    history.stream().map(s -> s.entry).filter(h -> h.disposition() != Disposition.CHANGE)
                            .map(HistoryEntry::eventTime).findFirst().orElse(null));
        }
        FingerprintChange change = decision.fingerprints();
        if (change.forgetBefore() != null) {
            fingerprints.removeIf(f -> f.published().isBefore(change.forgetBefore()));
        }
        fingerprints.removeAll(change.forget());
        if (change.remember() != null) {
            fingerprints.add(change.remember());
        }
        state = next;
        return decision;
    }

    SituationState state() {
        return state;
    }

    List<HistoryEntry> history() {
        return history.stream().map(s -> s.entry).toList();
    }

    List<ReportFingerprint> fingerprints() {
        return List.copyOf(fingerprints);
    }

    private static boolean same(String id, Instant time, ArticleReport report) {
        return id.equals(report.id()) && time.equals(report.published());
    }

    private record Sequenced(long sequence, HistoryEntry entry) {
    }
}

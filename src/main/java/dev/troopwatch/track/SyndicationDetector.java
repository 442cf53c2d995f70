package dev.troopwatch.track;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Recognises syndicated copies: the same wire reprinted by several outlets is one report. A report is a copy of an
 * earlier one when their texts are near-duplicates (MinHash similarity) and they were published within the
 * window of each other, unless both name an originating agency and the agencies differ (two agencies do not
 * write each other's copy). Pure; the remembered fingerprints live in the tracker's fingerprint store.
 */
public final class SyndicationDetector {
    private final Duration window;
    private final double minSimilarity;
    private final int maxFingerprints;

    public SyndicationDetector(Duration window, double minSimilarity, int maxFingerprints) {
        this.window = Objects.requireNonNull(window, "window");
        this.minSimilarity = minSimilarity;
        this.maxFingerprints = maxFingerprints;
    }

    public static SyndicationDetector of(TrackingPolicy policy) {
        return new SyndicationDetector(policy.syndicationWindow(), policy.minCopySimilarity(),
                policy.maxFingerprints());
    }

    /** The most similar earlier report that {@code candidate} copies, if any. */
    public Optional<ReportFingerprint> originalOf(ReportFingerprint candidate, List<ReportFingerprint> recent) {
        ReportFingerprint best = null;
        double bestSimilarity = 0.0;
        for (ReportFingerprint earlier : recent) {
            if (earlier.articleId().equals(candidate.articleId()) || !withinWindow(earlier, candidate)
                    || agenciesDiffer(earlier, candidate)) {
                continue;
            }
            double similarity = MinHash.similarity(earlier.signature(), candidate.signature());
            if (similarity >= minSimilarity && similarity > bestSimilarity) {
                best = earlier;
                bestSimilarity = similarity;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * The fingerprints to keep after adding {@code added}: those within the window of the newest publication time,
     * at most {@code maxFingerprints}, the newest kept, oldest first. Bounded whatever the stream's length.
     * {@code recent} must hold every remembered fingerprint from {@code added}'s publication time minus the window
     * on: older ones are out of the window of the result's newest anyway.
     */
    public List<ReportFingerprint> retained(List<ReportFingerprint> recent, ReportFingerprint added) {
        List<ReportFingerprint> kept = new ArrayList<>(recent.size() + 1);
        kept.addAll(recent);
        kept.add(added);
        Instant newest = kept.stream().map(ReportFingerprint::published).max(Comparator.naturalOrder())
                .orElseThrow();
        Instant horizon = newest.minus(window);
        kept.removeIf(fingerprint -> fingerprint.published().isBefore(horizon));
        kept.sort(Comparator.comparing(ReportFingerprint::published));
        if (kept.size() > maxFingerprints) {
            return List.copyOf(kept.subList(kept.size() - maxFingerprints, kept.size()));
        }
        return List.copyOf(kept);
    }

    /** What keeping {@code kept} ({@link #retained}) changes in the remembered fingerprints. */
    public FingerprintChange change(List<ReportFingerprint> recent, ReportFingerprint added,
                                    List<ReportFingerprint> kept) {
        Instant horizon = kept.get(kept.size() - 1).published().minus(window);
        Set<ReportFingerprint> keep = new HashSet<>(kept);
        List<ReportFingerprint> overCount = recent.stream()
                .filter(f -> !keep.contains(f) && !f.published().isBefore(horizon)).toList();
        return new FingerprintChange(keep.contains(added) ? added : null, horizon, overCount);
    }

    private boolean withinWindow(ReportFingerprint a, ReportFingerprint b) {
        return Duration.between(a.published(), b.published()).abs().compareTo(window) <= 0;
    }

    private static boolean agenciesDiffer(ReportFingerprint a, ReportFingerprint b) {
        return a.agency() != null && b.agency() != null
                && !a.agency().toUpperCase(Locale.ROOT).equals(b.agency().toUpperCase(Locale.ROOT));
    }
}

package dev.troopwatch.track;

import java.time.Duration;
import java.util.Objects;

/**
 * The tunable limits of situation tracking.
 *
 * @param syndicationWindow     how far apart in publication time two texts may be and still count as copies
 * @param minCopySimilarity     estimated Jaccard similarity of two texts' shingles from which one is a copy
 * @param reinforcementEpisode  reinforcement reports within this time of the first one describe the same
 *                              reinforcement; a later one is a new reinforcement
 * @param troopGrowth           factor by which a troop number must exceed the known one to be a reinforcement
 * @param casualtyGrowth        factor by which a loss count must exceed the known one to alert again
 * @param maxHistory            history entries kept per situation (alert-raising entries are dropped last)
 * @param maxFingerprints       recent fingerprints kept per situation, on top of the time window
 * @param maxSources            independent sources remembered for the current status
 */
public record TrackingPolicy(Duration syndicationWindow, double minCopySimilarity, Duration reinforcementEpisode,
                             double troopGrowth, double casualtyGrowth, int maxHistory, int maxFingerprints,
                             int maxSources) {
    public TrackingPolicy {
        Objects.requireNonNull(syndicationWindow, "syndicationWindow");
        Objects.requireNonNull(reinforcementEpisode, "reinforcementEpisode");
        if (minCopySimilarity <= 0.0 || minCopySimilarity > 1.0) {
            throw new IllegalArgumentException("minCopySimilarity must be in (0, 1]: " + minCopySimilarity);
        }
        if (troopGrowth < 1.0 || casualtyGrowth < 1.0) {
            throw new IllegalArgumentException("growth factors must be >= 1");
        }
        if (maxHistory < 1 || maxFingerprints < 1 || maxSources < 1) {
            throw new IllegalArgumentException("bounds must be positive");
        }
    }

    /**
     * Defaults: a 7-day syndication window, copies from 8 of 32 equal MinHash slots (see {@link MinHash}), a
     * 30-day reinforcement episode, +10% troops, +50% losses.
     */
    public static TrackingPolicy defaults() {
        return new TrackingPolicy(Duration.ofDays(7), 0.25, Duration.ofDays(30), 1.10, 1.5,
                200, 256, 64);
    }
}

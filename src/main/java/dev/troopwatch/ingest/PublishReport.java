package dev.troopwatch.ingest;

import java.util.List;

/**
 * Outcome of one publish run.
 *
 * @param published  articles the broker acknowledged (acks=all)
 * @param rejected   inputs not published, each with its reason (unreadable, or the send failed)
 */
public record PublishReport(int published, List<Rejection> rejected) {
    public PublishReport {
        rejected = List.copyOf(rejected);
    }

    public String summary() {
        return "published " + published + ", rejected " + rejected.size();
    }
}

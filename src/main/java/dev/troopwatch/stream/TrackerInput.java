package dev.troopwatch.stream;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.troopwatch.track.ArticleReport;

/**
 * A record of the situation-reports repartition topic: a report of one article about one situation (key = the
 * situation), or a progress note of one source (no report; written to every partition). Both carry the progress of
 * the source that sent them, which is what lets the tracker release reports in publication order
 * ({@link SourceClocks}).
 *
 * @param source    partition of the extract task that sent it
 * @param sources   how many sources there are (partitions of this topic, one per upstream partition), 0 when the
 *                  sender did not know yet
 * @param watermark latest publication time (epoch millis) the source had seen when it sent this
 * @param idle      the source had processed everything it could read (a progress note only)
 * @param caughtUpAt for an idle note: the source's wall clock up to which everything appended to its partition had
 *                  been processed (epoch millis); a report sent before then cannot be overtaken by one of this source
 * @param sentAt    the source's wall clock when it sent this, epoch millis
 * @param report    the report, or null for a progress note
 */
public record TrackerInput(int source, int sources, long watermark, boolean idle,
                           @JsonProperty("caught_up_at") long caughtUpAt, @JsonProperty("sent_at") long sentAt,
                           ArticleReport report) {
    /**
     * Key prefix of a progress note ("~progress-3" from source 3): a note goes to every partition, so its key only
     * names the source for readers, and tells a reader of the topic a note from a report.
     */
    public static final String PROGRESS_KEY_PREFIX = "~progress-";

    static TrackerInput report(int source, int sources, long watermark, long sentAt, ArticleReport report) {
        return new TrackerInput(source, sources, watermark, false, 0L, sentAt, report);
    }

    /** A progress note: idle (caught up as of {@code caughtUpAt}) or busy ({@code caughtUpAt} is ignored). */
    static TrackerInput progress(int source, int sources, long watermark, boolean idle, long caughtUpAt,
                                 long sentAt) {
        return new TrackerInput(source, sources, watermark, idle, idle ? caughtUpAt : 0L, sentAt, null);
    }

    boolean isProgress() {
        return report == null;
    }
}

package dev.troopwatch.stream;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.troopwatch.track.ArticleReport;
import java.util.Objects;

/**
 * A report waiting in the tracker's reorder buffer ({@link StoreNames#REPORT_BUFFER}).
 *
 * @param situation "ACTOR-HOST"
 * @param arrivedAt when its source sent it (the source's wall clock, epoch milliseconds): how long it has waited
 *                  is measured on the tracker's input clock ({@link SourceClocks#inputClock()})
 * @param report    the report
 */
public record BufferedReport(String situation, @JsonProperty("arrived_at") long arrivedAt, ArticleReport report) {
    public BufferedReport {
        Objects.requireNonNull(situation, "situation");
        Objects.requireNonNull(report, "report");
    }
}

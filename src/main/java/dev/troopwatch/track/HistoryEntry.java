package dev.troopwatch.track;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.troopwatch.extract.Status;
import dev.troopwatch.extract.TroopRange;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One report in a situation's history, in event-time order. A record of its own in the history store and the
 * {@code report} of a situation update, so its free-text fields are bounded: a history entry is for reading, the
 * alert carries the evidence whole, and an article with a megabyte url must not make a record too big to write.
 *
 * @param eventTime   publication time of the report
 * @param detectedAt  when the pipeline processed it
 * @param articleId   article id
 * @param source      outlet, or null
 * @param agency      originating agency, or null
 * @param url         story url, or null
 * @param headline    headline, or null
 * @param lead        statuses the report gives as news
 * @param background  statuses it mentions as background
 * @param theatre     theatre of the lead, or null
 * @param troops      troop number of the lead, or null
 * @param claimants   who asserts the lead
 * @param hedged      every lead statement is hedged
 * @param sentence    the first lead sentence (or first background sentence when there is no lead)
 * @param disposition what the report did to the situation
 * @param copyOf      for a reprint: id of the earlier article it copies
 * @param alertIds    ids of the alerts it raised
 */
public record HistoryEntry(@JsonProperty("event_time") Instant eventTime,
                           @JsonProperty("detected_at") Instant detectedAt,
                           @JsonProperty("article_id") String articleId, String source, String agency, String url,
                           String headline, List<Status> lead, List<Status> background, String theatre,
                           TroopRange troops, List<String> claimants, boolean hedged, String sentence,
                           Disposition disposition, @JsonProperty("copy_of") String copyOf,
                           @JsonProperty("alert_ids") List<String> alertIds) {
    static final int MAX_URL = 2_048;
    static final int MAX_SOURCE = 200;
    static final int MAX_HEADLINE = 400;

    public HistoryEntry {
        Objects.requireNonNull(eventTime, "eventTime");
        Objects.requireNonNull(articleId, "articleId");
        Objects.requireNonNull(disposition, "disposition");
        lead = lead == null ? List.of() : List.copyOf(lead);
        background = background == null ? List.of() : List.copyOf(background);
        claimants = claimants == null ? List.of() : List.copyOf(claimants);
        alertIds = alertIds == null ? List.of() : List.copyOf(alertIds);
        url = clipped(url, MAX_URL);
        source = clipped(source, MAX_SOURCE);
        agency = clipped(agency, MAX_SOURCE);
        headline = clipped(headline, MAX_HEADLINE);
    }

    /** At most {@code max} characters, "..." marking a cut (never splitting a surrogate pair). */
    static String clipped(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int end = max - 3;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "...";
    }
}

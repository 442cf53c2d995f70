package dev.troopwatch.extract;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * One troop-deployment statement found in an article.
 *
 * @param actor     ISO 3166-1 alpha-2 code of whose troops ("UN" for UN peacekeepers)
 * @param host      ISO code of the country where they are or are going ("ZZ" for a region with no country)
 * @param theatre   most specific named place in the host, or null
 * @param status    what the statement asserts
 * @param lead      true when the statement is the article's news (headline / first paragraph)
 * @param troops    troop count, or null
 * @param claimant  who asserts it: ISO code, "NATO", "UN", "media", or null when unattributed
 * @param hedged    "reportedly", "appear to", "believed to", ...
 * @param eventTime when it happened, resolved against the publication date, or null
 * @param evidence  the supporting sentence
 */
public record Mention(String actor, String host, String theatre, Status status, boolean lead, TroopRange troops,
                      String claimant, boolean hedged, @JsonProperty("event_time") EventTime eventTime,
                      Evidence evidence) {
    public Mention {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(evidence, "evidence");
    }
}

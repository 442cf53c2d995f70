package dev.troopwatch.track;

import dev.troopwatch.extract.Mention;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the extract stage says about one article for one situation: the article's identity, its text fingerprint
 * and the mentions of that situation. Written to the {@code situation-reports} repartition topic, key = situation.
 *
 * @param id        article id
 * @param url       story url, or null
 * @param source    outlet, or null
 * @param headline  headline, or null
 * @param published publication time (the event time)
 * @param agency    originating agency, or null
 * @param signature MinHash signature of the normalised body's word shingles ({@link MinHash})
 * @param mentions  the article's mentions of this situation
 */
public record ArticleReport(String id, String url, String source, String headline, Instant published,
                            String agency, String signature, List<Mention> mentions) {
    public ArticleReport {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(published, "published");
        Objects.requireNonNull(signature, "signature");
        mentions = mentions == null ? List.of() : List.copyOf(mentions);
    }
}

package dev.troopwatch.track;

import dev.troopwatch.extract.EventTime;
import dev.troopwatch.extract.Evidence;
import dev.troopwatch.extract.Mention;
import dev.troopwatch.extract.Status;
import dev.troopwatch.extract.TroopRange;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Builds reports for decision tests: our own short sentences, one behaviour each. */
final class Reports {
    private final String id;
    private String source = "Test Wire";
    private String agency;
    private Instant published = Instant.parse("2025-01-01T00:00:00Z");
    private String text;
    private final List<Mention> mentions = new ArrayList<>();

    private Reports(String id) {
        this.id = id;
        this.text = distinctText(id);
    }

    /** Forty pseudo-random words seeded by the id, so that no two test reports look like copies. */
    private static String distinctText(String id) {
        Random random = new Random(id.hashCode());
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            text.append("w").append(random.nextInt(100_000)).append(' ');
        }
        return text.toString();
    }

    static Reports report(String id) {
        return new Reports(id);
    }

    Reports on(String day) {
        published = LocalDate.parse(day).atStartOfDay().toInstant(ZoneOffset.UTC);
        return this;
    }

    Reports by(String source, String agency) {
        this.source = source;
        this.agency = agency;
        return this;
    }

    Reports text(String body) {
        this.text = body;
        return this;
    }

    Reports lead(Status status, String claimant) {
        return mention(status, true, claimant, null, null, false, null);
    }

    Reports background(Status status) {
        return mention(status, false, null, null, null, false, null);
    }

    Reports mention(Status status, boolean lead, String claimant, String theatre, TroopRange troops, boolean hedged,
                    EventTime eventTime) {
        String sentence = "Sentence " + (mentions.size() + 1) + " of " + id + " asserting " + status + ".";
        mentions.add(new Mention("KP", "RU", theatre, status, lead, troops, claimant, hedged, eventTime,
                new Evidence(sentence, 0, sentence.length())));
        return this;
    }

    ArticleReport build() {
        return new ArticleReport(id, "https://example.test/" + id, source, "Headline of " + id, published, agency,
                MinHash.signature(text), mentions);
    }
}

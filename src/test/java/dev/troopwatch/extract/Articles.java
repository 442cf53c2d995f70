package dev.troopwatch.extract;

import dev.troopwatch.ingest.RawArticle;
import dev.troopwatch.normalise.ArticleNormaliser;
import dev.troopwatch.normalise.NormalisedArticle;
import java.util.List;

/** Test articles written for these tests, normalised by the real normaliser, published on a pinned date. */
final class Articles {
    static final String PUBLISHED = "2025-03-07";
    private static final ArticleNormaliser NORMALISER = ArticleNormaliser.withDefaultRules();
    static final RuleExtractor EXTRACTOR = RuleExtractor.withDefaultRules();

    private Articles() {
    }

    static NormalisedArticle article(String headline, String... paragraphs) {
        RawArticle raw = new RawArticle("test-" + Math.abs((headline + String.join("", paragraphs)).hashCode()), null,
                "Test Wire", headline, PUBLISHED, "en", String.join("\n\n", paragraphs));
        return ArticleInput.normalise(raw, NORMALISER);
    }

    static List<Mention> extract(String headline, String... paragraphs) {
        return EXTRACTOR.extract(article(headline, paragraphs));
    }

    /** "actor/host STATUS" of every mention, for compact assertions. */
    static List<String> triples(List<Mention> mentions) {
        return mentions.stream().map(m -> m.actor() + "/" + m.host() + " " + m.status()).distinct().toList();
    }
}

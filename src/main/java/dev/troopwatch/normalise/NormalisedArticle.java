package dev.troopwatch.normalise;

import java.time.Instant;
import java.util.List;

/**
 * A cleaned article, as written to the internal {@code troopwatch.articles.clean} topic and read by the extractor.
 *
 * <p>{@code text} is the normalised headline, a blank line, then the normalised body with boilerplate removed and
 * paragraphs separated by blank lines. Every offset in the pipeline (sentences, evidence) points into {@code text}.
 *
 * @param id          article id (never null)
 * @param url         story url, or null
 * @param source      outlet, or null
 * @param headline    normalised headline (may be empty)
 * @param published   publication instant (a date-only input means 00:00 UTC that day)
 * @param language    language code, "en" once accepted
 * @param text        normalised headline + body
 * @param paragraphs  paragraph spans in text; the first is the headline
 * @param sentences   sentence spans in text, in order
 * @param leadEnd     offset in text where the lead (headline + first news paragraph) ends
 * @param dateline    dateline place ("SEOUL"), or null
 * @param agency      originating agency ("AFP", "AP", "Reuters", ...), or null
 */
public record NormalisedArticle(String id, String url, String source, String headline, Instant published,
                                String language, String text, List<TextSpan> paragraphs, List<TextSpan> sentences,
                                int leadEnd, String dateline, String agency) {
    public NormalisedArticle {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("article id is required");
        }
        if (text == null) {
            throw new IllegalArgumentException("text is required");
        }
        paragraphs = List.copyOf(paragraphs);
        sentences = List.copyOf(sentences);
    }
}

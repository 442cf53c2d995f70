package dev.troopwatch.stream;

import com.fasterxml.jackson.databind.JsonNode;
import dev.troopwatch.extract.EventExtractor;
import dev.troopwatch.extract.Evidence;
import dev.troopwatch.extract.Mention;
import dev.troopwatch.extract.Status;
import dev.troopwatch.normalise.ArticleValidator;
import dev.troopwatch.normalise.NormalisedArticle;
import dev.troopwatch.normalise.TextSpan;
import dev.troopwatch.track.TrackingPolicy;
import dev.troopwatch.track.TransitionDecider;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Stages with a fully known behaviour, for tests of the topology's wiring that must not depend on the quality of
 * the real normaliser or extractor: a minimal cleaner and an extractor that returns scripted mentions by article id.
 */
final class ScriptedParts {
    private final Map<String, List<Mention>> mentions = new HashMap<>();

    ScriptedParts script(String articleId, String actor, String host, Status status, boolean lead) {
        String sentence = "Scripted sentence for " + articleId + ".";
        mentions.computeIfAbsent(articleId, k -> new ArrayList<>()).add(new Mention(actor, host, null, status, lead,
                null, "KR", false, null, new Evidence(sentence, 0, sentence.length())));
        return this;
    }

    PipelineParts parts() {
        EventExtractor extractor = article -> {
            if (article.text().contains("THROW")) {
                throw new IllegalStateException("scripted extractor failure");
            }
            return mentions.getOrDefault(article.id(), List.of());
        };
        return new PipelineParts(ScriptedParts::clean, extractor, new TransitionDecider(TrackingPolicy.defaults()));
    }

    /** Accepts any JSON object with id, headline and body; the publication date falls back to the record time. */
    static CleaningOutcome clean(byte[] value, Instant recordTime) {
        JsonNode node;
        try {
            node = Json.mapper().readTree(value);
        } catch (IOException e) {
            return CleaningOutcome.rejected("not-json", e.getMessage());
        }
        if (node == null || !node.hasNonNull("id") || !node.hasNonNull("headline") || !node.hasNonNull("body")) {
            return CleaningOutcome.rejected("missing-field", "id, headline and body are required");
        }
        String headline = node.get("headline").asText();
        String text = headline + "\n\n" + node.get("body").asText();
        TextSpan head = new TextSpan(0, headline.length());
        TextSpan body = new TextSpan(headline.length() + 2, text.length());
        Instant published = node.hasNonNull("published")
                ? ArticleValidator.publishedInstantOrNull(node.get("published").asText()) : recordTime;
        return CleaningOutcome.clean(new NormalisedArticle(node.get("id").asText(), null,
                node.path("source").asText(null), headline, published, "en", text, List.of(head, body),
                List.of(head, body), text.length(), null, node.path("agency").asText(null)));
    }
}

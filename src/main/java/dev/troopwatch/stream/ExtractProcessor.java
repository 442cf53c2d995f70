package dev.troopwatch.stream;

import dev.troopwatch.extract.EventExtractor;
import dev.troopwatch.extract.Mention;
import dev.troopwatch.normalise.NormalisedArticle;
import dev.troopwatch.track.ArticleReport;
import dev.troopwatch.track.MinHash;
import dev.troopwatch.track.SituationKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Extracts an article's mentions and forwards one {@link ArticleReport} per situation it mentions, keyed by the
 * situation ("KP-RU"), ready for the repartition. An article with no mention forwards nothing. The text
 * fingerprint is computed here, once per article, over the body without the headline (outlets retitle wires).
 */
final class ExtractProcessor implements Processor<String, NormalisedArticle, String, ArticleReport> {
    private final EventExtractor extractor;
    private ProcessorContext<String, ArticleReport> context;

    ExtractProcessor(EventExtractor extractor) {
        this.extractor = extractor;
    }

    @Override
    public void init(ProcessorContext<String, ArticleReport> context) {
        this.context = context;
    }

    @Override
    public void process(Record<String, NormalisedArticle> record) {
        NormalisedArticle article = record.value();
        if (article == null) {
            return;
        }
        List<Mention> mentions = extractor.extract(article);
        if (mentions.isEmpty()) {
            return;
        }
        Map<String, List<Mention>> bySituation = new LinkedHashMap<>();
        for (Mention mention : mentions) {
            String key = new SituationKey(mention.actor(), mention.host()).toString();
            bySituation.computeIfAbsent(key, k -> new ArrayList<>()).add(mention);
        }
        String signature = MinHash.signature(body(article));
        for (Map.Entry<String, List<Mention>> situation : bySituation.entrySet()) {
            ArticleReport report = new ArticleReport(article.id(), article.url(), article.source(),
                    article.headline(), article.published(), article.agency(), signature, situation.getValue());
            context.forward(record.withKey(situation.getKey()).withValue(report));
        }
    }

    /** The normalised text after the headline paragraph; the whole text when there is no second paragraph. */
    static String body(NormalisedArticle article) {
        if (article.paragraphs().size() > 1) {
            return article.text().substring(article.paragraphs().get(1).start());
        }
        return article.text();
    }
}

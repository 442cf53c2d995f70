package dev.troopwatch.extract;

import dev.troopwatch.normalise.NormalisedArticle;
import java.util.List;

/**
 * Rule-based troop-deployment extractor: lexicon lookups over tokens (one hashed trie walk per token), local
 * syntax windows for scope (negation, hypotheticals, denials, planning), and a light article-level context
 * that resolves "the troops" / "they" to the article's dominant situation. See {@link ArticleAnalysis}.
 *
 * <p>Immutable and thread-safe: the lexicon is loaded once; all per-article state lives in a fresh
 * {@link ArticleAnalysis}.
 */
public final class RuleExtractor implements EventExtractor {
    private final Lexicon lexicon;

    private RuleExtractor(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    /** The extractor with the lexicons and rules shipped under {@code src/main/resources/extract/}. */
    public static RuleExtractor withDefaultRules() {
        return new RuleExtractor(Lexicon.load());
    }

    @Override
    public List<Mention> extract(NormalisedArticle article) {
        if (article == null || article.text() == null || article.text().isEmpty()) {
            return List.of();
        }
        try {
            return new ArticleAnalysis(lexicon, article).mentions();
        } catch (RuntimeException e) {
            // The pipeline contract is "never throw on any text": a rule defect costs this article's mentions,
            // not the stream thread. The fuzz test keeps this branch unreachable in practice.
            return List.of();
        }
    }
}

package dev.troopwatch.bench;

import java.util.List;

/**
 * A generated wire set: articles in publication order and the alerts they must raise, in the order raised.
 *
 * @param seed       the seed that reproduces it
 * @param articles   articles sorted by publication time
 * @param expected   the alert set a correct pipeline raises
 * @param situations how many situations the articles follow
 */
public record SyntheticWire(long seed, List<GeneratedArticle> articles, List<ExpectedAlert> expected,
                            int situations) {
    public SyntheticWire {
        articles = List.copyOf(articles);
        expected = List.copyOf(expected);
    }

    public long words() {
        return articles.stream().mapToLong(GeneratedArticle::words).sum();
    }
}

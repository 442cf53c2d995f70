package dev.troopwatch.extract;

import dev.troopwatch.normalise.NormalisedArticle;
import java.util.List;

/** Finds the troop-deployment statements an article makes. Implementations never throw on any text. */
public interface EventExtractor {
    List<Mention> extract(NormalisedArticle article);
}

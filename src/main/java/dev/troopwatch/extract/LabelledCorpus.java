package dev.troopwatch.extract;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.troopwatch.normalise.ArticleNormaliser;
import dev.troopwatch.stream.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A directory of labelled articles: every {@code NAME.gold.json} beside the article file it names. Used by
 * {@code troopwatch evaluate} and the dev-corpus ratchet test.
 */
public final class LabelledCorpus {
    /** One labelled article, normalised; {@code error} is set instead when its article cannot be read. */
    public record Case(GoldLabel gold, ArticleInput.Loaded article, String error) {
    }

    private LabelledCorpus() {
    }

    public static List<Case> load(Path dir, ArticleNormaliser normaliser) {
        ObjectMapper json = Json.mapper();
        List<Case> cases = new ArrayList<>();
        List<Path> labels;
        try (Stream<Path> files = Files.walk(dir)) {
            labels = files.filter(p -> p.getFileName().toString().endsWith(".gold.json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
        for (Path label : labels) {
            GoldLabel gold;
            try {
                gold = json.readValue(label.toFile(), GoldLabel.class);
            } catch (IOException e) {
                throw new UncheckedIOException("bad label file " + label + ": " + e.getMessage(), e);
            }
            String name = gold.file() != null ? gold.file()
                    : label.getFileName().toString().replace(".gold.json", ".txt");
            Path articleFile = label.resolveSibling(name);
            ArticleInput.Batch batch = ArticleInput.read(List.of(articleFile), normaliser);
            if (batch.articles().isEmpty()) {
                String why = batch.failures().isEmpty() ? "no article" : batch.failures().get(0).error();
                cases.add(new Case(gold, null, articleFile + ": " + why));
            } else {
                cases.add(new Case(gold, batch.articles().get(0), null));
            }
        }
        return cases;
    }

    /** Extracts every case and scores it; an unreadable article counts as one with no events. */
    public static EvaluationReport evaluate(List<Case> cases, EventExtractor extractor) {
        List<EvaluationScorer.Scored> scored = new ArrayList<>(cases.size());
        for (Case c : cases) {
            List<Mention> mentions = c.article() == null ? List.of() : extractor.extract(c.article().article());
            scored.add(new EvaluationScorer.Scored(c.gold(), mentions));
        }
        return EvaluationScorer.score(scored);
    }
}

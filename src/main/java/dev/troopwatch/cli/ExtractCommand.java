package dev.troopwatch.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.troopwatch.extract.ArticleInput;
import dev.troopwatch.extract.EventTime;
import dev.troopwatch.extract.Mention;
import dev.troopwatch.extract.RuleExtractor;
import dev.troopwatch.extract.TroopRange;
import dev.troopwatch.normalise.ArticleNormaliser;
import dev.troopwatch.stream.Json;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code troopwatch extract}: one JSON object per article with the troop-deployment events found in it. The
 * field names are a contract other tools parse; a file that is not an article gives a line with "error".
 */
@Command(name = "extract", mixinStandardHelpOptions = true,
        description = "Extract troop-deployment events from article files (header .txt, JSON, NDJSON) or directories.")
public final class ExtractCommand implements Callable<Integer> {
    enum Format { jsonl, pretty }

    @Option(names = "--format", defaultValue = "jsonl", description = "jsonl (one object per line) or pretty")
    Format format;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "article files or directories (recursive)")
    List<Path> paths;

    @Override
    public Integer call() throws JsonProcessingException {
        ObjectMapper json = Json.mapper();
        PrintStream out = System.out;
        ArticleInput.Batch batch = ArticleInput.read(paths, ArticleNormaliser.withDefaultRules());
        RuleExtractor extractor = RuleExtractor.withDefaultRules();
        for (ArticleInput.Loaded a : batch.articles()) {
            List<Mention> mentions = extractor.extract(a.article());
            write(out, json, articleJson(a.origin(), a.articleId(), mentions));
        }
        for (ArticleInput.Failure f : batch.failures()) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("file", f.origin());
            line.put("error", f.error());
            write(out, json, line);
        }
        out.flush();
        return batch.failures().isEmpty() ? 0 : 1;
    }

    private void write(PrintStream out, ObjectMapper json, Map<String, Object> value) throws JsonProcessingException {
        out.println(format == Format.pretty ? json.writerWithDefaultPrettyPrinter().writeValueAsString(value)
                : json.writeValueAsString(value));
    }

    /** The output contract: {"file","article_id","relevant","events":[...]} with snake_case names. */
    static Map<String, Object> articleJson(String file, String articleId, List<Mention> mentions) {
        Map<String, Object> article = new LinkedHashMap<>();
        article.put("file", file);
        article.put("article_id", articleId);
        article.put("relevant", !mentions.isEmpty());
        List<Map<String, Object>> events = new ArrayList<>(mentions.size());
        for (Mention m : mentions) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("actor", m.actor());
            e.put("host", m.host());
            e.put("theatre", m.theatre());
            e.put("status", m.status().name());
            e.put("lead", m.lead());
            e.put("troops", troops(m.troops()));
            e.put("claimant", m.claimant());
            e.put("hedged", m.hedged());
            e.put("event_time", time(m.eventTime()));
            Map<String, Object> evidence = new LinkedHashMap<>();
            evidence.put("sentence", m.evidence().sentence());
            evidence.put("start", m.evidence().start());
            evidence.put("end", m.evidence().end());
            e.put("evidence", evidence);
            events.add(e);
        }
        article.put("events", events);
        return article;
    }

    private static Map<String, Object> troops(TroopRange r) {
        if (r == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("min", r.min());
        m.put("max", r.max());
        return m;
    }

    private static Map<String, Object> time(EventTime t) {
        if (t == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("from", t.from() == null ? null : t.from().toString());
        m.put("to", t.to() == null ? null : t.to().toString());
        return m;
    }
}

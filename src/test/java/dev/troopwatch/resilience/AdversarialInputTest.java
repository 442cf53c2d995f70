package dev.troopwatch.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.troopwatch.extract.EventExtractor;
import dev.troopwatch.extract.Mention;
import dev.troopwatch.extract.RuleExtractor;
import dev.troopwatch.ingest.ArticleFiles;
import dev.troopwatch.ingest.HtmlText;
import dev.troopwatch.ingest.RawArticle;
import dev.troopwatch.ingest.ReadBatch;
import dev.troopwatch.normalise.ArticleNormaliser;
import dev.troopwatch.normalise.ArticleValidator;
import dev.troopwatch.normalise.NormalisedArticle;
import dev.troopwatch.normalise.Rejection;
import dev.troopwatch.normalise.ValidArticle;
import dev.troopwatch.normalise.ValidationResult;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Random, truncated and adversarial input through every stage that reads untrusted text: the file/stdin parsers
 * (header, JSON, ninjs, NDJSON, HTML), the validator, the normaliser and the extractor. Nothing may escape as an
 * exception (Errors such as a stack overflow included); a rejection is the right answer to garbage. The time each
 * input takes is measured and the slowest are printed; there is no timing assertion, only a hang guard.
 */
class AdversarialInputTest {
    private static final long SEED = Long.getLong("troopwatch.resilience.seed", 20_261_127L);
    /** Not a performance bound: an input still running after this long is a hang, reported as a failure. */
    private static final long HANG_GUARD_SECONDS = 120;
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    private static ExecutorService worker;
    private final ArticleValidator validator = ArticleValidator.withDefaults(Clock.fixed(NOW, ZoneOffset.UTC));
    private final ArticleNormaliser normaliser = ArticleNormaliser.withDefaultRules();
    private final EventExtractor extractor = RuleExtractor.withDefaultRules();

    /** One measured call. */
    private record Timing(String input, String stage, int size, long micros, String outcome) {
    }

    @BeforeAll
    static void startWorker() {
        worker = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(null, r, "fuzz-worker", 0);
            thread.setDaemon(true);
            return thread;
        });
    }

    @AfterAll
    static void stopWorker() {
        worker.shutdownNow();
    }

    @Test
    void textBodiesNeverThrowThroughNormaliserAndExtractor() {
        List<Timing> timings = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        warmUp();
        for (Map.Entry<String, String> input : AdversarialInputs.bodies(SEED).entrySet()) {
            String body = input.getValue();
            RawArticle raw = new RawArticle("fuzz-" + input.getKey(), null, "Fuzz Wire", "Troops " + input.getKey(),
                    "2025-02-27", "en", body);
            NormalisedArticle[] normalised = new NormalisedArticle[1];
            measure(input.getKey(), "normalise", body.length(), timings, failures, () -> {
                normalised[0] = normaliser.normalise(raw, NOW);
                return normalised[0].sentences().size() + " sentences";
            });
            if (normalised[0] != null) {
                measure(input.getKey(), "extract", normalised[0].text().length(), timings, failures,
                        () -> extractor.extract(normalised[0]).size() + " mentions");
            }
            measure(input.getKey(), "html-to-text", body.length(), timings, failures,
                    () -> HtmlText.toText(body).length() + " chars");
            byte[] record = AdversarialInputs.articleWithBody(body);
            measure(input.getKey(), "validate+normalise+extract", record.length, timings, failures,
                    () -> throughTheCleaner(record));
        }
        report("text bodies", timings);
        assertEquals(List.of(), failures, "inputs that made a stage throw or hang");
    }

    @Test
    void recordsAndFilesNeverThrowThroughParsersValidatorAndCleaner() {
        List<Timing> timings = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        warmUp();
        int rejectedByParser = 0;
        int rejectedByValidator = 0;
        Map<String, byte[]> records = AdversarialInputs.records(SEED);
        for (Map.Entry<String, byte[]> input : records.entrySet()) {
            byte[] bytes = input.getValue();
            ReadBatch[] batch = new ReadBatch[1];
            measure(input.getKey(), "parse-file", bytes.length, timings, failures, () -> {
                batch[0] = ArticleFiles.read(new ByteArrayInputStream(bytes), "fuzz:" + input.getKey());
                return batch[0].articles().size() + " articles, " + batch[0].rejections().size() + " rejected";
            });
            if (batch[0] != null && !batch[0].rejections().isEmpty()) {
                rejectedByParser++;
            }
            String[] verdict = new String[1];
            measure(input.getKey(), "validate+normalise+extract", bytes.length, timings, failures, () -> {
                verdict[0] = throughTheCleaner(bytes);
                return verdict[0];
            });
            if (verdict[0] != null && verdict[0].startsWith("rejected")) {
                rejectedByValidator++;
            }
        }
        report("records and files", timings);
        System.out.printf("[fuzz] %d records: %d rejected by the file parser, %d by the validator%n",
                records.size(), rejectedByParser, rejectedByValidator);
        assertEquals(List.of(), failures, "inputs that made a stage throw or hang");
        assertTrue(rejectedByValidator > records.size() / 2, "garbage must mostly be rejected, not accepted");
    }

    /** What the topology's validate-normalise step and the extractor make of one raw record value. */
    private String throughTheCleaner(byte[] value) {
        ValidationResult result = validator.validate(value);
        if (!(result instanceof ValidArticle valid)) {
            return "rejected " + ((Rejection) result).reason();
        }
        NormalisedArticle article = normaliser.normalise(valid.article(),
                valid.published() != null ? valid.published() : NOW);
        List<Mention> mentions = extractor.extract(article);
        return "accepted, " + mentions.size() + " mentions";
    }

    /** The first call of each stage pays for class loading and rule compilation; keep that out of the figures. */
    private void warmUp() {
        throughTheCleaner(AdversarialInputs.GOOD_ARTICLE.getBytes(StandardCharsets.UTF_8));
    }

    private static void measure(String input, String stage, int size, List<Timing> timings, List<String> failures,
                                Callable<String> call) {
        long start = System.nanoTime();
        Future<String> future = worker.submit(call);
        try {
            String outcome = future.get(HANG_GUARD_SECONDS, TimeUnit.SECONDS);
            timings.add(new Timing(input, stage, size, (System.nanoTime() - start) / 1_000, outcome));
        } catch (ExecutionException e) {
            failures.add(input + " / " + stage + ": " + e.getCause());
            e.getCause().printStackTrace(System.out);
        } catch (TimeoutException e) {
            future.cancel(true);
            failures.add(input + " / " + stage + ": still running after " + HANG_GUARD_SECONDS + " s");
            // The worker thread may be stuck for good; give the remaining inputs a fresh one.
            worker.shutdownNow();
            startWorker();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void report(String what, List<Timing> timings) {
        System.out.printf("%n[fuzz] %s: %d calls; slowest:%n", what, timings.size());
        System.out.println("  ms        chars/bytes  stage                        input -> outcome");
        timings.stream().sorted(Comparator.comparingLong(Timing::micros).reversed()).limit(15)
                .forEach(t -> System.out.printf("  %8.1f  %11d  %-27s  %s -> %s%n", t.micros() / 1000.0, t.size(),
                        t.stage(), t.input(), t.outcome()));
    }
}

package dev.troopwatch.bench;

import dev.troopwatch.extract.ArticleInput;
import dev.troopwatch.extract.RuleExtractor;
import dev.troopwatch.ingest.RawArticle;
import dev.troopwatch.normalise.ArticleNormaliser;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/** Runs {@link ExtractionBenchmark} through JMH's API for each corpus and reads its counters. */
final class ExtractionRun {
    /**
     * @param corpus            corpus spec (see {@link ExtractionBenchmark})
     * @param articles          articles in one pass
     * @param words             words in one pass
     * @param articlesPerSecond mean of the measurement iterations
     * @param wordsPerSecond    mean of the measurement iterations
     * @param wordsError        JMH's 99.9% confidence half-width of words/s (NaN with too few iterations)
     * @param wordsPerCpuSecond words per second of the thread's own CPU time (a warmed in-process loop): what one
     *                          core would do with no other load, which wall-clock figures on a busy machine are not
     */
    record Figures(String corpus, int articles, long words, double articlesPerSecond, double wordsPerSecond,
                   double wordsError, double wordsPerCpuSecond) {
    }

    private ExtractionRun() {
    }

    /** Normalise + extract passes timed by this thread's CPU clock, after as many warm-up passes. */
    static double wordsPerCpuSecond(List<RawArticle> articles, long wordsPerPass, int passes) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        if (!threads.isCurrentThreadCpuTimeSupported()) {
            return Double.NaN;
        }
        ArticleNormaliser normaliser = ArticleNormaliser.withDefaultRules();
        RuleExtractor extractor = RuleExtractor.withDefaultRules();
        long mentions = 0;
        for (int pass = 0; pass < passes; pass++) {
            for (RawArticle a : articles) {
                mentions += extractor.extract(ArticleInput.normalise(a, normaliser)).size();
            }
        }
        long start = threads.getCurrentThreadCpuTime();
        for (int pass = 0; pass < passes; pass++) {
            for (RawArticle a : articles) {
                mentions += extractor.extract(ArticleInput.normalise(a, normaliser)).size();
            }
        }
        long cpu = threads.getCurrentThreadCpuTime() - start;
        // The mention count keeps the loop's work observable, so the JIT cannot drop it.
        return mentions < 0 || cpu <= 0 ? Double.NaN : wordsPerPass * passes / (cpu / 1e9);
    }

    /**
     * @param quick in-process, one short warm-up and two short iterations: checks the wiring, not a figure to quote
     */
    static List<Figures> run(List<String> corpora, boolean quick) {
        List<Figures> out = new ArrayList<>();
        for (String corpus : corpora) {
            ChainedOptionsBuilder options = new OptionsBuilder()
                    .include(ExtractionBenchmark.class.getName() + ".normaliseAndExtract")
                    .param("corpus", corpus)
                    .threads(1)
                    .verbosity(VerboseMode.SILENT)
                    .shouldFailOnError(true);
            if (quick) {
                options.forks(0).warmupIterations(1).warmupTime(TimeValue.milliseconds(500))
                        .measurementIterations(2).measurementTime(TimeValue.milliseconds(500));
            } else {
                options.forks(1).jvmArgsAppend("-Xmx1g").warmupIterations(3).warmupTime(TimeValue.seconds(2))
                        .measurementIterations(5).measurementTime(TimeValue.seconds(2));
            }
            Collection<RunResult> results;
            try {
                results = new Runner(options.build()).run();
            } catch (RunnerException e) {
                throw new IllegalStateException("JMH run failed for " + corpus + ": " + e.getMessage(), e);
            }
            RunResult result = results.iterator().next();
            Result<?> words = result.getSecondaryResults().get("words");
            Result<?> articles = result.getSecondaryResults().get("articles");
            List<RawArticle> loaded = ExtractionBenchmark.load(corpus);
            long wordsPerPass = loaded.stream()
                    .mapToLong(a -> ExtractionBenchmark.words(a.headline()) + ExtractionBenchmark.words(a.body()))
                    .sum();
            out.add(new Figures(corpus, loaded.size(), wordsPerPass, articles.getScore(), words.getScore(),
                    words.getScoreError(), wordsPerCpuSecond(loaded, wordsPerPass, quick ? 2 : 10)));
        }
        return out;
    }
}

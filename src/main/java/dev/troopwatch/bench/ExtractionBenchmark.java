package dev.troopwatch.bench;

import dev.troopwatch.extract.ArticleInput;
import dev.troopwatch.extract.Mention;
import dev.troopwatch.extract.RuleExtractor;
import dev.troopwatch.ingest.ArticleFiles;
import dev.troopwatch.ingest.ParsedArticle;
import dev.troopwatch.ingest.RawArticle;
import dev.troopwatch.normalise.ArticleNormaliser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Normalise + extract over the dev corpus on one thread. One operation is one pass over every article; the
 * auxiliary counters turn that into words/s and articles/s. The corpus directory comes from the system property
 * {@code troopwatch.corpus} (default {@code ../shared/corpus/dev}); it is read, never copied.
 *
 * <p>Run: {@code java -cp target/classes:$(cat cp.txt) dev.troopwatch.bench.ExtractionBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class ExtractionBenchmark {
    private List<RawArticle> articles;
    private long wordsPerPass;
    private ArticleNormaliser normaliser;
    private RuleExtractor extractor;

    /** Words and articles processed, reported by JMH as rates per second. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Throughput {
        public long words;
        public long articles;

        @Setup(Level.Iteration)
        public void reset() {
            words = 0;
            articles = 0;
        }
    }

    @Setup
    public void load() {
        Path dir = Path.of(System.getProperty("troopwatch.corpus", "../shared/corpus/dev"));
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("corpus not found: " + dir.toAbsolutePath()
                    + " (set -Dtroopwatch.corpus=DIR)");
        }
        articles = ArticleFiles.read(dir).articles().stream().map(ParsedArticle::article).toList();
        wordsPerPass = 0;
        for (RawArticle a : articles) {
            wordsPerPass += words(a.headline()) + words(a.body());
        }
        normaliser = ArticleNormaliser.withDefaultRules();
        extractor = RuleExtractor.withDefaultRules();
    }

    static long words(String s) {
        if (s == null) {
            return 0;
        }
        long n = 0;
        boolean inWord = false;
        for (int i = 0; i < s.length(); i++) {
            boolean space = Character.isWhitespace(s.charAt(i));
            if (!space && !inWord) {
                n++;
            }
            inWord = !space;
        }
        return n;
    }

    @Benchmark
    public void normaliseAndExtract(Throughput counters, Blackhole bh) {
        for (RawArticle a : articles) {
            List<Mention> mentions = extractor.extract(ArticleInput.normalise(a, normaliser));
            bh.consume(mentions);
        }
        counters.words += wordsPerPass;
        counters.articles += articles.size();
    }

    public static void main(String[] args) throws RunnerException {
        Options options = new OptionsBuilder()
                .include(ExtractionBenchmark.class.getSimpleName())
                .jvmArgsAppend("-Dtroopwatch.corpus=" + System.getProperty("troopwatch.corpus", "../shared/corpus/dev"))
                .build();
        new Runner(options).run();
    }
}

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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Normalise + extract on one thread (the extraction stage's benchmark, extended with generated corpora). One
 * operation is one pass over every article of the corpus; the auxiliary counters turn that into words/s and
 * articles/s.
 *
 * <p>{@code corpus} is {@code dev:DIR} (a directory of header-format articles such as {@code ../shared/corpus/dev},
 * read, never copied) or {@code generated:SEED:COUNT} ({@link SyntheticWireGenerator} output). Run it through
 * {@code ./troopwatch bench}, which sets the corpus and reads the counters; words are whitespace-separated words of
 * headline and body as published.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class ExtractionBenchmark {
    @Param("generated:1:2000")
    public String corpus;

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
        articles = load(corpus);
        wordsPerPass = 0;
        for (RawArticle a : articles) {
            wordsPerPass += words(a.headline()) + words(a.body());
        }
        normaliser = ArticleNormaliser.withDefaultRules();
        extractor = RuleExtractor.withDefaultRules();
    }

    /** The articles a corpus spec names; see the class comment. */
    static List<RawArticle> load(String spec) {
        if (spec.startsWith("dev:")) {
            Path dir = Path.of(spec.substring(4));
            if (!Files.isDirectory(dir)) {
                throw new IllegalStateException("corpus not found: " + dir.toAbsolutePath());
            }
            return ArticleFiles.read(dir).articles().stream()
                    .filter(p -> p.origin().endsWith(".txt"))
                    .map(ParsedArticle::article).toList();
        }
        String[] parts = spec.split(":");
        if (parts.length != 3 || !parts[0].equals("generated")) {
            throw new IllegalArgumentException("corpus must be dev:DIR or generated:SEED:COUNT, not " + spec);
        }
        return SyntheticWireGenerator.withDefaultData()
                .generate(Long.parseLong(parts[1]), Integer.parseInt(parts[2]))
                .articles().stream().map(GeneratedArticle::raw).toList();
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
}

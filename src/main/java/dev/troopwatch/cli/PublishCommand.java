package dev.troopwatch.cli;

import dev.troopwatch.ingest.ArticleFiles;
import dev.troopwatch.ingest.FeedPoller;
import dev.troopwatch.ingest.ParsedArticle;
import dev.troopwatch.ingest.PublishReport;
import dev.troopwatch.ingest.ReadBatch;
import dev.troopwatch.ingest.Rejection;
import dev.troopwatch.ingest.SeenItems;
import dev.troopwatch.ingest.WirePublisher;
import dev.troopwatch.normalise.ArticleValidator;
import dev.troopwatch.runtime.ShutdownSignal;
import dev.troopwatch.stream.TopicNames;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerConfig;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code troopwatch publish}: the wire producer, from files, stdin or an RSS/Atom feed. */
@Command(name = "publish", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Publish wire articles to " + TopicNames.ARTICLES_RAW + ", keyed by article id (idempotent "
                + "producer, acks=all).",
                "Reads files and directories (recursively: *.txt, *.json, *.ndjson, *.jsonl) or stdin (-), in any of "
                        + "the formats: header format (key: value lines, ---, body), JSON (our fields or IPTC ninjs) "
                        + "or NDJSON. Or polls an RSS 2.0 / Atom feed with --feed and publishes each item once.",
                "Unreadable inputs are reported with a reason and skipped; the rest is published. "
                        + "Exit code 1 when anything was rejected."})
public final class PublishCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ConnectionOptions connection;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    static final class Source {
        @Parameters(paramLabel = "PATH", arity = "1..*",
                description = "Files or directories to publish; - reads stdin.")
        List<String> paths;

        @Option(names = "--feed", paramLabel = "URL", description = "RSS 2.0 or Atom feed to poll.")
        URI feed;
    }

    @Option(names = "--every", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "With --feed: poll again at this interval (30s, 5m, 1h) until Ctrl-C. "
                    + "Default: poll once.")
    Duration every;

    @Option(names = "--order", paramLabel = "ORDER", defaultValue = "published",
            description = "Order of publishing files: published (by publication date, undated last) or input "
                    + "(path and line order). Default: ${DEFAULT-VALUE}")
    Order order;

    @Option(names = "--topic", paramLabel = "NAME", defaultValue = TopicNames.ARTICLES_RAW,
            description = "Topic to publish to. Default: ${DEFAULT-VALUE}")
    String topic;

    enum Order { published, input }

    @Override
    public Integer call() {
        return CommandErrors.run(spec, () -> {
            if (every != null && source.feed == null) {
                throw new IllegalArgumentException("--every needs --feed");
            }
            Properties producer = new Properties();
            producer.setProperty(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, connection.bootstrap());
            try (WirePublisher publisher = new WirePublisher(producer, topic)) {
                return source.feed != null ? feed(publisher) : files(publisher);
            }
        });
    }

    private int files(WirePublisher publisher) {
        ReadBatch batch = ReadBatch.empty();
        for (String path : source.paths) {
            batch = batch.plus(path.equals("-") ? ArticleFiles.read(System.in, "stdin") : ArticleFiles.read(Path.of(path)));
        }
        if (order == Order.published) {
            batch = inPublicationOrder(batch);
        }
        PublishReport report = publisher.publish(batch, published -> { });
        return report(report);
    }

    /**
     * Sorted by the instant the pipeline will read, undated and unreadable dates last: the text alone sorts
     * "2025-03-01T01:00+05:00" after "2025-02-28T23:00Z" and RFC 1123 dates by weekday. Stable, so articles of the
     * same time keep their input order.
     */
    static ReadBatch inPublicationOrder(ReadBatch batch) {
        List<ParsedArticle> sorted = new ArrayList<>(batch.articles());
        sorted.sort(Comparator.comparing(
                (ParsedArticle a) -> ArticleValidator.publishedInstantOrNull(a.article().published()),
                Comparator.nullsLast(Comparator.naturalOrder())));
        return new ReadBatch(sorted, batch.rejections());
    }

    private int feed(WirePublisher publisher) throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        FeedPoller poller = new FeedPoller(source.feed, FeedPoller.defaultHttpClient(),
                new SeenItems(FeedPoller.seenFile(connection.dataDir, source.feed)), publisher);
        if (every == null) {
            return pollOnce(poller, err);
        }
        CountDownLatch stop = new CountDownLatch(1);
        ShutdownSignal shutdown = new ShutdownSignal(err::println);
        // Ctrl-C during a poll lets it finish: its items are acknowledged and recorded as seen before the JVM halts
        CountDownLatch finished = shutdown.commandFinished(Duration.ofMinutes(2));
        shutdown.add(stop::countDown);
        try {
            do {
                pollOnce(poller, err);
            } while (!stop.await(every.toMillis(), TimeUnit.MILLISECONDS));
        } finally {
            finished.countDown();
            shutdown.closeNow();
        }
        return 0;
    }

    private int pollOnce(FeedPoller poller, PrintWriter err) throws InterruptedException {
        try {
            return report(poller.pollOnce());
        } catch (IOException e) {
            err.println("troopwatch publish: " + e.getMessage());
            err.flush();
            return 1;
        }
    }

    private int report(PublishReport report) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        for (Rejection rejection : report.rejected()) {
            err.println("rejected  " + rejection);
        }
        err.flush();
        out.println(report.summary() + " (" + topic + " at " + connection.bootstrap() + ")");
        out.flush();
        return report.rejected().isEmpty() ? 0 : 1;
    }
}

package dev.troopwatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.troopwatch.ingest.ParsedArticle;
import dev.troopwatch.ingest.RawArticle;
import dev.troopwatch.ingest.ReadBatch;
import dev.troopwatch.runtime.TroopwatchConfig;
import dev.troopwatch.stream.TopicNames;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/** Argument parsing of every platform command, without running them. */
class CommandLineTest {
    private static final List<String> COMMANDS = List.of("demo", "broker", "run", "publish", "tail", "topics");

    @TempDir
    Path dir;

    @Test
    void everyCommandIsRegisteredAndEveryOptionIsDescribed() {
        CommandLine main = new CommandLine(new Main());
        for (String name : COMMANDS) {
            CommandLine command = main.getSubcommands().get(name);
            assertTrue(command != null, name + " is registered in Main");
            for (OptionSpec option : command.getCommandSpec().options()) {
                assertTrue(option.description().length > 0 && !option.description()[0].isBlank(),
                        name + " " + option.longestName() + " has a description");
            }
            StringWriter help = new StringWriter();
            int exit = main.setOut(new PrintWriter(help)).execute(name, "--help");
            assertEquals(0, exit, name + " --help");
            assertTrue(help.toString().contains("Usage: troopwatch " + name), help.toString());
        }
    }

    @Test
    void demoDefaults() {
        DemoCommand demo = parse(new DemoCommand());
        assertEquals(8080, demo.http.port);
        assertEquals("127.0.0.1", demo.http.host);
        assertEquals(Path.of(".troopwatch"), demo.dataDir);
        assertEquals(0, demo.brokerPort);
        assertFalse(demo.noSamples);
        DemoCommand custom = parse(new DemoCommand(), "--http-port", "9000", "--http-host", "0.0.0.0",
                "--data-dir", "/tmp/x", "--no-samples", "--ready-timeout", "2m");
        assertEquals(9000, custom.http.port);
        assertEquals("0.0.0.0", custom.http.host);
        assertTrue(custom.noSamples);
        assertEquals(Duration.ofMinutes(2), custom.readyTimeout);
    }

    @Test
    void brokerDefaultsAndClusterFlags() {
        BrokerCommand broker = parse(new BrokerCommand());
        assertEquals(9092, broker.port);
        assertEquals(1, broker.nodeId);
        assertNull(broker.initialControllers);
        BrokerCommand node = parse(new BrokerCommand(), "--port", "0", "--node-id", "2", "--cluster-id",
                "MkU3OEVBNTcwNTJENDM2Qk", "--initial-controllers",
                "1@127.0.0.1:9093:AAAAAAAAAAAAAAAAAAAAAQ,2@127.0.0.1:9095:AAAAAAAAAAAAAAAAAAAAAg",
                "--broker-config", "log.retention.hours=1");
        assertEquals(2, node.nodeId);
        assertEquals("1", node.brokerConfig.get("log.retention.hours"));
    }

    @Test
    void runMergesConfigFileFlagsAndSettings() throws Exception {
        Path file = dir.resolve("cluster.properties");
        Files.writeString(file, "bootstrap.servers=file:9092\nnum.standby.replicas=1\n");
        RunCommand run = parse(new RunCommand(), "--config", file.toString(), "--http-port", "8082",
                "--data-dir", dir.toString(), "-D", "num.stream.threads=2", "--instance-id", "east-1");
        TroopwatchConfig config = run.config();
        assertEquals("file:9092", config.bootstrapServers());
        Properties s = config.streams();
        assertEquals("1", s.getProperty(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG));
        assertEquals("2", s.getProperty(StreamsConfig.NUM_STREAM_THREADS_CONFIG));
        assertTrue(s.getProperty(StreamsConfig.STATE_DIR_CONFIG).endsWith("east-1"));
        assertEquals("127.0.0.1:8082", config.applicationServer());
        RunCommand flag = parse(new RunCommand(), "--bootstrap-servers", "a:1,b:2", "--config", file.toString());
        assertEquals("a:1,b:2", flag.config().bootstrapServers());
    }

    @Test
    void publishTakesPathsOrAFeedButNotBoth() {
        PublishCommand files = parse(new PublishCommand(), "a.txt", "dir", "-");
        assertEquals(List.of("a.txt", "dir", "-"), files.source.paths);
        assertEquals(TopicNames.ARTICLES_RAW, files.topic);
        assertEquals(PublishCommand.Order.published, files.order);
        PublishCommand feed = parse(new PublishCommand(), "--feed", "https://example.org/rss", "--every", "90s",
                "--bootstrap-servers", "h:1");
        assertEquals(URI.create("https://example.org/rss"), feed.source.feed);
        assertEquals(Duration.ofSeconds(90), feed.every);
        assertEquals("h:1", feed.connection.bootstrap());
        assertThrows(ParameterException.class, () -> parse(new PublishCommand()));
        assertThrows(ParameterException.class, () -> parse(new PublishCommand(), "--feed", "https://x/", "a.txt"));
        assertThrows(ParameterException.class, () -> parse(new PublishCommand(), "--feed", "https://x/", "--every",
                "soon"));
        assertThrows(ParameterException.class, () -> parse(new PublishCommand(), "--order", "random", "a.txt"));
    }

    @Test
    void tailDefaultsToAlertsAtTheEnd() {
        TailCommand tail = parse(new TailCommand());
        assertEquals(List.of(TopicNames.ALERTS), tail.topics);
        assertFalse(tail.fromBeginning);
        TailCommand many = parse(new TailCommand(), "--topic", TopicNames.DEADLETTER, "--topic", TopicNames.ALERTS,
                "--from-beginning", "--max-records", "5", "--data-dir", dir.toString());
        assertEquals(List.of(TopicNames.DEADLETTER, TopicNames.ALERTS), many.topics);
        assertTrue(many.fromBeginning);
        assertEquals(5L, many.maxRecords);
        assertEquals("localhost:9092", many.connection.bootstrap(), "no broker.address in the data dir");
    }

    @Test
    void topicsFlagsBecomeOverrides() {
        TopicsCommand topics = parse(new TopicsCommand(), "--apply", "--replication-factor", "3", "--partitions",
                "12", "--min-insync-replicas", "2", "--topics-dir", "topics");
        assertTrue(topics.apply);
        Properties overrides = topics.overrides();
        assertEquals("3", overrides.getProperty("topics.replication.factor"));
        assertEquals("12", overrides.getProperty("topics.partitions"));
        assertEquals("2", overrides.getProperty("topics.config.min.insync.replicas"));
        assertEquals("topics", overrides.getProperty("topics.dir"));
    }

    @Test
    void durations() {
        DurationConverter c = new DurationConverter();
        assertEquals(Duration.ofSeconds(60), c.convert("60s"));
        assertEquals(Duration.ofMinutes(5), c.convert("5m"));
        assertEquals(Duration.ofHours(1), c.convert("1h"));
        assertEquals(Duration.ofMillis(250), c.convert("250ms"));
        assertEquals(Duration.ofMinutes(1), c.convert("PT1M"));
        for (String bad : List.of("0s", "-5s", "s", "5x", "", "PTXM")) {
            assertThrows(CommandLine.TypeConversionException.class, () -> c.convert(bad), bad);
        }
    }

    @Test
    void failuresArePrintedAsOneLineWithExitCodeOne() {
        StringWriter err = new StringWriter();
        int exit = new CommandLine(new Main()).setErr(new PrintWriter(err)).execute("topics",
                "--topics-dir", dir.resolve("missing").toString());
        assertEquals(1, exit);
        assertTrue(err.toString().startsWith("troopwatch topics: topics directory"), err.toString());
        assertFalse(err.toString().contains("\tat "), "no stack trace");
    }

    private static <T> T parse(T command, String... args) {
        new CommandLine(command).parseArgs(args);
        return command;
    }

    @Test
    void publishOrderIsByTheInstantThePipelineReadsUndatedLast() {
        ReadBatch batch = new ReadBatch(List.of(
                article("undated", null),
                article("rfc-late", "Sat, 01 Mar 2025 10:00:00 GMT"),
                article("offset-early", "2025-03-01T01:00:00+05:00"),
                article("utc-middle", "2025-02-28T23:00:00Z"),
                article("date-only", "2025-02-28"),
                article("unreadable", "sometime in March")), List.of());
        assertEquals(List.of("date-only", "offset-early", "utc-middle", "rfc-late", "undated", "unreadable"),
                PublishCommand.inPublicationOrder(batch).articles().stream().map(ParsedArticle::origin).toList());
    }

    private static ParsedArticle article(String name, String published) {
        return new ParsedArticle(name, new RawArticle(name, null, "Example Wire", "Headline " + name, published,
                "en", "Body of " + name + "."));
    }
}

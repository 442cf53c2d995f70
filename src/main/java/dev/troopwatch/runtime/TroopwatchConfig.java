package dev.troopwatch.runtime;

import dev.troopwatch.kafka.EmbeddedKafkaBroker;
import dev.troopwatch.kafka.TopicOverrides;
import dev.troopwatch.stream.StreamsDefaults;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Everything a troopwatch process is configured with: the Kafka Streams properties (with troopwatch's defaults,
 * each overridable from {@code --config FILE} and from flags) and the troopwatch settings around them.
 *
 * <p>Settings of our own live under {@code troopwatch.*} and {@code topics.*} (see {@link TopicOverrides}); they
 * are kept out of the properties handed to Kafka so Kafka does not warn about unknown configs.
 *
 * @param streams     properties for Kafka Streams and the other clients (bootstrap.servers, application.id, ...)
 * @param troopwatch  the {@code troopwatch.*} and {@code topics.*} settings
 * @param dataDir     where state stores, the broker address and feed bookkeeping live
 * @param httpHost    address the HTTP server binds
 * @param httpPort    port the HTTP server binds (resolved: never 0)
 */
public record TroopwatchConfig(Properties streams, Properties troopwatch, Path dataDir, String httpHost,
                               int httpPort) {
    /** Distinguishes the state directories of several instances sharing one data dir; defaults to "http-PORT". */
    public static final String INSTANCE_ID = "troopwatch.instance.id";
    /** Host other instances reach this one's HTTP server at (application.server); defaults to the bind host. */
    public static final String ADVERTISED_HOST = "troopwatch.http.advertised.host";
    /** Settings the topology reads itself, e.g. {@link StreamsDefaults#REORDER_WINDOW_MS}. */
    public static final String TRACKING_PREFIX = "troopwatch.tracking.";
    /** Directory of topic files to apply instead of the bundled ones. */
    public static final String TOPICS_DIR = TopicOverrides.DIR;

    public TroopwatchConfig {
        streams = copy(streams);
        troopwatch = copy(troopwatch);
    }

    /**
     * Resolves the configuration. Precedence, highest first: {@code flags}, {@code file}, troopwatch's defaults.
     *
     * @param file     properties from {@code --config FILE}, may be empty
     * @param flags    properties set by command-line flags (bootstrap.servers, ...)
     * @param dataDir  the data dir
     * @param httpHost HTTP bind host
     * @param httpPort HTTP port; 0 picks a free one now so that application.server can name it
     */
    public static TroopwatchConfig resolve(Properties file, Properties flags, Path dataDir, String httpHost,
                                           int httpPort) {
        Properties merged = new Properties();
        merged.putAll(file);
        merged.putAll(flags);
        int port = httpPort == 0 ? EmbeddedKafkaBroker.freePort(httpHost) : httpPort;
        Properties streams = new Properties();
        Properties ours = new Properties();
        for (String key : merged.stringPropertyNames()) {
            boolean own = key.startsWith("troopwatch.") || key.startsWith(TopicOverrides.PREFIX);
            (own ? ours : streams).setProperty(key, merged.getProperty(key));
        }
        String instance = ours.getProperty(INSTANCE_ID, "http-" + port);
        String advertised = ours.getProperty(ADVERTISED_HOST, advertisedHost(httpHost));
        Path absoluteDataDir = dataDir.toAbsolutePath().normalize();
        streams.putIfAbsent(StreamsConfig.APPLICATION_ID_CONFIG, "troopwatch");
        // Per instance, so two processes on one machine never lock each other's state directory.
        streams.putIfAbsent(StreamsConfig.STATE_DIR_CONFIG,
                absoluteDataDir.resolve("state").resolve(instance).toString());
        // Interactive queries: other instances ask this one for the keys it owns at host:httpPort.
        streams.putIfAbsent(StreamsConfig.APPLICATION_SERVER_CONFIG, advertised + ":" + port);
        // Exactly-once commits close a transaction, and output is visible to read_committed readers (the tracker
        // included: it reads the reports from the repartition topic) only then. Each alert waits for two commits,
        // and often for a progress note committed in between: at 100 ms the bench measured p99 publish -> alert
        // 309 ms at 100 articles/s, at 50 ms 274 ms, for about a tenth less throughput in a backlog.
        streams.putIfAbsent(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "50");
        streams.putIfAbsent(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        // After a crash the group waits this long before another instance (or the restarted one) takes over the
        // tasks; Kafka's 45 s default is long for an alerting pipeline. Heartbeats run on their own thread.
        streams.putIfAbsent(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), "10000");
        streams.putIfAbsent(StreamsConfig.consumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG), "2000");
        // What the topology relies on: exactly-once, exception handlers writing dead letters (an operator's setting
        // still wins).
        StreamsDefaults.applyTo(streams);
        if (!streams.containsKey(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG)) {
            throw new IllegalArgumentException("bootstrap.servers is not set (use --bootstrap-servers or the config "
                    + "file)");
        }
        return new TroopwatchConfig(streams, ours, absoluteDataDir, httpHost, port);
    }

    /**
     * Reads a properties file strictly: it must exist. As UTF-8, like every other file troopwatch reads (an
     * InputStream would be read as ISO-8859-1 and garble a non-ASCII value such as a SASL password).
     */
    public static Properties loadFile(Path file) {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read config file " + file + ": " + e.getMessage(), e);
        }
        return properties;
    }

    public String bootstrapServers() {
        return streams.getProperty(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG);
    }

    public String applicationServer() {
        return streams.getProperty(StreamsConfig.APPLICATION_SERVER_CONFIG);
    }

    public Optional<Path> topicsDir() {
        return Optional.ofNullable(troopwatch.getProperty(TOPICS_DIR)).map(Path::of);
    }

    /** A fresh copy each call: Kafka clients and topology builders may add to what they are given. */
    public Properties streamsProperties() {
        return copy(streams);
    }

    /**
     * What the topology is built from: the Streams properties plus troopwatch's own tracking settings (such as
     * {@link StreamsDefaults#REORDER_WINDOW_MS}), which {@link #streamsProperties()} leaves out so that the Kafka
     * clients do not warn about them. A fresh copy each call.
     */
    public Properties topologyProperties() {
        Properties topology = copy(streams);
        for (String key : troopwatch.stringPropertyNames()) {
            if (key.startsWith(TRACKING_PREFIX)) {
                topology.setProperty(key, troopwatch.getProperty(key));
            }
        }
        return topology;
    }

    private static String advertisedHost(String bindHost) {
        if (!bindHost.equals("0.0.0.0") && !bindHost.equals("::")) {
            return bindHost;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    private static Properties copy(Properties source) {
        Properties copy = new Properties();
        copy.putAll(source);
        return copy;
    }
}

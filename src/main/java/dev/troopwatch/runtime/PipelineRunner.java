package dev.troopwatch.runtime;

import dev.troopwatch.kafka.TopicApplier;
import dev.troopwatch.kafka.TopicChange;
import dev.troopwatch.kafka.TopicOverrides;
import dev.troopwatch.kafka.TopicSpec;
import dev.troopwatch.kafka.TopicSpecLoader;
import dev.troopwatch.stream.TroopwatchTopology;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the pipeline: applies {@code topics/}, builds the topology, starts Kafka Streams, waits until it is RUNNING,
 * and serves HTTP. {@link #close()} stops HTTP and then the streams client cleanly; it is what the shutdown hook of
 * {@code demo} and {@code run} calls.
 */
public final class PipelineRunner implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PipelineRunner.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaStreams streams;
    private final HttpEndpoint http;
    private final StreamsStateWatch watch;
    private final List<TopicChange> topicChanges;
    private final Duration startupTime;
    private boolean closed;

    private PipelineRunner(KafkaStreams streams, StreamsStateWatch watch, HttpEndpoint http,
                           List<TopicChange> topicChanges, Duration startupTime) {
        this.streams = streams;
        this.watch = watch;
        this.http = http;
        this.topicChanges = topicChanges;
        this.startupTime = startupTime;
    }

    /**
     * Starts everything and returns once Kafka Streams is RUNNING.
     *
     * @throws IllegalStateException when topics cannot be applied, or Streams fails or is not RUNNING in time
     */
    public static PipelineRunner start(TroopwatchConfig config, HttpEndpoint.Factory httpFactory,
                                       Duration readyTimeout) {
        long startNanos = System.nanoTime();
        List<TopicChange> changes = applyTopics(config, readyTimeout);

        KafkaStreams streams = TroopwatchTopology.streams(config.topologyProperties(), config.streamsProperties());
        StreamsStateWatch watch = new StreamsStateWatch();
        streams.setStateListener(watch);
        // A failing stream thread is replaced, not fatal: records that cannot be processed are the exception
        // handlers' business, this catches the rest (e.g. a broker gone for longer than the timeouts).
        streams.setUncaughtExceptionHandler(exception -> {
            LOG.error("stream thread failed, replacing it: {}", exception.toString());
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        HttpEndpoint http = null;
        try {
            streams.start();
            http = httpFactory.start(config, streams);
            if (!watch.await(() -> watch.state() == KafkaStreams.State.RUNNING, readyTimeout)) {
                throw new IllegalStateException(watch.failure() != null
                        ? "Kafka Streams went to " + watch.failure() + " while starting"
                        : "Kafka Streams not RUNNING after " + readyTimeout.toSeconds() + " s (state "
                                + streams.state() + ")");
            }
        } catch (IOException e) {
            closeQuietly(null, streams);
            throw new UncheckedIOException("cannot start the HTTP server on " + config.httpHost() + ":"
                    + config.httpPort() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closeQuietly(http, streams);
            throw new IllegalStateException("interrupted while starting", e);
        } catch (RuntimeException e) {
            closeQuietly(http, streams);
            throw e;
        }
        return new PipelineRunner(streams, watch, http, changes, Duration.ofNanos(System.nanoTime() - startNanos));
    }

    /** Creates or updates the topics declared in topics/ (with the config's overrides) and returns what it did. */
    public static List<TopicChange> applyTopics(TroopwatchConfig config, Duration timeout) {
        return applyTopics(config.streams(), config.troopwatch(), timeout);
    }

    /**
     * As {@link #applyTopics(TroopwatchConfig, Duration)} from raw properties.
     *
     * @param clientProperties bootstrap.servers and any client settings (security); others are ignored
     * @param troopwatch       topics.* overrides and topics.dir
     */
    public static List<TopicChange> applyTopics(Properties clientProperties, Properties troopwatch, Duration timeout) {
        Optional<Path> topicsDir = Optional.ofNullable(troopwatch.getProperty(TopicOverrides.DIR)).map(Path::of);
        List<TopicSpec> specs = TopicOverrides.apply(TopicSpecLoader.load(topicsDir), troopwatch);
        Properties adminProps = new Properties();
        adminProps.putAll(clientProperties);
        // Only what an AdminClient understands, so it does not warn about Streams settings.
        adminProps.keySet().removeIf(k -> !AdminClientConfig.configNames().contains(k.toString()));
        try (Admin admin = Admin.create(adminProps)) {
            return new TopicApplier(admin, timeout).apply(specs);
        }
    }

    public KafkaStreams streams() {
        return streams;
    }

    /**
     * Waits until {@code condition} holds for this instance's Streams client, re-checking on every state change
     * (e.g. RUNNING again after another instance joined and the tasks were redistributed).
     *
     * @return false when the timeout passed or Streams failed first
     */
    public boolean await(Predicate<KafkaStreams> condition, Duration timeout) throws InterruptedException {
        return watch.await(() -> condition.test(streams), timeout);
    }

    public HttpEndpoint http() {
        return http;
    }

    public List<TopicChange> topicChanges() {
        return topicChanges;
    }

    /** From {@link #start} to RUNNING, topics included. */
    public Duration startupTime() {
        return startupTime;
    }

    /** Stops HTTP, then closes Streams (committing its last transaction). Safe to call twice. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        closeQuietly(http, streams);
    }

    private static void closeQuietly(HttpEndpoint http, KafkaStreams streams) {
        if (http != null) {
            http.close();
        }
        // Leave the group: otherwise a restarted instance waits a whole session timeout before it gets its tasks.
        streams.close(CloseOptions.timeout(CLOSE_TIMEOUT)
                .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
    }

    /** For messages: the consumer group and state dir this instance uses. */
    public static String describe(TroopwatchConfig config) {
        return "application.id=" + config.streams().getProperty(StreamsConfig.APPLICATION_ID_CONFIG)
                + ", state.dir=" + config.streams().getProperty(StreamsConfig.STATE_DIR_CONFIG)
                + ", application.server=" + config.applicationServer();
    }
}

package dev.troopwatch.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import dev.troopwatch.stream.Json;
import dev.troopwatch.stream.TopicNames;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads committed alerts and dead letters in the background and feeds the {@link AlertLog} and the
 * {@link DeadLetterLog}. It assigns every partition itself rather than joining a group: every dashboard instance
 * needs every alert, and nothing here is worth committing. It starts a bounded distance before the end of each
 * partition so a restart refills the buffers without replaying the whole topic.
 */
public final class TopicFeed implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TopicFeed.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration REDISCOVER = Duration.ofSeconds(10);
    /** How far back to start in the dead-letter topic, per partition, to show the latest reasons. */
    private static final long DEAD_LETTER_WINDOW = 200;

    private final KafkaConsumer<String, byte[]> consumer;
    private final AlertLog alerts;
    private final DeadLetterLog deadLetters;
    private final Thread thread;
    private final CountDownLatch closing = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean running = true;
    private volatile boolean caughtUp;

    private TopicFeed(KafkaConsumer<String, byte[]> consumer, AlertLog alerts, DeadLetterLog deadLetters) {
        this.consumer = consumer;
        this.alerts = alerts;
        this.deadLetters = deadLetters;
        this.thread = new Thread(this::run, "dashboard-topic-feed");
        this.thread.setDaemon(true);
    }

    /** Starts reading with the connection settings (bootstrap servers, security) found in {@code kafkaConfig}. */
    public static TopicFeed start(Properties kafkaConfig, AlertLog alerts, DeadLetterLog deadLetters) {
        TopicFeed feed = new TopicFeed(new KafkaConsumer<>(consumerConfig(kafkaConfig), new StringDeserializer(),
                new ByteArrayDeserializer()), alerts, deadLetters);
        feed.thread.start();
        return feed;
    }

    static Properties consumerConfig(Properties kafkaConfig) {
        Properties props = new Properties();
        for (String name : kafkaConfig.stringPropertyNames()) {
            if (name.equals(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG) || name.startsWith("security.")
                    || name.startsWith("sasl.") || name.startsWith("ssl.")
                    || name.equals(ConsumerConfig.CLIENT_DNS_LOOKUP_CONFIG)) {
                props.setProperty(name, kafkaConfig.getProperty(name));
            }
        }
        if (!props.containsKey(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG)) {
            throw new IllegalArgumentException("kafka config has no " + ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG);
        }
        // Alerts are written inside Streams transactions: never show one that might still be aborted.
        props.setProperty(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.setProperty(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.setProperty(ConsumerConfig.CLIENT_ID_CONFIG, "troopwatch-dashboard-" + ProcessHandle.current().pid());
        return props;
    }

    /** True once the feed has read up to the end offsets it found when it (re)assigned its partitions. */
    public boolean caughtUp() {
        return caughtUp;
    }

    private void run() {
        Set<TopicPartition> assigned = new HashSet<>();
        Instant nextDiscovery = Instant.EPOCH;
        try {
            while (running) {
                try {
                    if (Instant.now().isAfter(nextDiscovery)) {
                        assigned = reassign(assigned);
                        nextDiscovery = Instant.now().plus(assigned.isEmpty() ? Duration.ZERO : REDISCOVER);
                    }
                    if (assigned.isEmpty()) {
                        // The topics do not exist yet (the pipeline creates them); look again shortly.
                        closing.await(1, TimeUnit.SECONDS);
                        continue;
                    }
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                        dispatch(record);
                    }
                    if (!caughtUp && reachedEnd(assigned)) {
                        caughtUp = true;
                    }
                } catch (RetriableException e) {
                    // Broker unreachable or slow: the feed pauses and resumes by itself.
                    LOG.warn("dashboard topic feed waiting for the broker: {}", e.getMessage());
                    closing.await(2, TimeUnit.SECONDS);
                }
            }
        } catch (WakeupException e) {
            if (running) {
                LOG.warn("dashboard topic feed woken unexpectedly", e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("dashboard topic feed stopped: {}", e.toString(), e);
        } finally {
            consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
            stopped.countDown();
        }
    }

    /** Assigns partitions not yet assigned (topics may be created or grown after we start). */
    private Set<TopicPartition> reassign(Set<TopicPartition> assigned) {
        Set<TopicPartition> wanted = new HashSet<>();
        for (String topic : List.of(TopicNames.ALERTS, TopicNames.DEADLETTER)) {
            List<PartitionInfo> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(5));
            if (partitions != null) {
                for (PartitionInfo info : partitions) {
                    wanted.add(new TopicPartition(info.topic(), info.partition()));
                }
            }
        }
        if (wanted.equals(assigned) || !wanted.containsAll(assigned)) {
            return assigned;
        }
        List<TopicPartition> added = new ArrayList<>(wanted);
        added.removeAll(assigned);
        consumer.assign(wanted);
        Map<TopicPartition, Long> begin = consumer.beginningOffsets(added);
        Map<TopicPartition, Long> end = consumer.endOffsets(added);
        for (TopicPartition tp : added) {
            long window = tp.topic().equals(TopicNames.ALERTS) ? alerts.capacity() : DEAD_LETTER_WINDOW;
            consumer.seek(tp, Math.max(begin.get(tp), end.get(tp) - window));
        }
        caughtUp = false;
        return wanted;
    }

    private boolean reachedEnd(Set<TopicPartition> assigned) {
        Map<TopicPartition, Long> end = consumer.endOffsets(assigned);
        for (TopicPartition tp : assigned) {
            if (consumer.position(tp) < end.get(tp)) {
                return false;
            }
        }
        return true;
    }

    private void dispatch(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            return;
        }
        if (record.topic().equals(TopicNames.ALERTS)) {
            try {
                JsonNode alert = Json.mapper().readTree(record.value());
                if (alert != null && alert.isObject()) {
                    alerts.append(alert, caughtUp);
                }
            } catch (IOException e) {
                LOG.warn("skipping unreadable alert at {}-{}@{}: {}", record.topic(), record.partition(),
                        record.offset(), e.getMessage());
            }
        } else {
            deadLetters.append(deadLetterOf(record));
        }
    }

    /**
     * Reads a dead letter as the pipeline writes it (JSON with reason, detail, stage, failed_at); a record in any
     * other shape still counts, with what its headers say or "unreadable dead letter".
     */
    static DeadLetterLog.DeadLetter deadLetterOf(ConsumerRecord<String, byte[]> record) {
        Instant at = Instant.ofEpochMilli(record.timestamp());
        try {
            JsonNode value = Json.mapper().readTree(record.value());
            if (value != null && value.hasNonNull("reason")) {
                Instant failedAt = AlertLog.instantOf(value.path("failed_at").asText(null));
                return new DeadLetterLog.DeadLetter(record.key(), value.get("reason").asText(),
                        value.path("detail").asText(""), value.path("stage").asText(""),
                        failedAt == null ? at : failedAt);
            }
        } catch (IOException notJson) {
            // Not the pipeline's format: fall back to the headers below.
        }
        for (Header header : record.headers()) {
            String name = header.key().toLowerCase(Locale.ROOT);
            if (name.contains("reason") && header.value() != null) {
                return new DeadLetterLog.DeadLetter(record.key(), new String(header.value(), StandardCharsets.UTF_8),
                        "", "", at);
            }
        }
        return new DeadLetterLog.DeadLetter(record.key(), "unreadable dead letter", "", "", at);
    }

    @Override
    public void close() {
        running = false;
        closing.countDown();
        consumer.wakeup();
        try {
            if (!stopped.await(10, TimeUnit.SECONDS)) {
                LOG.warn("dashboard topic feed did not stop within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

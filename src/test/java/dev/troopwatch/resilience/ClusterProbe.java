package dev.troopwatch.resilience;

import dev.troopwatch.stream.StoreNames;
import dev.troopwatch.stream.TopicNames;
import dev.troopwatch.stream.TrackerInput;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * What the tests ask the cluster: the outputs as a {@code read_committed} consumer sees them, whether the
 * application has consumed everything, how large its state changelog is, which broker leads a partition.
 */
final class ClusterProbe implements AutoCloseable {
    private final String bootstrap;
    private final Admin admin;

    ClusterProbe(String bootstrap) {
        this.bootstrap = bootstrap;
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "60000");
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "15000");
        admin = Admin.create(config);
    }

    /** Every alert and situation record committed so far, read from the start with {@code read_committed}. */
    Outcome readOutcome() {
        Outcome.Builder outcome = new Outcome.Builder();
        readAll(TopicNames.ALERTS, record -> outcome.alert(record.value()));
        readAll(TopicNames.SITUATIONS, record -> outcome.situation(record.key(), record.value()));
        return outcome.build();
    }

    /** Number of committed alert records so far (duplicates included). */
    int alertRecords() {
        int[] count = {0};
        readAll(TopicNames.ALERTS, record -> count[0]++);
        return count[0];
    }

    /** Committed records of a topic, and how many distinct keys they carry. */
    record Count(int records, int distinctKeys) {
    }

    Count count(String topic) {
        int[] records = {0};
        Set<String> keys = new HashSet<>();
        readAll(topic, record -> {
            records[0]++;
            keys.add(record.key());
        });
        return new Count(records[0], keys.size());
    }

    /**
     * True when the tracker's reorder buffer holds no report: in its changelog, every key's latest record is a
     * tombstone. Reports wait there (wall-clock time) after their input offsets are committed, so "consumed
     * everything" alone does not mean "decided everything".
     */
    boolean reorderBufferEmpty(String applicationId) {
        String topic = applicationId + "-" + StoreNames.REPORT_BUFFER + "-changelog";
        if (endOffsetSum(topic) == 0) {
            return true;
        }
        Map<String, Boolean> live = new HashMap<>();
        readAll(topic, record -> live.put(record.key(), record.value() != null));
        return !live.containsValue(true);
    }

    /**
     * True when the application has consumed every report of its situation-reports repartition topic: whatever
     * lies past its committed offsets is progress notes only (the extract tasks send those on while the app runs,
     * so the topic's end never stays put; a note left unread is harmless, a report would be processed again).
     */
    boolean onlyProgressNotesLeft(String applicationId) {
        String topic = applicationId + "-" + StoreNames.SITUATION_REPORTS_REPARTITION + "-repartition";
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(applicationId)
                    .partitionsToOffsetAndMetadata().get(60, TimeUnit.SECONDS);
            try (KafkaConsumer<String, byte[]> consumer = readCommittedConsumer()) {
                List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(60)).stream()
                        .map(info -> new TopicPartition(topic, info.partition())).toList();
                consumer.assign(partitions);
                for (TopicPartition partition : partitions) {
                    OffsetAndMetadata offset = committed.get(partition);
                    consumer.seek(partition, offset == null ? 0 : offset.offset());
                }
                Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(60));
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (partitions.stream().anyMatch(p -> consumer.position(p, Duration.ofSeconds(60)) < end.get(p))) {
                    if (System.nanoTime() > deadline) {
                        return false;
                    }
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                        if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))
                                && (record.key() == null || !record.key().startsWith(TrackerInput.PROGRESS_KEY_PREFIX))) {
                            return false;
                        }
                    }
                }
                return true;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
            // The group coordinator may be moving (broker killed); the caller asks again.
            return false;
        }
    }

    /** Dead letters committed so far, as raw JSON values with their keys. */
    List<ConsumerRecord<String, byte[]>> deadLetters() {
        List<ConsumerRecord<String, byte[]>> letters = new ArrayList<>();
        readAll(TopicNames.DEADLETTER, letters::add);
        return letters;
    }

    private KafkaConsumer<String, byte[]> readCommittedConsumer() {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, IsolationLevel.READ_COMMITTED.toString());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    }

    private void readAll(String topic, Consumer<ConsumerRecord<String, byte[]>> sink) {
        try (KafkaConsumer<String, byte[]> consumer = readCommittedConsumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(60)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(60));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (partitions.stream().anyMatch(p -> consumer.position(p, Duration.ofSeconds(60)) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " to its end " + end);
                }
                consumer.poll(Duration.ofMillis(500)).forEach(sink);
            }
        }
    }

    /**
     * True when the application's consumer group has committed offsets at the end of every partition of the given
     * topics, i.e. it has consumed everything in them. Exact for topics written without transactions (the raw
     * topic; every topic under at_least_once).
     */
    boolean consumedEverything(String applicationId, List<String> topics) {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(applicationId)
                    .partitionsToOffsetAndMetadata().get(60, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> request = new HashMap<>();
            for (TopicDescription description : admin.describeTopics(topics).allTopicNames()
                    .get(60, TimeUnit.SECONDS).values()) {
                for (TopicPartitionInfo partition : description.partitions()) {
                    request.put(new TopicPartition(description.name(), partition.partition()), OffsetSpec.latest());
                }
            }
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> end = admin.listOffsets(request).all()
                    .get(60, TimeUnit.SECONDS);
            for (Map.Entry<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> partition : end.entrySet()) {
                OffsetAndMetadata offset = committed.get(partition.getKey());
                long position = offset == null ? 0 : offset.offset();
                if (position < partition.getValue().offset()) {
                    return false;
                }
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
            // The group coordinator may be moving (broker killed); the caller asks again.
            return false;
        }
    }

    /** Records in the situation store's changelog: how much state a restarted instance restores. */
    long changelogRecords(String applicationId) {
        String topic = applicationId + "-" + StoreNames.SITUATIONS + "-changelog";
        return endOffsetSum(topic);
    }

    long endOffsetSum(String topic) {
        try {
            Set<String> names = admin.listTopics().names().get(60, TimeUnit.SECONDS);
            if (!names.contains(topic)) {
                return 0;
            }
            Map<TopicPartition, OffsetSpec> request = new HashMap<>();
            for (TopicPartitionInfo partition : admin.describeTopics(List.of(topic)).allTopicNames()
                    .get(60, TimeUnit.SECONDS).get(topic).partitions()) {
                request.put(new TopicPartition(topic, partition.partition()), OffsetSpec.latest());
            }
            return admin.listOffsets(request).all().get(60, TimeUnit.SECONDS).values().stream()
                    .mapToLong(ListOffsetsResult.ListOffsetsResultInfo::offset).sum();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot read the end offsets of " + topic, e);
        }
    }

    /** The node id leading {@code topic}-{@code partition} now. */
    int leaderOf(String topic, int partition) {
        try {
            TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames()
                    .get(60, TimeUnit.SECONDS).get(topic);
            return description.partitions().get(partition).leader().id();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot describe " + topic, e);
        }
    }

    /** True when every partition of the topics has its full replica set in sync. */
    boolean fullyReplicated(List<String> topics) {
        try {
            for (TopicDescription description : admin.describeTopics(topics).allTopicNames()
                    .get(60, TimeUnit.SECONDS).values()) {
                for (TopicPartitionInfo partition : description.partitions()) {
                    if (partition.isr().size() < partition.replicas().size()) {
                        return false;
                    }
                }
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
    }

    Admin admin() {
        return admin;
    }

    /**
     * Polls {@code condition} until it holds; between polls the thread parks briefly (the condition itself asks
     * the cluster, which is what is being waited for).
     */
    static void await(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out after " + timeout.toSeconds() + " s waiting for " + what);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(500));
        }
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(10));
    }
}

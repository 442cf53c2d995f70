package dev.troopwatch.bench;

import dev.troopwatch.runtime.PipelineRunner;
import dev.troopwatch.stream.Json;
import dev.troopwatch.stream.TopicNames;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** Admin work the benchmark does between runs on one broker: fresh topics, preloading, offsets. */
final class BenchCluster implements AutoCloseable {
    /** The topics troopwatch writes; recreated before each pipeline run so one run never reads another's output. */
    static final List<String> PIPELINE_OUTPUTS = List.of(TopicNames.ARTICLES_CLEAN, TopicNames.ALERTS,
            TopicNames.SITUATIONS, TopicNames.DEADLETTER);
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final String bootstrapServers;
    private final Admin admin;

    BenchCluster(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        this.admin = Admin.create(props);
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    /** Deletes {@code topics} (waiting until they are gone) and applies {@code topics/} again. */
    void recreate(List<String> topics) {
        try {
            Set<String> existing = admin.listTopics().names().get();
            List<String> present = topics.stream().filter(existing::contains).toList();
            if (!present.isEmpty()) {
                admin.deleteTopics(present).all().get();
            }
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (admin.listTopics().names().get().stream().anyMatch(present::contains)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("topics not deleted in time: " + present);
                }
                // Deletion is asynchronous in the controller; there is no completion event to wait on.
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
            }
            applyTopics();
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot recreate topics " + topics + ": " + e.getCause(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Applies {@code topics/}; a topic still being deleted is retried until the controller lets it be made. */
    void applyTopics() {
        Properties client = new Properties();
        client.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            try {
                PipelineRunner.applyTopics(client, new Properties(), TIMEOUT);
                return;
            } catch (RuntimeException e) {
                if (!causedBy(e, TopicExistsException.class) || System.nanoTime() > deadline) {
                    throw e;
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
            }
        }
    }

    /** A plain topic with as many partitions as the raw input, made fresh. */
    void recreatePlain(String topic, int partitions) {
        try {
            if (admin.listTopics().names().get().contains(topic)) {
                admin.deleteTopics(List.of(topic)).all().get();
            }
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (true) {
                try {
                    admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
                    return;
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException) || System.nanoTime() > deadline) {
                        throw e;
                    }
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
                }
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot create " + topic + ": " + e.getCause(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    int partitions(String topic) {
        return describe(topic).partitions().size();
    }

    /** Publishes the articles to the raw topic as fast as the producer allows, keyed by id, and flushes. */
    void preload(List<GeneratedArticle> articles) {
        try (KafkaProducer<byte[], byte[]> producer = producer(Map.of(ProducerConfig.LINGER_MS_CONFIG, "20",
                ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(256 * 1024)))) {
            for (GeneratedArticle article : articles) {
                producer.send(record(article));
            }
            producer.flush();
        }
    }

    KafkaProducer<byte[], byte[]> producer(Map<String, String> overrides) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.putAll(overrides);
        return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    }

    static ProducerRecord<byte[], byte[]> record(GeneratedArticle article) {
        try {
            return new ProducerRecord<>(TopicNames.ARTICLES_RAW, article.raw().id().getBytes(StandardCharsets.UTF_8),
                    Json.mapper().writeValueAsBytes(article.raw()));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + article.raw().id(), e);
        }
    }

    /** Latest offsets of every partition of {@code topics} as a read_committed reader sees them. */
    Map<TopicPartition, Long> endOffsets(List<String> topics) {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        for (String topic : topics) {
            for (int p = 0; p < partitions(topic); p++) {
                request.put(new TopicPartition(topic, p), OffsetSpec.latest());
            }
        }
        try {
            Map<TopicPartition, Long> out = new HashMap<>();
            admin.listOffsets(request, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get()
                    .forEach((tp, info) -> out.put(tp, info.offset()));
            return out;
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot list offsets: " + e.getCause(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Offsets the consumer group {@code groupId} has committed, per partition. */
    Map<TopicPartition, Long> committed(String groupId) {
        try {
            Map<TopicPartition, OffsetAndMetadata> offsets =
                    admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, Long> out = new HashMap<>();
            offsets.forEach((tp, om) -> {
                if (om != null) {
                    out.put(tp, om.offset());
                }
            });
            return out;
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot read offsets of " + groupId + ": " + e.getCause(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private TopicDescription describe(String topic) {
        try {
            return admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                throw new IllegalStateException("no topic " + topic, e);
            }
            throw new IllegalStateException("cannot describe " + topic + ": " + e.getCause(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        List<Throwable> seen = new ArrayList<>();
        for (Throwable t = e; t != null && !seen.contains(t); t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
            seen.add(t);
        }
        return false;
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(10));
    }
}

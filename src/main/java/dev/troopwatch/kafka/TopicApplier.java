package dev.troopwatch.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Makes the cluster match {@code topics/}: creates missing topics, alters configs that differ (incrementally, only
 * the keys a spec names), raises partition counts. It never deletes a topic, never lowers partitions and never
 * reassigns replicas; such differences are reported instead. Applying twice changes nothing the second time.
 */
public final class TopicApplier {
    private final Admin admin;
    private final Duration timeout;

    public TopicApplier(Admin admin, Duration timeout) {
        this.admin = admin;
        this.timeout = timeout;
    }

    /** Applies every spec; the returned list has at least one entry per topic. */
    public List<TopicChange> apply(Collection<TopicSpec> specs) {
        Set<String> existing = await(admin.listTopics().names(), "list topics");
        List<TopicChange> changes = new ArrayList<>();
        for (TopicSpec spec : specs) {
            if (existing.contains(spec.name()) || !create(spec, changes)) {
                update(spec, changes);
            }
        }
        return List.copyOf(changes);
    }

    /** False when another process created the topic first; it is then updated like an existing one. */
    private boolean create(TopicSpec spec, List<TopicChange> changes) {
        NewTopic topic = new NewTopic(spec.name(), spec.partitions(), (short) spec.replicationFactor())
                .configs(spec.configs());
        try {
            admin.createTopics(List.of(topic)).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TopicExistsException) {
                return false;
            }
            throw new IllegalStateException("cannot create " + spec.name() + " (" + spec.origin() + "): "
                    + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("creating " + spec.name() + " timed out after " + timeout.toSeconds()
                    + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating " + spec.name(), e);
        }
        awaitLeaders(spec.name(), spec.partitions());
        changes.add(new TopicChange(spec.name(), TopicChange.Kind.CREATED, spec.partitions() + " partitions, RF "
                + spec.replicationFactor() + ", " + spec.configs()));
        return true;
    }

    private void update(TopicSpec spec, List<TopicChange> changes) {
        int before = changes.size();
        TopicDescription description = describe(spec.name());
        int partitions = description.partitions().size();
        if (spec.partitions() > partitions) {
            await(admin.createPartitions(Map.of(spec.name(), NewPartitions.increaseTo(spec.partitions()))).all(),
                    "add partitions to " + spec.name());
            awaitLeaders(spec.name(), spec.partitions());
            changes.add(new TopicChange(spec.name(), TopicChange.Kind.PARTITIONS_INCREASED,
                    partitions + " -> " + spec.partitions()));
        } else if (spec.partitions() < partitions) {
            changes.add(new TopicChange(spec.name(), TopicChange.Kind.NOT_CHANGED_BY_DESIGN, "has " + partitions
                    + " partitions, spec asks " + spec.partitions() + "; partitions are never decreased"));
        }
        int replication = description.partitions().get(0).replicas().size();
        if (replication != spec.replicationFactor()) {
            changes.add(new TopicChange(spec.name(), TopicChange.Kind.NOT_CHANGED_BY_DESIGN, "replication factor is "
                    + replication + ", spec asks " + spec.replicationFactor()
                    + "; reassign replicas with kafka-reassign-partitions"));
        }
        alterConfigs(spec, changes);
        if (changes.size() == before) {
            changes.add(new TopicChange(spec.name(), TopicChange.Kind.UNCHANGED, "matches " + spec.origin()));
        }
    }

    private void alterConfigs(TopicSpec spec, List<TopicChange> changes) {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, spec.name());
        Config current = await(admin.describeConfigs(List.of(resource)).all(), "describe configs of " + spec.name())
                .get(resource);
        List<AlterConfigOp> ops = new ArrayList<>();
        List<String> details = new ArrayList<>();
        spec.configs().forEach((key, wanted) -> {
            ConfigEntry entry = current.get(key);
            String actual = entry == null ? null : entry.value();
            if (!wanted.equals(actual)) {
                ops.add(new AlterConfigOp(new ConfigEntry(key, wanted), AlterConfigOp.OpType.SET));
                details.add(key + ": " + actual + " -> " + wanted);
            }
        });
        if (!ops.isEmpty()) {
            await(admin.incrementalAlterConfigs(Map.of(resource, ops)).all(), "alter configs of " + spec.name());
            changes.add(new TopicChange(spec.name(), TopicChange.Kind.CONFIG_ALTERED, String.join(", ", details)));
        }
    }

    /**
     * The controller acknowledges a new topic before every broker's metadata cache has it; clients that start right
     * after apply (the streams application) need it served, with a leader for every partition.
     */
    private void awaitLeaders(String topic, int partitions) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames()
                        .get(timeout.toMillis(), TimeUnit.MILLISECONDS).get(topic);
                if (description.partitions().size() >= partitions
                        && description.partitions().stream().allMatch(p -> p.leader() != null && !p.leader().isEmpty())) {
                    return;
                }
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof RetriableException)) {
                    throw new IllegalStateException("describe " + topic + " failed: " + e.getCause().getMessage(),
                            e.getCause());
                }
            } catch (TimeoutException e) {
                throw new IllegalStateException("describe " + topic + " timed out", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while describing " + topic, e);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(topic + " has no leader for every partition after "
                        + timeout.toSeconds() + " s");
            }
            // Between metadata polls only; each describe call is what waits on the cluster.
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
    }

    private TopicDescription describe(String topic) {
        awaitLeaders(topic, 1);
        return await(admin.describeTopics(List.of(topic)).allTopicNames(), "describe " + topic).get(topic);
    }

    private <T> T await(KafkaFuture<T> future, String what) {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(what + " failed: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException(what + " timed out after " + timeout.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during " + what, e);
        }
    }
}

package dev.troopwatch.stream;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The end offsets of the input topic's partitions and the application's committed offsets on them, refreshed every
 * {@link #REFRESH} by a background thread with its own admin client: what tells an extract task whether it has
 * processed everything there is to read (it knows the offset it processed last), which Kafka Streams does not tell
 * a processor. Neither the consumer's lag (it counts fetched records as done, though they may still wait in the
 * task's queue) nor a pause in processing (a task starves while its thread works through other tasks' backlog)
 * says it.
 *
 * <p>Detached (a topology built for a test driver or a description) every offset is unknown, and a task counts as
 * caught up when it has processed nothing lately. Attached to a running instance ({@link TroopwatchTopology#streams})
 * offsets not read yet mean the task cannot tell, and it counts as busy. Offsets that cannot be read for
 * {@link #STALE_AFTER} (the broker away, the admin client refused) degrade to the detached rule, so that the
 * pipeline goes on deciding, only without the ordering guarantee for bursts. The thread stops by itself once the
 * instance stops.
 */
public final class InputOffsets {
    static final long UNKNOWN = -1L;
    static final Duration REFRESH = Duration.ofMillis(50);
    static final Duration STALE_AFTER = Duration.ofSeconds(5);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);
    private static final Logger LOG = LoggerFactory.getLogger(InputOffsets.class);

    private final String topic;
    private volatile boolean attached;
    private volatile long attachedAt;
    private volatile Map<Integer, Long> ends = Map.of();
    private volatile long endsReadAt = UNKNOWN;
    private volatile Map<Integer, Long> committed = Map.of();

    InputOffsets(String topic) {
        this.topic = topic;
    }

    /**
     * Whether no running instance feeds these offsets (a test driver, a description): then an unknown offset means
     * "cannot know", not "not read yet".
     */
    boolean detached() {
        return !attached;
    }

    /** Whether the offsets were read within {@link #STALE_AFTER} before {@code now}. */
    boolean fresh(long now) {
        long readAt = endsReadAt;
        return readAt != UNKNOWN && now - readAt <= STALE_AFTER.toMillis();
    }

    /** Whether the offsets have not been read yet and the instance started less than {@link #STALE_AFTER} ago. */
    boolean starting(long now) {
        return endsReadAt == UNKNOWN && now - attachedAt <= STALE_AFTER.toMillis();
    }

    /** End offset of {@code partition} at the last refresh, or {@link #UNKNOWN}. */
    long endOffset(int partition) {
        return ends.getOrDefault(partition, UNKNOWN);
    }

    /**
     * Wall-clock time (epoch millis) just before the end offsets were requested: every record appended before then
     * lies below them. {@link #UNKNOWN} while they are.
     */
    long endsReadAt() {
        return endsReadAt;
    }

    /** The application's committed offset on {@code partition} at the last refresh, or {@link #UNKNOWN}. */
    long committedOffset(int partition) {
        return committed.getOrDefault(partition, UNKNOWN);
    }

    /** Starts refreshing for {@code streams}, whose config is {@code streamsConfig}, until it stops. */
    void attach(KafkaStreams streams, Properties streamsConfig) {
        StreamsConfig config = new StreamsConfig(streamsConfig);
        String group = config.getString(StreamsConfig.APPLICATION_ID_CONFIG);
        Map<String, Object> adminConfig = config.getAdminConfigs(group + "-input-offsets");
        markAttached(System.currentTimeMillis());
        Thread refresher = new Thread(() -> refresh(streams, adminConfig, group), group + "-input-offsets");
        refresher.setDaemon(true);
        refresher.start();
    }

    private void refresh(KafkaStreams streams, Map<String, Object> adminConfig, String group) {
        try (Admin admin = Admin.create(adminConfig)) {
            List<TopicPartition> partitions = List.of();
            while (!stopped(streams.state())) {
                try {
                    if (partitions.isEmpty()) {
                        TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames()
                                .get(REQUEST_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).get(topic);
                        partitions = description.partitions().stream()
                                .map(p -> new TopicPartition(topic, p.partition())).toList();
                    }
                    long requestedAt = System.currentTimeMillis();
                    Map<TopicPartition, OffsetSpec> latest = partitions.stream()
                            .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
                    Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> endInfo = admin.listOffsets(latest)
                            .all().get(REQUEST_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                    Map<TopicPartition, OffsetAndMetadata> groupOffsets = admin.listConsumerGroupOffsets(group)
                            .partitionsToOffsetAndMetadata().get(REQUEST_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                    Map<Integer, Long> newEnds = new HashMap<>();
                    endInfo.forEach((tp, info) -> newEnds.put(tp.partition(), info.offset()));
                    Map<Integer, Long> newCommitted = new HashMap<>();
                    groupOffsets.forEach((tp, offset) -> {
                        if (tp.topic().equals(topic) && offset != null) {
                            newCommitted.put(tp.partition(), offset.offset());
                        }
                    });
                    update(newEnds, newCommitted, requestedAt);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (Exception e) {
                    // The broker may be away for a while: the last offsets stay, and once they are older than
                    // STALE_AFTER the tasks fall back to "processed nothing lately".
                    LOG.debug("cannot read the offsets of {}: {}", topic, e.toString());
                }
                LockSupport.parkNanos(REFRESH.toNanos());
            }
        }
    }

    /** From now on offsets not (yet) read mean "cannot tell", not "no instance". */
    void markAttached(long now) {
        attachedAt = now;
        attached = true;
    }

    /** The offsets as read at {@code readAt}: end offsets and the group's committed offsets, by partition. */
    void update(Map<Integer, Long> newEnds, Map<Integer, Long> newCommitted, long readAt) {
        committed = Map.copyOf(newCommitted);
        ends = Map.copyOf(newEnds);
        endsReadAt = readAt;
    }

    private static boolean stopped(KafkaStreams.State state) {
        return state == KafkaStreams.State.PENDING_SHUTDOWN || state == KafkaStreams.State.NOT_RUNNING
                || state == KafkaStreams.State.PENDING_ERROR || state == KafkaStreams.State.ERROR;
    }
}

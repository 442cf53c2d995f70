package dev.troopwatch.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.troopwatch.kafka.BrokerSettings;
import dev.troopwatch.kafka.EmbeddedKafkaBroker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.ThreadMetadata;
import org.apache.kafka.streams.processor.TaskId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What `run` promises: two instances on one machine and one data dir share the work without colliding. */
class TwoInstancesTest {
    @TempDir
    Path dataDir;

    @Test
    void twoRunnersOnOneDataDirSplitTheTasks() throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(BrokerSettings.singleNode(dataDir.resolve("kafka")));
             PipelineRunner first = PipelineRunner.start(config(broker), HttpEndpoints.defaultFactory(),
                     Duration.ofSeconds(120));
             PipelineRunner second = PipelineRunner.start(config(broker), HttpEndpoints.defaultFactory(),
                     Duration.ofSeconds(120))) {
            assertNotEquals(first.http().port(), second.http().port());
            Duration settle = Duration.ofSeconds(90);
            assertTrue(second.await(s -> running(s) && !activeTasks(s).isEmpty(), settle),
                    "second instance got tasks");
            assertTrue(first.await(s -> running(s) && !activeTasks(s).isEmpty()
                    && disjoint(activeTasks(s), activeTasks(second.streams())), settle),
                    "first kept tasks, none shared: " + activeTasks(first.streams()) + " / "
                            + activeTasks(second.streams()));
            assertEquals(KafkaStreams.State.RUNNING, second.streams().state());
        }
    }

    private static TroopwatchConfig config(EmbeddedKafkaBroker broker) {
        Properties flags = new Properties();
        flags.setProperty(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        return TroopwatchConfig.resolve(new Properties(), flags, broker.dataDir().getParent(), "127.0.0.1", 0);
    }

    private static boolean running(KafkaStreams streams) {
        return streams.state() == KafkaStreams.State.RUNNING;
    }

    private static Set<TaskId> activeTasks(KafkaStreams streams) {
        Set<TaskId> tasks = new HashSet<>();
        for (ThreadMetadata thread : streams.metadataForLocalThreads()) {
            thread.activeTasks().forEach(t -> tasks.add(t.taskId()));
        }
        return tasks;
    }

    private static boolean disjoint(Set<TaskId> a, Set<TaskId> b) {
        Set<TaskId> both = new HashSet<>(a);
        both.retainAll(b);
        return both.isEmpty();
    }
}

package dev.troopwatch.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.troopwatch.stream.TopicNames;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against a real embedded broker: the applier converges and a second run is a no-op. */
class TopicApplierTest {
    @TempDir
    static Path dataDir;
    private static EmbeddedKafkaBroker broker;
    private static Admin admin;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedKafkaBroker.start(BrokerSettings.singleNode(dataDir));
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
    }

    @AfterAll
    static void stopBroker() {
        admin.close();
        broker.close();
    }

    @Test
    void createsThenChangesNothingThenRepairsDriftAndRaisesPartitions() throws Exception {
        List<TopicSpec> specs = TopicSpecLoader.loadDirectory(Path.of("topics"));
        TopicApplier applier = new TopicApplier(admin, Duration.ofSeconds(30));

        List<TopicChange> first = applier.apply(specs);
        assertEquals(specs.size(), first.stream().filter(c -> c.kind() == TopicChange.Kind.CREATED).count(), first.toString());

        List<TopicChange> second = applier.apply(specs);
        assertTrue(second.stream().allMatch(c -> c.kind() == TopicChange.Kind.UNCHANGED), second.toString());

        // Someone changes retention by hand: the next apply puts the declared value back, and only that.
        ConfigResource raw = new ConfigResource(ConfigResource.Type.TOPIC, TopicNames.ARTICLES_RAW);
        admin.incrementalAlterConfigs(Map.of(raw, List.of(new AlterConfigOp(new ConfigEntry("retention.ms", "1000"),
                AlterConfigOp.OpType.SET)))).all().get(30, TimeUnit.SECONDS);
        awaitRetention(raw, "1000");
        List<TopicChange> repaired = applier.apply(specs);
        List<TopicChange> modified = repaired.stream().filter(TopicChange::modified).toList();
        assertEquals(1, modified.size(), repaired.toString());
        assertEquals(TopicChange.Kind.CONFIG_ALTERED, modified.get(0).kind());
        assertTrue(modified.get(0).detail().contains("retention.ms: 1000 -> "), modified.get(0).detail());

        // A cluster override raises partitions; asking for fewer again never shrinks the topic.
        TopicSpec rawSpec = specs.stream().filter(s -> s.name().equals(TopicNames.ARTICLES_RAW)).findFirst().orElseThrow();
        List<TopicChange> raised = applier.apply(List.of(rawSpec.withPartitions(rawSpec.partitions() + 2)));
        assertEquals(TopicChange.Kind.PARTITIONS_INCREASED, raised.get(0).kind(), raised.toString());
        assertEquals(rawSpec.partitions() + 2, admin.describeTopics(List.of(TopicNames.ARTICLES_RAW)).allTopicNames()
                .get(30, TimeUnit.SECONDS).get(TopicNames.ARTICLES_RAW).partitions().size());
        List<TopicChange> lower = applier.apply(List.of(rawSpec));
        assertEquals(TopicChange.Kind.NOT_CHANGED_BY_DESIGN, lower.get(0).kind(), lower.toString());
        assertTrue(admin.listTopics().names().get(30, TimeUnit.SECONDS).containsAll(
                specs.stream().map(TopicSpec::name).toList()));
    }

    /** Config changes reach the broker's metadata asynchronously; wait until the hand-made drift is visible. */
    private static void awaitRetention(ConfigResource topic, String expected) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!expected.equals(admin.describeConfigs(List.of(topic)).all().get(30, TimeUnit.SECONDS)
                .get(topic).get("retention.ms").value())) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("retention.ms of " + topic.name() + " never became " + expected);
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
    }
}

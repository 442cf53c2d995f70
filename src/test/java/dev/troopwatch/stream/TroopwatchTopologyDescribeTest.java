package dev.troopwatch.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.streams.TopologyDescription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Locks the names of every processor, store and topic of the production topology. Changelog and repartition topics
 * are named after them: a change here is a breaking upgrade and must be deliberate.
 */
class TroopwatchTopologyDescribeTest {
    @TempDir
    Path stateDir;

    @Test
    void processorStoreAndTopicNamesAreLocked() {
        TopologyDescription description = TroopwatchTopology.buildTopology(TopologyWiringTest.config(stateDir))
                .describe();
        Set<String> nodes = new TreeSet<>();
        Set<String> stores = new TreeSet<>();
        Set<String> topics = new TreeSet<>();
        for (TopologyDescription.Subtopology sub : description.subtopologies()) {
            for (TopologyDescription.Node node : sub.nodes()) {
                nodes.add(node.name());
                if (node instanceof TopologyDescription.Processor processor) {
                    stores.addAll(processor.stores());
                } else if (node instanceof TopologyDescription.Source source) {
                    topics.addAll(source.topicSet());
                } else if (node instanceof TopologyDescription.Sink sink) {
                    topics.add(sink.topic());
                }
            }
        }
        assertEquals(new TreeSet<>(Set.of(
                "read-raw-articles", "validate-normalise", "cleaning-rejected", "cleaning-clean",
                "rejection-to-deadletter", "write-rejections", "clean-article", "write-clean-articles",
                "extract-mentions",
                "situation-reports-repartition-filter", "situation-reports-repartition-sink",
                "situation-reports-repartition-source",
                "track-situations", "tracked-alerts", "tracked-states", "alert-value", "write-alerts",
                "state-value", "write-situations", "cleaning-", "tracked-")), nodes);
        assertEquals(Set.of(StoreNames.SITUATIONS, StoreNames.HISTORY, StoreNames.FINGERPRINTS,
                StoreNames.REPORT_BUFFER), stores);
        // spelled out: the changelog topics are named after these, so renaming a constant is an upgrade break too
        assertEquals(Set.of("situation-store", "situation-history", "situation-fingerprints",
                "situation-report-buffer"), stores);
        assertEquals(new TreeSet<>(Set.of(TopicNames.ARTICLES_RAW, TopicNames.ARTICLES_CLEAN, TopicNames.ALERTS,
                TopicNames.SITUATIONS, TopicNames.DEADLETTER, "situation-reports-repartition")), topics);
        assertEquals(2, description.subtopologies().size(), "raw->clean+repartition, repartition->outputs");
    }
}

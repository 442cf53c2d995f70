package dev.troopwatch.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.troopwatch.kafka.TopicOverrides;
import dev.troopwatch.kafka.TopicSpec;
import dev.troopwatch.kafka.TopicSpecLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** No Docker engine runs here, so the compose file is checked against the pom, topics/ and the CLI instead. */
class DockerComposeTest {
    private static JsonNode services;
    private static Properties cluster;

    @BeforeAll
    static void load() throws Exception {
        services = new ObjectMapper(new YAMLFactory()).readTree(Path.of("docker-compose.yml").toFile()).path("services");
        cluster = TroopwatchConfig.loadFile(Path.of("docker/cluster.properties"));
    }

    @Test
    void threeKraftBrokersOnTheOfficialImageAtThePomsKafkaVersion() throws Exception {
        Matcher version = Pattern.compile("<kafka.version>([^<]+)</kafka.version>")
                .matcher(Files.readString(Path.of("pom.xml")));
        assertTrue(version.find());
        List<String> brokers = brokers();
        assertEquals(List.of("kafka-1", "kafka-2", "kafka-3"), brokers);
        Set<String> nodeIds = new HashSet<>();
        Set<String> clusterIds = new HashSet<>();
        for (String name : brokers) {
            JsonNode broker = services.path(name);
            assertEquals("apache/kafka:" + version.group(1), broker.path("image").asText(), name);
            JsonNode env = broker.path("environment");
            assertEquals("broker,controller", env.path("KAFKA_PROCESS_ROLES").asText(), name);
            assertEquals("1@kafka-1:9093,2@kafka-2:9093,3@kafka-3:9093",
                    env.path("KAFKA_CONTROLLER_QUORUM_VOTERS").asText(), name);
            assertTrue(env.path("KAFKA_ADVERTISED_LISTENERS").asText().contains("PLAINTEXT://" + name + ":19092"),
                    name);
            assertEquals("3", env.path("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR").asText(), name);
            nodeIds.add(env.path("KAFKA_NODE_ID").asText());
            clusterIds.add(env.path("CLUSTER_ID").asText());
        }
        assertEquals(Set.of("1", "2", "3"), nodeIds);
        assertEquals(1, clusterIds.size(), "one cluster id for all nodes");
        assertEquals(String.join(",", brokers.stream().map(b -> b + ":19092").toList()),
                cluster.getProperty("bootstrap.servers"));
    }

    @Test
    void topicsStepAppliesEveryTopicFileWithReplicationThreeAfterTheBrokers() {
        JsonNode topics = services.path("topics");
        List<String> command = command(topics);
        assertEquals(List.of("topics", "--apply"), command.subList(0, 2));
        assertFalse(command.contains("--topics-dir"), "applies the topics/ bundled in the jar");
        for (String broker : brokers()) {
            assertEquals("service_healthy", topics.path("depends_on").path(broker).path("condition").asText());
        }
        Properties overrides = new Properties();
        overrides.putAll(cluster);
        overrides.setProperty("topics.replication.factor", flag(command, "--replication-factor"));
        overrides.setProperty("topics.config.min.insync.replicas", flag(command, "--min-insync-replicas"));
        assertEquals("3", overrides.getProperty("topics.replication.factor"));
        assertEquals(cluster.getProperty("topics.replication.factor"), overrides.getProperty("topics.replication.factor"),
                "the run instances apply the same replication as the topics step");
        assertEquals(cluster.getProperty("topics.config.min.insync.replicas"),
                overrides.getProperty("topics.config.min.insync.replicas"));
        List<TopicSpec> specs = TopicOverrides.apply(TopicSpecLoader.loadDirectory(Path.of("topics")), overrides);
        assertFalse(specs.isEmpty());
        for (TopicSpec spec : specs) {
            assertEquals(3, spec.replicationFactor(), spec.name());
            assertTrue(spec.replicationFactor() <= brokers().size(), spec.name());
            assertEquals("2", spec.configs().get("min.insync.replicas"), spec.name() + " survives one broker down");
        }
    }

    @Test
    void twoRunInstancesShareTheClusterConfigWithSeparateStateAndPorts() {
        List<String> instances = new ArrayList<>();
        services.fieldNames().forEachRemaining(name -> {
            List<String> command = command(services.path(name));
            if (!command.isEmpty() && command.get(0).equals("run")) {
                instances.add(name);
            }
        });
        assertEquals(2, instances.size(), instances.toString());
        Set<String> hostPorts = new TreeSet<>();
        Set<String> instanceIds = new TreeSet<>();
        for (String name : instances) {
            JsonNode service = services.path(name);
            List<String> command = command(service);
            assertEquals("/app/cluster.properties", flag(command, "--config"), name);
            assertEquals("0.0.0.0", flag(command, "--http-host"), name + " must be reachable from outside");
            String port = flag(command, "--http-port");
            String mapping = service.path("ports").path(0).asText();
            assertTrue(mapping.endsWith(":" + port), name + " publishes its HTTP port: " + mapping);
            hostPorts.add(mapping.substring(0, mapping.indexOf(':')));
            instanceIds.add(flag(command, "--instance-id"));
            assertTrue(command.contains("troopwatch.http.advertised.host=" + name),
                    name + " advertises a name the other instance can reach for interactive queries");
            assertEquals("service_completed_successfully",
                    service.path("depends_on").path("topics").path("condition").asText(), name);
        }
        assertEquals(2, hostPorts.size());
        assertEquals(2, instanceIds.size());
        assertEquals("3", cluster.getProperty("replication.factor"), "Streams' internal topics replicated too");
    }

    @Test
    void imageShipsTheJarAndTheClusterConfig() throws Exception {
        String dockerfile = Files.readString(Path.of("Dockerfile"));
        assertTrue(dockerfile.contains("COPY target/troopwatch.jar"));
        assertTrue(dockerfile.contains("COPY docker/cluster.properties /app/cluster.properties"));
        assertEquals(".", services.path("topics").path("build").asText());
    }

    private static List<String> brokers() {
        List<String> brokers = new ArrayList<>();
        services.fieldNames().forEachRemaining(name -> {
            if (services.path(name).path("image").asText().startsWith("apache/kafka:")) {
                brokers.add(name);
            }
        });
        return brokers;
    }

    private static List<String> command(JsonNode service) {
        JsonNode command = service.path("command");
        if (command.isTextual()) {
            return Arrays.asList(command.asText().trim().split("\\s+"));
        }
        List<String> parts = new ArrayList<>();
        command.forEach(part -> parts.add(part.asText()));
        return parts;
    }

    private static String flag(List<String> command, String name) {
        int i = command.indexOf(name);
        assertTrue(i >= 0 && i + 1 < command.size(), name + " in " + command);
        return command.get(i + 1);
    }
}

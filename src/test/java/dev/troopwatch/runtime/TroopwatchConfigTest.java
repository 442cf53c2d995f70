package dev.troopwatch.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.troopwatch.stream.StreamsDefaults;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TroopwatchConfigTest {
    @TempDir
    Path dataDir;

    @Test
    void defaultsAreExactlyOnceWithPerInstanceStateAndApplicationServer() {
        TroopwatchConfig config = TroopwatchConfig.resolve(new Properties(), bootstrap("b:9092"), dataDir,
                "127.0.0.1", 8081);
        Properties s = config.streams();
        assertEquals("troopwatch", s.getProperty(StreamsConfig.APPLICATION_ID_CONFIG));
        assertEquals(StreamsConfig.EXACTLY_ONCE_V2, s.getProperty(StreamsConfig.PROCESSING_GUARANTEE_CONFIG));
        assertEquals(dataDir.resolve("state").resolve("http-8081").toString(),
                s.getProperty(StreamsConfig.STATE_DIR_CONFIG));
        assertEquals("127.0.0.1:8081", s.getProperty(StreamsConfig.APPLICATION_SERVER_CONFIG));
        assertEquals("50", s.getProperty(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG));
        assertEquals("b:9092", config.bootstrapServers());
    }

    @Test
    void twoInstancesOnOneMachineGetDifferentStateDirsAndServers() {
        TroopwatchConfig a = TroopwatchConfig.resolve(new Properties(), bootstrap("b:9092"), dataDir, "127.0.0.1", 8081);
        TroopwatchConfig b = TroopwatchConfig.resolve(new Properties(), bootstrap("b:9092"), dataDir, "127.0.0.1", 8082);
        assertNotEquals(a.streams().getProperty(StreamsConfig.STATE_DIR_CONFIG),
                b.streams().getProperty(StreamsConfig.STATE_DIR_CONFIG));
        assertNotEquals(a.applicationServer(), b.applicationServer());
        TroopwatchConfig free = TroopwatchConfig.resolve(new Properties(), bootstrap("b:9092"), dataDir, "127.0.0.1", 0);
        assertTrue(free.httpPort() > 0, "port 0 resolved to a real port for application.server");
    }

    @Test
    void fileOverridesDefaultsAndFlagsOverrideTheFileAndOurKeysStayOutOfKafkasProperties() throws Exception {
        Path file = dataDir.resolve("troopwatch.properties");
        Files.writeString(file, """
                # cluster settings
                bootstrap.servers=file:9092
                processing.guarantee=at_least_once
                num.standby.replicas=1
                topics.replication.factor=3
                troopwatch.instance.id=node-a
                """);
        TroopwatchConfig config = TroopwatchConfig.resolve(TroopwatchConfig.loadFile(file), bootstrap("flag:9092"),
                dataDir, "127.0.0.1", 8080);
        Properties s = config.streams();
        assertEquals("flag:9092", config.bootstrapServers());
        assertEquals("at_least_once", s.getProperty(StreamsConfig.PROCESSING_GUARANTEE_CONFIG));
        assertEquals("1", s.getProperty(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG));
        assertTrue(s.getProperty(StreamsConfig.STATE_DIR_CONFIG).endsWith("node-a"));
        assertFalse(s.containsKey("topics.replication.factor"));
        assertFalse(s.containsKey("troopwatch.instance.id"));
        assertEquals("3", config.troopwatch().getProperty("topics.replication.factor"));
    }

    @Test
    void trackingSettingsReachTheTopologyButNotTheKafkaClients() {
        Properties flags = bootstrap("b:9092");
        flags.setProperty(StreamsDefaults.REORDER_WINDOW_MS, "0");
        TroopwatchConfig config = TroopwatchConfig.resolve(new Properties(), flags, dataDir, "127.0.0.1", 8080);
        assertEquals("0", config.topologyProperties().getProperty(StreamsDefaults.REORDER_WINDOW_MS));
        assertEquals("b:9092", config.topologyProperties().getProperty(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG));
        assertFalse(config.streamsProperties().containsKey(StreamsDefaults.REORDER_WINDOW_MS));
    }

    @Test
    void configFileIsReadAsUtf8() throws Exception {
        Path file = dataDir.resolve("utf8.properties");
        Files.writeString(file, "sasl.jaas.config=password=\"Grüße-€\"\n", StandardCharsets.UTF_8);
        assertEquals("password=\"Grüße-€\"", TroopwatchConfig.loadFile(file).getProperty("sasl.jaas.config"));
    }

    @Test
    void missingBootstrapOrConfigFileFailsClearly() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TroopwatchConfig.resolve(new Properties(), new Properties(), dataDir, "127.0.0.1", 8080));
        assertTrue(e.getMessage().contains("bootstrap.servers"));
        assertThrows(RuntimeException.class, () -> TroopwatchConfig.loadFile(dataDir.resolve("missing.properties")));
    }

    @Test
    void brokerAddressFileIsFoundElseTheFallback() {
        assertEquals(BrokerAddressFile.FALLBACK, BrokerAddressFile.resolve(null, dataDir));
        BrokerAddressFile.write(dataDir, "127.0.0.1:40001");
        assertEquals("127.0.0.1:40001", BrokerAddressFile.resolve(null, dataDir));
        assertEquals("other:9092", BrokerAddressFile.resolve("other:9092", dataDir));
        BrokerAddressFile.delete(dataDir);
        assertEquals(BrokerAddressFile.FALLBACK, BrokerAddressFile.resolve("", dataDir));
    }

    private static Properties bootstrap(String servers) {
        Properties p = new Properties();
        p.setProperty(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
        return p;
    }
}

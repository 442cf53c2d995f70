package dev.troopwatch.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaBrokerTest {
    @TempDir
    Path dataDir;

    @Test
    void restartOnTheSameDataDirResumesClusterTopicsAndRecords() throws Exception {
        String clusterId;
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(BrokerSettings.singleNode(dataDir))) {
            clusterId = broker.clusterId();
            System.out.println("first start (format + start + ready): " + broker.startupTime().toMillis() + " ms");
            try (Admin admin = admin(broker)) {
                admin.createTopics(List.of(new NewTopic("resume.check", 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
            }
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>("resume.check", "k", "kept across restarts")).get(30, TimeUnit.SECONDS);
            }
        }
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(BrokerSettings.singleNode(dataDir))) {
            System.out.println("restart: " + broker.startupTime().toMillis() + " ms");
            assertEquals(clusterId, broker.clusterId());
            try (Admin admin = admin(broker)) {
                assertTrue(admin.listTopics().names().get(30, TimeUnit.SECONDS).contains("resume.check"));
            }
            Properties props = new Properties();
            props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
            props.put(ConsumerConfig.GROUP_ID_CONFIG, "resume-check");
            props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                    new StringDeserializer())) {
                consumer.subscribe(Set.of("resume.check"));
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                String value = null;
                while (value == null && System.nanoTime() < deadline) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                        value = record.value();
                    }
                }
                assertEquals("kept across restarts", value);
            }
        }
    }

    @Test
    void refusesADataDirOfAnotherCluster() {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(BrokerSettings.singleNode(dataDir))) {
            assertTrue(broker.bootstrapServers().startsWith("127.0.0.1:"));
        }
        BrokerSettings other = BrokerSettings.singleNode(dataDir);
        BrokerSettings withOtherCluster = new BrokerSettings(other.nodeId(), other.dataDir(), other.host(), 0, 0,
                "AAAAAAAAAAAAAAAAAAAAAA", List.of(), Map.of(), other.readyTimeout());
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> EmbeddedKafkaBroker.start(withOtherCluster));
        assertTrue(e.getMessage().contains("belongs to cluster"), e.getMessage());
    }

    private static Admin admin(EmbeddedKafkaBroker broker) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
    }
}

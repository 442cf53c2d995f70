package dev.troopwatch.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Future;
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
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The broker as a child JVM: what resilience tests build on. */
class BrokerProcessTest {
    @TempDir
    Path dir;

    @Test
    void acknowledgedRecordsSurviveKillMinusNineAndTheNodeResumes() throws Exception {
        BrokerProcess broker = BrokerProcess.start(BrokerProcess.Spec.singleNode(dir));
        try {
            createTopic(broker.bootstrapServers(), "kill.check", 3, 1);
            produce(broker.bootstrapServers(), "kill.check", 0, 200);
            broker.kill();
            assertFalse(broker.isAlive());
            long restartStart = System.nanoTime();
            broker = broker.restart();
            System.out.println("child broker restarted after kill -9 and ready in "
                    + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - restartStart) + " ms");
            produce(broker.bootstrapServers(), "kill.check", 200, 250);
            assertEquals(expected(250), consumeAll(broker.bootstrapServers(), "kill.check", 250));
        } finally {
            broker.close();
        }
    }

    @Test
    @Tag("soak")
    void threeNodeClusterKeepsAcceptingWritesWhenOneNodeIsKilled() throws Exception {
        List<BrokerProcess> nodes = new ArrayList<>(BrokerProcess.startCluster(3, dir,
                BrokerProcess.defaultJvmOptions(), Duration.ofSeconds(120)));
        try {
            String bootstrap = String.join(",", nodes.stream().map(BrokerProcess::bootstrapServers).toList());
            createTopic(bootstrap, "cluster.check", 3, 3);
            produce(bootstrap, "cluster.check", 0, 100);
            BrokerProcess victim = nodes.get(0);
            victim.kill();
            String survivors = nodes.get(1).bootstrapServers() + "," + nodes.get(2).bootstrapServers();
            produce(survivors, "cluster.check", 100, 200);
            nodes.set(0, victim.restart());
            assertEquals(expected(200), consumeAll(bootstrap, "cluster.check", 200));
        } finally {
            nodes.forEach(BrokerProcess::close);
        }
    }

    private static void createTopic(String bootstrap, String topic, int partitions, int replication)
            throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            NewTopic newTopic = new NewTopic(topic, partitions, (short) replication)
                    .configs(Map.of("min.insync.replicas", Integer.toString(Math.min(2, replication))));
            admin.createTopics(List.of(newTopic)).all().get(60, TimeUnit.SECONDS);
        }
    }

    private static void produce(String bootstrap, String topic, int from, int to) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true"), new StringSerializer(), new StringSerializer())) {
            List<Future<RecordMetadata>> sends = new ArrayList<>();
            for (int i = from; i < to; i++) {
                sends.add(producer.send(new ProducerRecord<>(topic, "k" + i, "v" + i)));
            }
            for (Future<RecordMetadata> send : sends) {
                send.get(120, TimeUnit.SECONDS);
            }
        }
    }

    private static Set<String> consumeAll(String bootstrap, String topic, int expected) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "check-" + topic);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        Set<String> values = new TreeSet<>();
        int records = 0;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (records < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    values.add(record.value());
                    records++;
                }
            }
        }
        assertEquals(expected, records, "records read, duplicates included");
        return values;
    }

    private static Set<String> expected(int count) {
        Set<String> values = new TreeSet<>();
        for (int i = 0; i < count; i++) {
            values.add("v" + i);
        }
        return values;
    }
}

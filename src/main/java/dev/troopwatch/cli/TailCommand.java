package dev.troopwatch.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troopwatch.runtime.ShutdownSignal;
import dev.troopwatch.stream.Json;
import dev.troopwatch.stream.TopicNames;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code troopwatch tail}: committed records of topics as JSON lines. */
@Command(name = "tail", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Print records of one or more topics as JSON lines (topic, partition, offset, timestamp, key, "
                + "value), reading only committed data (isolation.level=read_committed), until Ctrl-C.",
                "JSON values are embedded as JSON; other UTF-8 text as a string; binary as {\"base64\": ...}. "
                        + "No consumer group is joined: tail never moves anyone's offsets."})
public final class TailCommand implements Callable<Integer> {
    /** How long Ctrl-C waits for the poll in progress to end and the output to be flushed. */
    private static final Duration FINISH_TIMEOUT = Duration.ofSeconds(10);

    @Spec
    CommandSpec spec;

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--topic", paramLabel = "NAME", defaultValue = TopicNames.ALERTS,
            description = "Topic to read; repeatable. Default: ${DEFAULT-VALUE}")
    List<String> topics;

    @Option(names = "--from-beginning",
            description = "Start at the oldest retained record instead of the end.")
    boolean fromBeginning;

    @Option(names = "--max-records", paramLabel = "N",
            description = "Stop after N records (for scripts). Default: run until Ctrl-C.")
    Long maxRecords;

    @Option(names = "--idle-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Stop when nothing arrived for this long (for scripts). Default: never.")
    Duration idleTimeout;

    @Override
    public Integer call() {
        return CommandErrors.run(spec, () -> {
            Properties props = new Properties();
            props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, connection.bootstrap());
            props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
            props.put(ConsumerConfig.CLIENT_ID_CONFIG, "troopwatch-tail");
            PrintWriter out = spec.commandLine().getOut();
            try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                    new ByteArrayDeserializer())) {
                List<TopicPartition> partitions = partitions(consumer);
                consumer.assign(partitions);
                if (fromBeginning) {
                    consumer.seekToBeginning(partitions);
                } else {
                    consumer.seekToEnd(partitions);
                }
                partitions.forEach(consumer::position);
                ShutdownSignal shutdown = new ShutdownSignal(spec.commandLine().getErr()::println);
                CountDownLatch finished = shutdown.commandFinished(FINISH_TIMEOUT);
                shutdown.add(consumer::wakeup);
                try {
                    print(consumer, out);
                } catch (WakeupException e) {
                    // Ctrl-C
                } finally {
                    out.flush();
                    finished.countDown();
                    shutdown.closeNow();
                }
            }
            return 0;
        });
    }

    /** Prints records until --max-records, --idle-timeout or a wakeup (Ctrl-C). */
    private void print(KafkaConsumer<byte[], byte[]> consumer, PrintWriter out) {
        long printed = 0;
        Instant lastRecord = Instant.now();
        while (maxRecords == null || printed < maxRecords) {
            boolean any = false;
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                out.println(line(record));
                any = true;
                if (maxRecords != null && ++printed >= maxRecords) {
                    break;
                }
            }
            out.flush();
            if (any) {
                lastRecord = Instant.now();
            } else if (idleTimeout != null && Duration.between(lastRecord, Instant.now()).compareTo(idleTimeout) > 0) {
                return;
            }
        }
    }

    private List<TopicPartition> partitions(KafkaConsumer<byte[], byte[]> consumer) {
        Set<String> existing = consumer.listTopics(Duration.ofSeconds(30)).keySet();
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            if (!existing.contains(topic)) {
                throw new IllegalArgumentException("topic " + topic + " does not exist at " + connection.bootstrap()
                        + " (existing: " + String.join(", ", existing.stream().sorted().toList()) + ")");
            }
            for (PartitionInfo info : consumer.partitionsFor(topic, Duration.ofSeconds(30))) {
                partitions.add(new TopicPartition(topic, info.partition()));
            }
        }
        return partitions;
    }

    static String line(ConsumerRecord<byte[], byte[]> record) {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("topic", record.topic());
        node.put("partition", record.partition());
        node.put("offset", record.offset());
        node.put("timestamp", Instant.ofEpochMilli(record.timestamp()).toString());
        node.set("key", value(record.key(), false));
        node.set("value", value(record.value(), true));
        return node.toString();
    }

    private static JsonNode value(byte[] bytes, boolean json) {
        if (bytes == null) {
            return Json.mapper().nullNode();
        }
        if (json) {
            try {
                return Json.mapper().readTree(bytes);
            } catch (IOException e) {
                // not JSON: shown as text or base64 below
            }
        }
        try {
            return Json.mapper().getNodeFactory().textNode(StandardCharsets.UTF_8.newDecoder()
                    .decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            return Json.mapper().createObjectNode().put("base64", Base64.getEncoder().encodeToString(bytes));
        }
    }
}

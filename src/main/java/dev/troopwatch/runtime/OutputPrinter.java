package dev.troopwatch.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import dev.troopwatch.stream.Json;
import dev.troopwatch.stream.TopicNames;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * What {@code demo} shows: every committed record of the pipeline's output topics, one readable line each, as it
 * arrives. Reads with {@code read_committed} in its own consumer group, so a restarted demo continues where the
 * last one stopped instead of printing everything again.
 */
public final class OutputPrinter implements AutoCloseable {
    public static final String GROUP_ID = "troopwatch-demo-printer";
    private static final int MAX_LINE = 400;

    private final KafkaConsumer<String, byte[]> consumer;
    private final Thread thread;
    private final Consumer<String> out;

    private OutputPrinter(KafkaConsumer<String, byte[]> consumer, Consumer<String> out) {
        this.consumer = consumer;
        this.out = out;
        this.thread = new Thread(this::loop, "troopwatch-demo-printer");
        this.thread.setDaemon(true);
    }

    /** Starts printing {@code topics} (those that exist) to {@code out}. */
    public static OutputPrinter start(String bootstrapServers, Collection<String> topics, Consumer<String> out) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP_ID);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, GROUP_ID);
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new ByteArrayDeserializer());
        consumer.subscribe(List.copyOf(topics));
        OutputPrinter printer = new OutputPrinter(consumer, out);
        printer.thread.start();
        return printer;
    }

    private void loop() {
        try {
            while (true) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofSeconds(1))) {
                    out.accept(line(record.topic(), record.key(), record.value()));
                }
            }
        } catch (WakeupException e) {
            // close() asked us to stop
        } catch (RuntimeException e) {
            // the demo goes on without its printer; one line, not a stack trace on the terminal
            out.accept("printer stopped: " + e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    /** One line for a record: a summary for articles and dead letters, compact JSON for alerts and situations. */
    static String line(String topic, String key, byte[] value) {
        if (value == null) {
            return label(topic) + key + " (deleted)";
        }
        String text = new String(value, StandardCharsets.UTF_8);
        JsonNode json;
        try {
            json = Json.mapper().readTree(value);
        } catch (IOException e) {
            return label(topic) + key + " " + abbreviate(text);
        }
        if (TopicNames.ARTICLES_CLEAN.equals(topic)) {
            return label(topic) + json.path("published").asText("?") + "  " + json.path("headline").asText("")
                    + "  [" + key + "]";
        }
        if (TopicNames.DEADLETTER.equals(topic) && json.has("reason")) {
            return label(topic) + json.path("reason").asText() + ": " + abbreviate(json.path("detail").asText(""))
                    + "  (" + json.path("stage").asText("?") + ", " + json.path("source_topic").asText("?") + "/"
                    + json.path("source_partition").asText("?") + "@" + json.path("source_offset").asText("?")
                    + ", key " + key + ")";
        }
        return label(topic) + abbreviate(json.toString());
    }

    private static String label(String topic) {
        String name = switch (topic) {
            case TopicNames.ARTICLES_CLEAN -> "article";
            case TopicNames.ALERTS -> "ALERT";
            case TopicNames.SITUATIONS -> "situation";
            case TopicNames.DEADLETTER -> "dead letter";
            default -> topic;
        };
        return String.format("%-12s ", name);
    }

    private static String abbreviate(String s) {
        return s.length() <= MAX_LINE ? s : s.substring(0, MAX_LINE - 3) + "...";
    }

    @Override
    public void close() {
        consumer.wakeup();
        try {
            thread.join(Duration.ofSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

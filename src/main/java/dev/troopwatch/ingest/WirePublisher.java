package dev.troopwatch.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.troopwatch.stream.Json;
import dev.troopwatch.stream.TopicNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The wire producer: publishes articles to {@code troopwatch.articles.raw}, keyed by article id, with an idempotent
 * producer and {@code acks=all}, so a retried send is never written twice and an acknowledged one survives a broker
 * loss. One bad article or failed send is reported and the batch goes on.
 */
public final class WirePublisher implements ArticleSink, AutoCloseable {
    /** Matches the raw topic's max.message.bytes so the broker, not the client, is the limit. */
    private static final int MAX_REQUEST_BYTES = 2 * 1024 * 1024;

    private final KafkaProducer<String, byte[]> producer;
    private final String topic;

    /** {@code config} needs bootstrap.servers; anything else in it overrides the defaults here. */
    public WirePublisher(Properties config) {
        this(config, TopicNames.ARTICLES_RAW);
    }

    public WirePublisher(Properties config, String topic) {
        Properties props = new Properties();
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Integer.toString(MAX_REQUEST_BYTES));
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "60000");
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "30000");
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "troopwatch-publish");
        props.putAll(config);
        this.producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
        this.topic = topic;
    }

    /** Publishes every article of the batch in order, waits for every acknowledgement, and reports. */
    public PublishReport publish(ReadBatch batch) {
        return publish(batch, published -> { });
    }

    @Override
    public PublishReport publish(ReadBatch batch, Consumer<ParsedArticle> onPublished) {
        List<Future<RecordMetadata>> sends = new ArrayList<>();
        List<Rejection> rejected = new ArrayList<>(batch.rejections());
        if (!batch.articles().isEmpty()) {
            try {
                producer.partitionsFor(topic);
            } catch (KafkaException e) {
                // One metadata wait (max.block.ms) for the batch: otherwise every send waits it again for a topic
                // that does not exist (topics are never auto-created) or a broker that does not answer.
                batch.articles().forEach(parsed -> rejected.add(new Rejection(parsed.origin(), "not sent: "
                        + topic + " unavailable: " + e.getMessage())));
                return new PublishReport(0, rejected);
            }
        }
        for (ParsedArticle parsed : batch.articles()) {
            RawArticle article = ArticleKeys.withId(parsed.article());
            try {
                byte[] value = Json.mapper().writeValueAsBytes(article);
                sends.add(producer.send(new ProducerRecord<>(topic, article.id(), value)));
            } catch (JsonProcessingException | RuntimeException e) {
                sends.add(null);
                rejected.add(new Rejection(parsed.origin(), "not sent: " + e.getMessage()));
            }
        }
        producer.flush();
        int published = 0;
        for (int i = 0; i < sends.size(); i++) {
            Future<RecordMetadata> send = sends.get(i);
            if (send == null) {
                continue;
            }
            ParsedArticle parsed = batch.articles().get(i);
            try {
                send.get();
                published++;
                onPublished.accept(parsed);
            } catch (ExecutionException e) {
                rejected.add(new Rejection(parsed.origin(), "broker refused: " + e.getCause().getMessage()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                rejected.add(new Rejection(parsed.origin(), "interrupted before the broker acknowledged"));
            }
        }
        return new PublishReport(published, rejected);
    }

    @Override
    public void close() {
        producer.close();
    }
}
